/// A person covered by the account: the insured himself or an ayant droit.
///
/// Ranks (our convention, documented in the README of the module): rank 1 is always the insured;
/// ayants droit take ranks 2, 3, … in the order they were attached to the account (spouse first
/// when there is one, then children by birth date). A rank is never reused within an account, so
/// (NIR13, rank) identifies a beneficiary for every document and payment.
public struct Beneficiary: Hashable, Sendable {
    public enum Relationship: String, Sendable, Hashable {
        case assure = "assure"
        case conjoint = "conjoint"
        case enfant = "enfant"
    }

    public let rank: Int
    public let relationship: Relationship
    public let firstName: String
    public let lastName: String
    public let birthDate: Day

    public init(rank: Int, relationship: Relationship, firstName: String, lastName: String, birthDate: Day) throws(AccountsError) {
        guard (1...99).contains(rank) else {
            throw AccountsError(.invalidValue, field: "beneficiary.rank", reason: "rang hors de 1…99 : \(rank)")
        }
        guard (rank == 1) == (relationship == .assure) else {
            throw AccountsError(.invalidValue, field: "beneficiary.rank",
                                reason: "le rang 1 est réservé à l'assuré (rang \(rank), \(relationship.rawValue))")
        }
        guard !firstName.isEmpty, !lastName.isEmpty else {
            throw AccountsError(.invalidValue, field: "beneficiary.firstName", reason: "nom ou prénom vide")
        }
        self.rank = rank
        self.relationship = relationship
        self.firstName = firstName
        self.lastName = lastName
        self.birthDate = birthDate
    }
}
