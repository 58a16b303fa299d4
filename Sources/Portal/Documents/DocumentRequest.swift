import Accounts

/// What the insured asks for: a kind of document, for an account, with the parameters that kind
/// needs. `today` is injected (never the clock): every rule and the document's date read it.
public struct DocumentRequest: Sendable, Hashable {
    public var kind: DocumentKind
    public var nir13: String
    public var today: Day
    /// Attestation de droits: one beneficiary (nil: the whole family). CEAM: the beneficiary
    /// (nil: the insured).
    public var beneficiaryRank: Int?
    /// Relevé mensuel.
    public var month: YearMonth?
    /// Relevé annuel.
    public var year: Int?
    /// Attestation d'IJ: the period of payment.
    public var from: Day?
    public var to: Day?
    /// Optional mentions to print (attestation de droits, attestation d'IJ); nil: all that apply.
    public var mentions: Set<MentionChoice>?
    /// CEAM: the day of departure.
    public var departure: Day?

    public init(kind: DocumentKind, nir13: String, today: Day, beneficiaryRank: Int? = nil, month: YearMonth? = nil,
                year: Int? = nil, from: Day? = nil, to: Day? = nil, mentions: Set<MentionChoice>? = nil,
                departure: Day? = nil) {
        self.kind = kind
        self.nir13 = nir13
        self.today = today
        self.beneficiaryRank = beneficiaryRank
        self.month = month
        self.year = year
        self.from = from
        self.to = to
        self.mentions = mentions
        self.departure = departure
    }

    /// The parameters as one canonical line: the seed of the document id, so the same request on
    /// the same day always gets the same id (and the same bytes).
    var canonical: String {
        let mentionList = mentions.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "*"
        let parts: [String] = [kind.rawValue, nir13, today.description, beneficiaryRank.map(String.init) ?? "-",
                               month?.description ?? "-", year.map(String.init) ?? "-", from?.description ?? "-",
                               to?.description ?? "-", mentionList, departure?.description ?? "-"]
        return parts.joined(separator: "|")
    }
}

/// An optional mention the insured may ask for (`--mention`), whichever document carries it:
/// « ald » is the ALD line of the attestation de droits and the ALD note of the attestation d'IJ.
public enum MentionChoice: String, Sendable, Hashable, CaseIterable {
    case ald
    case exoneration
    case css
    case miTemps = "mi-temps"

    /// The mention codes this choice stands for on `kind`; empty when the kind has no such mention.
    func codes(on kind: DocumentKind) -> Set<Mention.Code> {
        switch (self, kind) {
        case (.ald, .attestationDroits): [.ald]
        case (.exoneration, .attestationDroits): [.exonerationTicketModerateur]
        case (.css, .attestationDroits): [.complementaireSanteSolidaire]
        case (.ald, .attestationIJ): [.ijALD]
        case (.miTemps, .attestationIJ): [.miTempsTherapeutique]
        default: []
        }
    }

    /// The mention's name in a sentence.
    var label: String {
        switch self {
        case .ald: "affection de longue durée"
        case .exoneration: "exonération du ticket modérateur"
        case .css: "complémentaire santé solidaire"
        case .miTemps: "mi-temps thérapeutique"
        }
    }
}

/// What was issued: the file's identity, for the command line, the archive and the audit log.
public struct IssuedDocument: Sendable, Hashable {
    public let id: String
    public let kind: DocumentKind
    public let pages: Int
    public let bytes: Int
    /// Lowercase hex SHA-256 of the file as written.
    public let sha256: String
}

/// Why a document was not issued: a business refusal (the rules' `Refusal`), a request that does
/// not fit the kind, or a failure to lay out or write the file. `reason` is one French line.
public enum IssueError: Error, Sendable, CustomStringConvertible {
    case refused(Refusal)
    case invalidRequest(String)
    case failed(String)

    /// Stable code: the refusal's, `requete-invalide` or `echec-edition`.
    public var code: String {
        switch self {
        case .refused(let refusal): refusal.code.rawValue
        case .invalidRequest: "requete-invalide"
        case .failed: "echec-edition"
        }
    }

    public var reason: String {
        switch self {
        case .refused(let refusal): refusal.reason
        case .invalidRequest(let reason), .failed(let reason): reason
        }
    }

    public var description: String { "\(code): \(reason)" }
}
