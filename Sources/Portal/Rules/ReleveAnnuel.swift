import Accounts

/// The relevé annuel: for a year, what was paid per beneficiary and per kind of benefit, with
/// the participations forfaitaires and franchises deducted over the year.
///
/// Care amounts are the reimbursements before deductions; the deductions are totalled apart
/// (negative) and `net` is what was actually paid. IJ and invalidity pensions belong to the
/// insured (rank 1) and are counted at their net amount paid.
public struct ReleveAnnuel: Sendable, Hashable {
    /// A kind of benefit, in printing order.
    public enum Benefit: Sendable, Hashable, Comparable {
        case care(CarePayment.Kind)
        case dailyAllowance(DailyAllowance.Cause)
        case invalidityPension

        public var label: String {
            switch self {
            case .care(let kind): ReleveAnnuel.careLabels[kind] ?? kind.rawValue
            case .dailyAllowance(.maladie): "Indemnités journalières maladie"
            case .dailyAllowance(.accidentDuTravail): "Indemnités journalières accident du travail"
            case .dailyAllowance(.maternite): "Indemnités journalières maternité"
            case .invalidityPension: "Pension d'invalidité"
            }
        }

        var order: Int {
            switch self {
            case .care(let kind): CarePayment.Kind.allCases.firstIndex(of: kind)!
            case .dailyAllowance(let cause): 100 + DailyAllowance.Cause.allCases.firstIndex(of: cause)!
            case .invalidityPension: 200
            }
        }

        public static func < (lhs: Benefit, rhs: Benefit) -> Bool { lhs.order < rhs.order }
    }

    public struct BenefitTotal: Sendable, Hashable {
        public let benefit: Benefit
        public let label: String
        public let amount: Money
    }

    /// Totals for one beneficiary.
    public struct BeneficiaryTotals: Sendable, Hashable {
        public let beneficiary: Beneficiary
        public let benefits: [BenefitTotal]
        public let participationsForfaitaires: Money
        public let franchises: Money
        /// Sum of `benefits` plus the (negative) deductions.
        public let net: Money
    }

    public let header: DocumentHeader
    public let year: Int
    public let coveredThrough: Day
    /// Beneficiaries with at least one payment in the year, by rank.
    public let beneficiaries: [BeneficiaryTotals]
    /// All beneficiaries together, per kind.
    public let benefits: [BenefitTotal]
    public let participationsForfaitaires: Money
    public let franchises: Money
    public let net: Money

    static let careLabels: [CarePayment.Kind: String] = [
        .consultation: "Consultations", .pharmacie: "Pharmacie", .biologie: "Biologie", .radiologie: "Radiologie",
        .kinesitherapie: "Kinésithérapie", .soinsInfirmiers: "Soins infirmiers", .dentaire: "Soins dentaires",
        .optique: "Optique", .hospitalisation: "Hospitalisation", .transport: "Transports",
    ]
}
