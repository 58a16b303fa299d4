import Accounts

/// The relevé fiscal: the « montant net fiscal » of the previous year per kind of income, to be
/// declared by the insured.
///
/// Rules (CGI art. 80 quinquies, CSS art. L136-8): IJ maladie and maternité are taxable at their
/// gross amount minus the deductible CSG (3,8 % of the gross); IJ for an accident du travail or
/// a maladie professionnelle are taxable on 50 % of that amount; IJ paid under an ALD exonérante
/// are not taxable (shown with a zero taxable amount); invalidity pensions contribute the
/// taxable amount of each monthly payment.
public struct ReleveFiscal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case ijMaladie = "ij-maladie"
        case ijMaternite = "ij-maternite"
        case ijAccidentDuTravail = "ij-at-mp"
        case ijALD = "ij-ald"
        case pensionInvalidite = "pension-invalidite"

        public var label: String {
            switch self {
            case .ijMaladie: "Indemnités journalières maladie"
            case .ijMaternite: "Indemnités journalières maternité"
            case .ijAccidentDuTravail: "Indemnités journalières accident du travail / maladie professionnelle (imposables à 50 %)"
            case .ijALD: "Indemnités journalières affection de longue durée (non imposables)"
            case .pensionInvalidite: "Pension d'invalidité"
            }
        }
    }

    /// One kind of income.
    public struct Line: Sendable, Hashable {
        public let kind: Kind
        public let label: String
        public let gross: Money
        public let netPaid: Money
        /// Montant net fiscal to declare.
        public let taxable: Money
    }

    public let header: DocumentHeader
    public let year: Int
    /// Kinds with at least one payment, in `Kind.allCases` order.
    public let lines: [Line]
    public let totalTaxable: Money
    public let mentions: [Mention]
}
