import Accounts
import LayoutDefinitions

/// Raw values for the layouts: amounts in cents, days as ISO strings, rates as percentages. The
/// layouts format them (`centimes`, `date_longue`, `pourcent`); nothing here is French typography.
enum LayoutData {
    static func cents(_ money: Money) -> DataValue { .int(money.cents) }
    static func day(_ day: Day) -> DataValue { .string(day.description) }
    static func month(_ month: YearMonth) -> DataValue { .string(month.description) }

    /// 620 basis points → 6.2; 7000 → 70 (an integer when whole, so it prints « 70 % »).
    static func percent(_ rate: Rate) -> DataValue {
        rate.basisPoints % 100 == 0 ? .int(Int64(rate.basisPoints / 100)) : .double(Double(rate.basisPoints) / 100)
    }

    static func mentions(_ mentions: [Mention]) -> DataValue {
        .array(mentions.map { ["code": .string($0.code.rawValue), "texte": .string($0.text)] })
    }

    /// What every layout's letterhead and identification block read (`partials/letterhead.yaml`,
    /// `partials/identification.yaml`), plus the title and the document id.
    static func common(_ header: DocumentHeader, id: String, title: String) -> [(key: String, value: DataValue)] {
        let insured = header.insured, caisse = header.caisse
        return [
            ("id", .string(id)),
            ("titre", .string(title)),
            ("date_edition", day(header.issuedOn)),
            ("caisse", [
                "nom": .string(caisse.name),
                "code": .string(caisse.code),
                "adresse": [.string(caisse.address.street), .string("\(caisse.address.postalCode) \(caisse.address.city)")],
                // The account's single national number: the store keeps no number per caisse.
                "telephone": "36 46",
            ]),
            ("assure", [
                "civilite": .string(insured.sex == .female ? "Mme" : "M."),
                "prenom": .string(insured.firstName),
                "nom": .string(insured.displayLastName.uppercased()),
                "nir": .string(insured.nir.nir13),
                "date_naissance": day(insured.birthDate),
                "adresse": [.string(insured.address.street), .string("\(insured.address.postalCode) \(insured.address.city)")],
            ]),
        ]
    }

    /// « né » / « née » when the sex is known (the insured), « né(e) » for an ayant droit, whose
    /// sex the account does not record.
    static func born(_ beneficiary: Beneficiary, insured: InsuredPerson) -> String {
        guard beneficiary.rank == 1 else { return "né(e)" }
        return insured.sex == .female ? "née" : "né"
    }

    /// « Assurée », « Enfant »…: the beneficiary's quality on the attestation.
    static func quality(_ beneficiary: Beneficiary, insured: InsuredPerson) -> String {
        switch beneficiary.relationship {
        case .assure: insured.sex == .female ? "Assurée" : "Assuré"
        case .conjoint: "Conjoint(e), ayant droit"
        case .enfant: "Enfant, ayant droit"
        }
    }
}
