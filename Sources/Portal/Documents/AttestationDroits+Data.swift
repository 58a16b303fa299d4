import Accounts
import LayoutDefinitions

extension AttestationDroits {
    /// The data of `Layouts/attestation-droits.yaml`, printing only the mentions in `shown`
    /// (the insured chooses which optional mentions appear: an employer need not learn of an ALD).
    public func layoutData(id: String, shown: Set<Mention.Code>? = nil) -> DataValue {
        let insured = header.insured
        let people: [DataValue] = lines.map { line in
            let b = line.beneficiary
            var fields: [(key: String, value: DataValue)] = [
                ("prenom", .string(b.firstName)),
                ("nom", .string(b.rank == 1 ? insured.displayLastName : b.lastName)),
                ("date_naissance", LayoutData.day(b.birthDate)),
                ("ne", .string(LayoutData.born(b, insured: insured))),
                ("qualite", .string(LayoutData.quality(b, insured: insured))),
                ("droits_du", LayoutData.day(line.rightsFrom)),
            ]
            if let to = line.rightsTo { fields.append(("droits_au", LayoutData.day(to))) }
            fields.append(("mentions", LayoutData.mentions(line.mentions.filter { shown?.contains($0.code) ?? true })))
            return .object(fields)
        }
        let subject: String = switch scope {
        case .family: lines.count > 1 ? "les personnes ci-dessous ont" : "la personne ci-dessous a"
        case .beneficiary: "la personne ci-dessous a"
        }
        return .object(LayoutData.common(header, id: id, title: "Attestation de droits à l'assurance maladie")
            + [("portee_texte", .string(subject)), ("beneficiaires", .array(people))])
    }
}
