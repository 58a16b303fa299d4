import Accounts

/// The relevé mensuel des remboursements: the month's payments grouped by beneficiary, each with
/// its deductions as negative lines, who it was paid to and when, and the month's totals.
public struct ReleveMensuel: Sendable, Hashable {
    /// A deduction printed under a payment, as a negative amount.
    public struct Deduction: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case participationForfaitaire = "participation-forfaitaire"
            case franchise
        }
        public let kind: Kind
        public let label: String
        /// Always negative.
        public let amount: Money
    }

    /// One reimbursement.
    public struct Payment: Sendable, Hashable {
        public let careDate: Day
        public let act: String
        public let professional: String
        public let amountPaid: Money
        public let base: Money
        public let rate: Rate
        public let reimbursed: Money
        public let deductions: [Deduction]
        /// `reimbursed` + deductions (which are negative).
        public let net: Money
        public let paidOn: Day
        public let paidTo: CarePayment.Payee
        /// « Réglé le 5 octobre 2026 à vous » / « … au professionnel de santé (tiers payant) ».
        public let settlement: String
        public let dossier: String
    }

    /// Sums over payments; deductions are negative.
    public struct Totals: Sendable, Hashable {
        public let amountPaid: Money
        public let reimbursed: Money
        public let participationsForfaitaires: Money
        public let franchises: Money
        public let net: Money
        public let paidToInsured: Money
        public let paidToProfessionals: Money

        init(_ payments: [Payment]) {
            func deductions(_ kind: Deduction.Kind) -> Money {
                payments.flatMap(\.deductions).filter { $0.kind == kind }.map(\.amount).sum()
            }
            amountPaid = payments.map(\.amountPaid).sum()
            reimbursed = payments.map(\.reimbursed).sum()
            participationsForfaitaires = deductions(.participationForfaitaire)
            franchises = deductions(.franchise)
            net = payments.map(\.net).sum()
            paidToInsured = payments.filter { $0.paidTo == .assure }.map(\.net).sum()
            paidToProfessionals = payments.filter { $0.paidTo == .professionnel }.map(\.net).sum()
        }
    }

    /// The payments of one beneficiary.
    public struct Group: Sendable, Hashable {
        public let beneficiary: Beneficiary
        public let payments: [Payment]
        public let totals: Totals
    }

    public let header: DocumentHeader
    public let month: YearMonth
    /// « novembre 2026 ».
    public let monthLabel: String
    /// In rank order; beneficiaries without payments in the month are omitted.
    public let groups: [Group]
    public let totals: Totals
}
