/// What the portal needs from account data, and nothing more.
///
/// The protocol speaks domain types only, so a PostgreSQL backend can follow the SQLite one
/// without the portal noticing. Every method throws `AccountsError`. Accounts are addressed by
/// NIR13 (the 13 characters without the key) and beneficiaries by their rank in the account.
/// Payment ranges are by **payment date**, bounds included: relevés and tax amounts follow the
/// date the money was paid, not the date of care.
public protocol AccountStore: Sendable {
    func caisse(code: String) throws -> Caisse?
    func insured(nir13: String) throws -> InsuredPerson?
    /// Ordered by rank; rank 1 is the insured.
    func beneficiaries(nir13: String) throws -> [Beneficiary]
    /// Ordered by beneficiary rank, then start date.
    func rightsPeriods(nir13: String) throws -> [RightsPeriod]
    /// Care payments paid within `paid` (ordered by payment date, then care date), for one
    /// beneficiary when `beneficiaryRank` is given.
    func carePayments(nir13: String, paid: ClosedRange<Day>, beneficiaryRank: Int?) throws -> [CarePayment]
    /// IJ payments paid within `paid`, ordered by payment date then period start.
    func dailyAllowances(nir13: String, paid: ClosedRange<Day>) throws -> [DailyAllowance]
    /// Invalidity pension payments paid during `year`, ordered by payment date.
    func invalidityPayments(nir13: String, year: Int) throws -> [InvalidityPayment]
    func ceamCards(nir13: String) throws -> [CEAMCard]
    func ceamCertificates(nir13: String) throws -> [CEAMCertificate]
    /// Records a delivered provisional certificate. Refuses atomically (`.alreadyDelivered`) when
    /// the beneficiary already has one: the uniqueness is a database constraint, so two
    /// concurrent requests cannot both succeed.
    func recordCEAMCertificate(_ certificate: CEAMCertificate, nir13: String) throws
    /// The first `limit` accounts in NIR order, with their caisse and beneficiaries.
    func accountSummaries(limit: Int) throws -> [AccountSummary]
}
