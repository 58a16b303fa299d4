/// The assuré: the holder of the online account, identified by his NIR.
public struct InsuredPerson: Hashable, Sendable {
    public enum Sex: Int, Sendable, Hashable { case male = 1, female = 2 }

    public let nir: NIR
    /// Nom de naissance.
    public let lastName: String
    /// Nom d'usage (spouse's name, or both names joined by a hyphen), printed when present.
    public let usageName: String?
    public let firstName: String
    public let sex: Sex
    public let birthDate: Day
    public let address: PostalAddress
    public let email: String?
    /// Only the masked form is kept; the full IBAN is validated at construction and dropped.
    public let bankAccount: MaskedIBAN?
    /// The code organisme of the caisse d'affiliation.
    public let caisseCode: String
    /// Médecin traitant declared (« Dr Anne Martin »), if any.
    public let medecinTraitant: String?
    /// Complémentaire santé (organisme name), if any.
    public let complementaire: String?

    public init(nir: NIR, lastName: String, usageName: String? = nil, firstName: String, sex: Sex,
                birthDate: Day, address: PostalAddress, email: String? = nil, iban: IBAN? = nil,
                caisseCode: String, medecinTraitant: String? = nil, complementaire: String? = nil) throws(AccountsError) {
        try self.init(nir: nir, lastName: lastName, usageName: usageName, firstName: firstName, sex: sex,
                      birthDate: birthDate, address: address, email: email, bankAccount: iban?.masked,
                      caisseCode: caisseCode, medecinTraitant: medecinTraitant, complementaire: complementaire)
    }

    package init(nir: NIR, lastName: String, usageName: String?, firstName: String, sex: Sex,
                 birthDate: Day, address: PostalAddress, email: String?, bankAccount: MaskedIBAN?,
                 caisseCode: String, medecinTraitant: String?, complementaire: String?) throws(AccountsError) {
        guard !lastName.isEmpty else { throw AccountsError(.invalidValue, field: "insured.lastName", reason: "nom vide") }
        guard !firstName.isEmpty else { throw AccountsError(.invalidValue, field: "insured.firstName", reason: "prénom vide") }
        if let email, !email.contains("@") {
            throw AccountsError(.invalidValue, field: "insured.email", reason: "adresse électronique sans « @ »")
        }
        self.nir = nir
        self.lastName = lastName
        self.usageName = usageName?.isEmpty == true ? nil : usageName
        self.firstName = firstName
        self.sex = sex
        self.birthDate = birthDate
        self.address = address
        self.email = email
        self.bankAccount = bankAccount
        self.caisseCode = caisseCode
        self.medecinTraitant = medecinTraitant
        self.complementaire = complementaire
    }

    /// The name as printed: nom d'usage when declared, else nom de naissance.
    public var displayLastName: String { usageName ?? lastName }
}
