import Accounts

/// The certificat provisoire de remplacement de la CEAM for one beneficiary.
public struct CertificatProvisoireCEAM: Sendable, Hashable {
    public let header: DocumentHeader
    public let beneficiary: Beneficiary
    /// The insured's NIR: the beneficiary is covered through it.
    public let nir: NIR
    public let departure: Day
    public let deliveredOn: Day
    public let validFrom: Day
    public let validTo: Day
}
