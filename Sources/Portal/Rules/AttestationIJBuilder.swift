import Accounts

/// Builds an `AttestationIJ` for the payments paid within [from, to].
public enum AttestationIJBuilder {
    public static func build(store: any AccountStore, nir13: String, from: Day, to: Day, today: Day,
                             policy: IJPeriodPolicy = IJPeriodPolicy()) throws(Refusal) -> AttestationIJ {
        try policy.validate(from: from, to: to, today: today)
        let header = try DocumentHeader.load(store: store, nir13: nir13, today: today)
        let payments = try Refusal.reading { try store.dailyAllowances(nir13: nir13, paid: from...to) }
        guard !payments.isEmpty else {
            throw Refusal(.aucunPaiement,
                          "Aucune indemnité journalière ne vous a été versée du \(FrenchDate.long(from)) au \(FrenchDate.long(to)).")
        }
        let taxable = payments.filter { !$0.ald }
        let ald = payments.filter(\.ald)
        var groups: [AttestationIJ.Group] = []
        if !taxable.isEmpty {
            groups.append(AttestationIJ.Group(title: "Indemnités journalières imposables", rows: taxable,
                                              totals: AttestationIJ.Totals(taxable)))
        }
        if !ald.isEmpty {
            groups.append(AttestationIJ.Group(title: "Indemnités journalières versées au titre d'une affection de longue durée (non imposables)",
                                              rows: ald, totals: AttestationIJ.Totals(ald)))
        }
        var mentions: [Mention] = []
        if !ald.isEmpty {
            mentions.append(Mention(.ijALD, "Les indemnités versées au titre d'une affection de longue durée ne sont pas imposables."))
        }
        if payments.contains(where: \.miTempsTherapeutique) {
            mentions.append(Mention(.miTempsTherapeutique,
                                    "Certaines indemnités ont été versées au titre d'un temps partiel thérapeutique."))
        }
        return AttestationIJ(header: header, from: from, to: to, groups: groups, totals: AttestationIJ.Totals(taxable + ald),
                             csgRate: DailyAllowance.csgRate, crdsRate: DailyAllowance.crdsRate, mentions: mentions)
    }
}
