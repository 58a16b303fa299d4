/// A caisse primaire d'assurance maladie (CPAM) or another organisme: the issuer named on
/// every document.
public struct Caisse: Hashable, Sendable {
    /// The code organisme (9 digits: régime, caisse, centre), the caisse's stable identifier.
    public let code: String
    public let name: String
    public let address: PostalAddress

    public init(code: String, name: String, address: PostalAddress) throws(AccountsError) {
        guard code.count == 9, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
            throw AccountsError(.invalidValue, field: "caisse.code", reason: "code organisme à 9 chiffres attendu : « \(code) »")
        }
        guard !name.isEmpty else {
            throw AccountsError(.invalidValue, field: "caisse.name", reason: "nom de caisse vide")
        }
        self.code = code
        self.name = name
        self.address = address
    }
}
