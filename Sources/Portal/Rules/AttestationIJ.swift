import Accounts

/// The attestation de paiement des indemnités journalières for a period: every payment with its
/// amounts, totals, and the ALD payments kept apart because they are not taxable (CGI art. 80
/// quinquies). CSG is 6,2 % and CRDS 0,5 % of the gross amount.
public struct AttestationIJ: Sendable, Hashable {
    /// One payment: the store's own record, which already carries every column the attestation prints.
    public typealias Row = DailyAllowance

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
