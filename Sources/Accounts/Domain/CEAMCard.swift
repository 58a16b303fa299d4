/// A carte européenne d'assurance maladie held by a beneficiary.
public struct CEAMCard: Hashable, Sendable {
    public let beneficiaryRank: Int
    /// The 20-digit card number.
    public let cardNumber: String
    public let expiry: Day

    public init(beneficiaryRank: Int, cardNumber: String, expiry: Day) throws(AccountsError) {
        guard cardNumber.count == 20, cardNumber.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw AccountsError(.invalidValue, field: "ceamCard.cardNumber", reason: "numéro de carte à 20 chiffres attendu")
        }
        self.beneficiaryRank = beneficiaryRank
        self.cardNumber = cardNumber
        self.expiry = expiry
    }
}
