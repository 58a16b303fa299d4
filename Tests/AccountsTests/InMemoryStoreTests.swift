import Accounts
import Testing

/// The in-memory store answers every query like the SQLite store, on a seeded population.
@Suite("In-memory store")
struct InMemoryStoreTests {
    @Test("same answers as SQLite for every query of every account")
    func sameAnswers() throws {
        let generator = PopulationGenerator(seed: 21, today: Fixtures.day("2026-11-26"))
        let accounts = try (0..<40).map { try generator.account(index: $0) }
        let sql = try SQLiteAccountStore(path: try Fixtures.databasePath())
        for caisse in try generator.caisses() { try sql.insert(caisse) }
        try sql.insert(accounts)
        let memory = try InMemoryAccountStore(caisses: generator.caisses(), accounts: accounts)
        let window = Fixtures.day("2025-01-01")...Fixtures.day("2025-12-31")
        var compared = 0
        for account in accounts {
            let nir13 = account.insured.nir.nir13
            #expect(try sql.insured(nir13: nir13) == memory.insured(nir13: nir13))
            #expect(try sql.beneficiaries(nir13: nir13) == memory.beneficiaries(nir13: nir13))
            #expect(try sql.rightsPeriods(nir13: nir13) == memory.rightsPeriods(nir13: nir13))
            #expect(try sql.carePayments(nir13: nir13, paid: window, beneficiaryRank: nil)
                    == memory.carePayments(nir13: nir13, paid: window, beneficiaryRank: nil))
            #expect(try sql.carePayments(nir13: nir13, paid: window, beneficiaryRank: 1)
                    == memory.carePayments(nir13: nir13, paid: window, beneficiaryRank: 1))
            #expect(try sql.dailyAllowances(nir13: nir13, paid: window) == memory.dailyAllowances(nir13: nir13, paid: window))
            #expect(try sql.invalidityPayments(nir13: nir13, year: 2025) == memory.invalidityPayments(nir13: nir13, year: 2025))
            #expect(try sql.ceamCards(nir13: nir13) == memory.ceamCards(nir13: nir13))
            #expect(try sql.ceamCertificates(nir13: nir13) == memory.ceamCertificates(nir13: nir13))
            compared += try sql.carePayments(nir13: nir13, paid: window, beneficiaryRank: nil).count
        }
        #expect(compared > 100)
        #expect(try sql.accountSummaries(limit: 15) == memory.accountSummaries(limit: 15))
    }

    @Test("the same refusals: duplicate NIR, unknown caisse, second certificate")
    func sameRefusals() throws {
        let memory = try InMemoryAccountStore(caisses: [Fixtures.caisse], accounts: [Fixtures.account()])
        let duplicate = #expect(throws: AccountsError.self) { try memory.insert(Fixtures.account()) }
        #expect(duplicate?.code == .duplicate)
        let orphan = #expect(throws: AccountsError.self) { try InMemoryAccountStore(accounts: [Fixtures.account()]) }
        #expect(orphan?.code == .constraintViolation)
        let certificate = try CEAMCertificate(beneficiaryRank: 2, deliveredOn: Fixtures.day("2026-11-20"),
                                              validFrom: Fixtures.day("2026-11-20"), validTo: Fixtures.day("2027-02-19"))
        try memory.recordCEAMCertificate(certificate, nir13: Fixtures.nir13)
        let again = #expect(throws: AccountsError.self) { try memory.recordCEAMCertificate(certificate, nir13: Fixtures.nir13) }
        #expect(again?.code == .alreadyDelivered)
    }
}
