import Synchronization

/// An `AccountStore` over accounts held in memory: for tests and samples in other modules
/// (layout, rendering) that need document data without a database file, and a second
/// implementation that keeps the protocol honest about speaking domain types only.
///
/// It applies the same rules as the SQLite store on insert (`Account.validate()`, unique NIR)
/// and on `recordCEAMCertificate` (once per beneficiary).
public final class InMemoryAccountStore: AccountStore {
    private struct State {
        var caisses: [String: Caisse] = [:]
        var accounts: [String: Account] = [:]
    }

    private let state = Mutex(State())

    public init(caisses: [Caisse] = [], accounts: [Account] = []) throws {
        for caisse in caisses { insert(caisse) }
        for account in accounts { try insert(account) }
    }

    public func insert(_ caisse: Caisse) {
        state.withLock { $0.caisses[caisse.code] = caisse }
    }

    public func insert(_ account: Account) throws {
        try account.validate()
        try state.withLock { state throws(AccountsError) in
            guard state.caisses[account.insured.caisseCode] != nil else {
                throw AccountsError(.constraintViolation, field: "insured", reason: "référence inconnue (caisse)")
            }
            guard state.accounts[account.insured.nir.nir13] == nil else {
                throw AccountsError(.duplicate, field: "insured", reason: "enregistrement déjà présent (NIR)")
            }
            state.accounts[account.insured.nir.nir13] = account
        }
    }

    private func account(_ nir13: String) -> Account? { state.withLock { $0.accounts[nir13] } }

    public func caisse(code: String) throws -> Caisse? { state.withLock { $0.caisses[code] } }
    public func insured(nir13: String) throws -> InsuredPerson? { account(nir13)?.insured }

    public func beneficiaries(nir13: String) throws -> [Beneficiary] {
        (account(nir13)?.beneficiaries ?? []).sorted { $0.rank < $1.rank }
    }

    public func rightsPeriods(nir13: String) throws -> [RightsPeriod] {
        (account(nir13)?.rightsPeriods ?? []).sorted { ($0.beneficiaryRank, $0.openFrom) < ($1.beneficiaryRank, $1.openFrom) }
    }

    public func carePayments(nir13: String, paid: ClosedRange<Day>, beneficiaryRank: Int?) throws -> [CarePayment] {
        (account(nir13)?.carePayments ?? [])
            .filter { paid.contains($0.paymentDate) && (beneficiaryRank == nil || $0.beneficiaryRank == beneficiaryRank) }
            .sorted { ($0.paymentDate, $0.careDate) < ($1.paymentDate, $1.careDate) }
    }

    public func dailyAllowances(nir13: String, paid: ClosedRange<Day>) throws -> [DailyAllowance] {
        (account(nir13)?.dailyAllowances ?? []).filter { paid.contains($0.paymentDate) }
            .sorted { ($0.paymentDate, $0.from) < ($1.paymentDate, $1.from) }
    }

    public func invalidityPayments(nir13: String, year: Int) throws -> [InvalidityPayment] {
        (account(nir13)?.invalidityPayments ?? []).filter { $0.paymentDate.year == year }.sorted { $0.paymentDate < $1.paymentDate }
    }

    public func ceamCards(nir13: String) throws -> [CEAMCard] {
        (account(nir13)?.ceamCards ?? []).sorted { ($0.beneficiaryRank, $0.expiry) < ($1.beneficiaryRank, $1.expiry) }
    }

    public func ceamCertificates(nir13: String) throws -> [CEAMCertificate] {
        (account(nir13)?.ceamCertificates ?? []).sorted { $0.beneficiaryRank < $1.beneficiaryRank }
    }

    public func recordCEAMCertificate(_ certificate: CEAMCertificate, nir13: String) throws {
        try state.withLock { state throws(AccountsError) in
            guard var account = state.accounts[nir13] else {
                throw AccountsError(.notFound, field: "nir13", reason: "aucun compte pour ce NIR")
            }
            guard account.beneficiaries.contains(where: { $0.rank == certificate.beneficiaryRank }) else {
                throw AccountsError(.unknownBeneficiary, field: "ceamCertificate.beneficiaryRank",
                                    reason: "aucun bénéficiaire de rang \(certificate.beneficiaryRank)")
            }
            guard !account.ceamCertificates.contains(where: { $0.beneficiaryRank == certificate.beneficiaryRank }) else {
                throw AccountsError(.alreadyDelivered, field: "ceamCertificate.beneficiaryRank",
                                    reason: "un certificat provisoire a déjà été délivré pour le rang \(certificate.beneficiaryRank)")
            }
            account.ceamCertificates.append(certificate)
            state.accounts[nir13] = account
        }
    }

    public func accountSummaries(limit: Int) throws -> [AccountSummary] {
        try state.withLock { state in
            try state.accounts.keys.sorted().prefix(max(0, limit)).map { nir13 in
                let a = state.accounts[nir13]!
                guard let caisse = state.caisses[a.insured.caisseCode] else {
                    throw AccountsError(.notFound, field: "insured.caisseCode", reason: "caisse inconnue")
                }
                return AccountSummary(nir13: nir13, lastName: a.insured.lastName, usageName: a.insured.usageName,
                                      firstName: a.insured.firstName, caisse: caisse,
                                      beneficiaries: a.beneficiaries.sorted { $0.rank < $1.rank })
            }
        }
    }
}
