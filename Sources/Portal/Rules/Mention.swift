/// A regulatory mention printed on a document only when it applies (ALD, exonération du ticket
/// modérateur, complémentaire santé solidaire, mi-temps thérapeutique, …). The code lets the
/// layout pick a style; the text is the sentence printed.
public struct Mention: Sendable, Hashable {
    public enum Code: String, Sendable, Hashable {
        case ald
        case exonerationTicketModerateur = "exoneration-ticket-moderateur"
        case complementaireSanteSolidaire = "complementaire-sante-solidaire"
        case ijALD = "ij-ald"
        case miTempsTherapeutique = "mi-temps-therapeutique"
        case accidentDuTravailDemiImposable = "at-mp-50"
    }

    public let code: Code
    public let text: String

    public init(_ code: Code, _ text: String) {
        self.code = code
        self.text = text
    }
}
