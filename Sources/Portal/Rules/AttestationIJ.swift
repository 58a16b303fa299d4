import Accounts

/// The attestation de paiement des indemnités journalières for a period: every payment with its
/// amounts, totals, and the ALD payments kept apart because they are not taxable (CGI art. 80
/// quinquies). CSG is 6,2 % and CRDS 0,5 % of the gross amount.
public struct AttestationIJ: Sendable, Hashable {
    /// One payment.
    public struct Row: Sendable, Hashable {
        public let workStopReference: String
        public let cause: DailyAllowance.Cause
        public let from: Day
        public let to: Day
        public let days: Int
        public let dailyGross: Money
        public let gross: Money
        public let csg: Money
        public let crds: Money
        public let net: Money
        public let paymentDate: Day
        public let miTempsTherapeutique: Bool
    }

    /// Sums of a set of rows.
    public struct Totals: Sendable, Hashable {
        public let days: Int
        public let gross: Money
        public let csg: Money
        public let crds: Money
        public let net: Money

        init(_ rows: [Row]) {
            days = rows.map(\.days).reduce(0, +)
            gross = rows.map(\.gross).sum()
            csg = rows.map(\.csg).sum()
            crds = rows.map(\.crds).sum()
            net = rows.map(\.net).sum()
        }
    }

    /// A titled block of rows with its subtotal.
    public struct Group: Sendable, Hashable {
        public let title: String
        public let rows: [Row]
        public let totals: Totals
    }

    public let header: DocumentHeader
    public let from: Day
    public let to: Day
    /// Taxable payments first, then those under an ALD exonérante; an empty group is omitted.
    public let groups: [Group]
    public let totals: Totals
    public let csgRate: Rate
    public let crdsRate: Rate
    public let mentions: [Mention]
}

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
        func row(_ p: DailyAllowance) -> AttestationIJ.Row {
            AttestationIJ.Row(workStopReference: p.workStopReference, cause: p.cause, from: p.from, to: p.to, days: p.days,
                              dailyGross: p.dailyGross, gross: p.gross, csg: p.csg, crds: p.crds, net: p.net,
                              paymentDate: p.paymentDate, miTempsTherapeutique: p.miTempsTherapeutique)
        }
        let taxable = payments.filter { !$0.ald }.map(row)
        let ald = payments.filter(\.ald).map(row)
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
