import Accounts
import LayoutDefinitions

extension ReleveAnnuel {
    /// The data of `Layouts/releve-annuel.yaml`: per beneficiary and for the whole account, the
    /// amounts per kind of benefit, then the year's deductions (negative) and what was paid.
    public func layoutData(id: String) -> DataValue {
        func benefits(_ list: [BenefitTotal]) -> DataValue {
            .array(list.map { ["libelle": .string($0.label), "montant": LayoutData.cents($0.amount)] })
        }
        let people: [DataValue] = beneficiaries.map { t in
            [
                "prenom": .string(t.beneficiary.firstName),
                "ne": .string(LayoutData.born(t.beneficiary, insured: header.insured)),
                "date_naissance": LayoutData.day(t.beneficiary.birthDate),
                "prestations": benefits(t.benefits),
                "participations": LayoutData.cents(t.participationsForfaitaires),
                "franchises": LayoutData.cents(t.franchises),
                "net": LayoutData.cents(t.net),
            ]
        }
        return .object(LayoutData.common(header, id: id, title: "Relevé annuel de vos remboursements \(year)") + [
            ("annee", .int(Int64(year))),
            ("jusqu_au", LayoutData.day(coveredThrough)),
            ("beneficiaires", .array(people)),
            ("prestations", benefits(self.benefits)),
            ("participations", LayoutData.cents(participationsForfaitaires)),
            ("franchises", LayoutData.cents(franchises)),
            ("net", LayoutData.cents(net)),
        ])
    }
}
