import Accounts
import LayoutDefinitions

extension ReleveMensuel {
    /// The data of `Layouts/releve-mensuel-assure.yaml`. The lines come flat, in printing order:
    /// for each beneficiary, a `beneficiaire` line, one `paiement` line per payment (with its
    /// deductions, negative), then a `sous-total` line (see the layout for why).
    public func layoutData(id: String) -> DataValue {
        var lines: [DataValue] = []
        for group in groups {
            let b = group.beneficiary
            lines.append(["genre": "beneficiaire", "prenom": .string(b.firstName),
                          "ne": .string(LayoutData.born(b, insured: header.insured)),
                          "date_naissance": LayoutData.day(b.birthDate)])
            lines += group.payments.map(Self.payment)
            lines.append(["genre": "sous-total", "prenom": .string(b.firstName), "totaux": Self.totals(group.totals)])
        }
        return .object(LayoutData.common(header, id: id, title: "Relevé mensuel de vos remboursements") + [
            ("mois", LayoutData.month(month)),
            ("periode_du", LayoutData.day(month.firstDay)),
            ("periode_au", LayoutData.day(month.lastDay)),
            ("lignes", .array(lines)),
            ("totaux", Self.totals(totals)),
        ])
    }

    static func payment(_ p: Payment) -> DataValue {
        [
            "genre": "paiement",
            "date_soins": LayoutData.day(p.careDate),
            "nature": .string(p.professional.isEmpty ? p.act : "\(p.act) — \(p.professional)"),
            "montant_paye": LayoutData.cents(p.amountPaid),
            "base": LayoutData.cents(p.base),
            "taux": LayoutData.percent(p.rate),
            "rembourse": LayoutData.cents(p.reimbursed),
            "deductions": .array(p.deductions.map { ["libelle": .string($0.label), "montant": LayoutData.cents($0.amount)] }),
            "net": LayoutData.cents(p.net),
            "regle_le": LayoutData.day(p.paidOn),
            "destinataire": .string(p.paidTo == .assure ? "à vous" : "au professionnel de santé (tiers payant)"),
            "dossier": .string(p.dossier),
        ]
    }

    static func totals(_ t: Totals) -> DataValue {
        ["montant_paye": LayoutData.cents(t.amountPaid), "rembourse": LayoutData.cents(t.reimbursed),
         "participations": LayoutData.cents(t.participationsForfaitaires), "franchises": LayoutData.cents(t.franchises),
         "net": LayoutData.cents(t.net), "verse_assure": LayoutData.cents(t.paidToInsured),
         "verse_professionnels": LayoutData.cents(t.paidToProfessionals)]
    }
}
