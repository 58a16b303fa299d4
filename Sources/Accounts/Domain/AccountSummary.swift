/// One line of the account list (`paperasse accounts`).
public struct AccountSummary: Hashable, Sendable {
    public let nir13: String
    public let lastName: String
    public let usageName: String?
    public let firstName: String
    public let caisse: Caisse
    public let beneficiaries: [Beneficiary]

    public init(nir13: String, lastName: String, usageName: String?, firstName: String, caisse: Caisse, beneficiaries: [Beneficiary]) {
        self.nir13 = nir13
        self.lastName = lastName
        self.usageName = usageName
        self.firstName = firstName
        self.caisse = caisse
        self.beneficiaries = beneficiaries
    }
}
