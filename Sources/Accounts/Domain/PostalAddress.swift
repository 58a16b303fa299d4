/// A postal address as printed in an address block (French norm NF Z10-011: street line, then
/// postal code and city).
public struct PostalAddress: Hashable, Sendable {
    public let street: String
    public let postalCode: String
    public let city: String

    public init(street: String, postalCode: String, city: String, field: String = "address") throws(AccountsError) {
        guard postalCode.count == 5, postalCode.allSatisfy(\.isASCII), postalCode.allSatisfy(\.isNumber) else {
            throw AccountsError(.invalidValue, field: "\(field).postalCode", reason: "code postal à 5 chiffres attendu")
        }
        guard !street.isEmpty, !city.isEmpty else {
            throw AccountsError(.invalidValue, field: field, reason: "adresse incomplète")
        }
        self.street = street
        self.postalCode = postalCode
        self.city = city
    }
}
