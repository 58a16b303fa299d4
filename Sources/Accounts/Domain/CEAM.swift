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

/// A certificat provisoire de remplacement (CPR) of the CEAM delivered online.
public struct CEAMCertificate: Hashable, Sendable {
    public let beneficiaryRank: Int
    public let deliveredOn: Day
    public let validFrom: Day
    public let validTo: Day

    public init(beneficiaryRank: Int, deliveredOn: Day, validFrom: Day, validTo: Day) throws(AccountsError) {
        guard validFrom <= validTo else {
            throw AccountsError(.invalidValue, field: "ceamCertificate.validTo", reason: "validité inversée : du \(validFrom) au \(validTo)")
        }
        self.beneficiaryRank = beneficiaryRank
        self.deliveredOn = deliveredOn
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
