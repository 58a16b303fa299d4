import Accounts

/// The attestation de droits: who is covered, since when, until when, with the mentions that
/// apply (ALD, exonération du ticket modérateur, CSS). All values computed; layout only prints.
public struct AttestationDroits: Sendable, Hashable {
    /// Whole family, or one beneficiary.
    public enum Scope: Sendable, Hashable {
        case family
        case beneficiary(rank: Int)
    }

    /// One covered person.
    public struct Line: Sendable, Hashable {
        public let beneficiary: Beneficiary
        public let rightsFrom: Day
        /// `nil`: open-ended.
        public let rightsTo: Day?
        public let mentions: [Mention]
    }

    public let header: DocumentHeader
    public let scope: Scope
    public let lines: [Line]
}
