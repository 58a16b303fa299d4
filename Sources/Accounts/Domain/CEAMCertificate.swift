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
