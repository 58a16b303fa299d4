import Accounts
import Foundation
import Testing

@Suite("SQLite account store")
struct StoreTests {
    @Test("a fresh file gets every migration, WAL and foreign keys")
    func freshFile() throws {
        let path = try Fixtures.databasePath()
        let store = try SQLiteAccountStore(path: path)
        #expect(try store.pragma("user_version") == "\(SQLiteAccountStore.schemaVersion)")
        #expect(SQLiteAccountStore.schemaVersion >= 2)
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("foreign_keys") == "1")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("reopening does not rerun migrations and keeps the data")
    func reopen() throws {
        let path = try Fixtures.databasePath()
        do {
            let store = try SQLiteAccountStore(path: path)
            try store.insert(Fixtures.caisse)
        }
        let again = try SQLiteAccountStore(path: path)
        #expect(try again.pragma("user_version") == "\(SQLiteAccountStore.schemaVersion)")
        #expect(try again.caisse(code: Fixtures.caisse.code) == Fixtures.caisse)
    }

    @Test("a bulk-loaded store ends in WAL mode")
    func bulkLoadEndsInWAL() throws {
        let path = try Fixtures.databasePath()
        let store = try SQLiteAccountStore(path: path, mode: .bulkLoad)
        #expect(try store.pragma("journal_mode") == "memory")
        try store.finishBulkLoad()
        #expect(try store.pragma("journal_mode") == "wal")
    }

    @Test("a bulk load checks every foreign key at the end and turns enforcement back on")
    func bulkLoadChecksForeignKeys() throws {
        let clean = try SQLiteAccountStore(path: try Fixtures.databasePath(), mode: .bulkLoad)
        try clean.insert(Fixtures.caisse)
        try clean.insert(Fixtures.account())
        try clean.finishBulkLoad()
        #expect(try clean.pragma("foreign_keys") == "1")

        // No caisse inserted: the insured row is orphaned, which only the final check can see.
        let orphan = try SQLiteAccountStore(path: try Fixtures.databasePath(), mode: .bulkLoad)
        try orphan.insert(Fixtures.account())
        let error = #expect(throws: AccountsError.self) { try orphan.finishBulkLoad() }
        #expect(error?.code == .constraintViolation)
        #expect(error?.field == "insured")
    }

    @Test("foreign keys are enforced: an insured in an unknown caisse is refused, nothing is written")
    func foreignKeys() throws {
        let store = try SQLiteAccountStore(path: try Fixtures.databasePath())
        let error = #expect(throws: AccountsError.self) { try store.insert(Fixtures.account()) }
        #expect(error?.code == .constraintViolation)
        #expect(error?.field == "accounts[0].insured")
        #expect(try store.insured(nir13: Fixtures.nir13) == nil)
        #expect(try store.rowCounts()["beneficiary"] == 0)
    }

    @Test("every entity round-trips")
    func roundTrip() throws {
        let store = try Fixtures.store()
        let account = try Fixtures.account()
        try store.insert(account)
        let nir13 = Fixtures.nir13
        let all = Fixtures.day("2000-01-01")...Fixtures.day("2030-12-31")
        #expect(try store.insured(nir13: nir13) == account.insured)
        #expect(try store.insured(nir13: nir13)?.bankAccount?.text == "FR76 **** **** **** **** ***0 189")
        #expect(try store.beneficiaries(nir13: nir13) == account.beneficiaries)
        #expect(try store.rightsPeriods(nir13: nir13) == account.rightsPeriods)
        #expect(try store.carePayments(nir13: nir13, paid: all, beneficiaryRank: nil) == account.carePayments)
        #expect(try store.dailyAllowances(nir13: nir13, paid: all) == account.dailyAllowances)
        #expect(try store.invalidityPayments(nir13: nir13, year: 2026) == account.invalidityPayments)
        #expect(try store.ceamCards(nir13: nir13) == account.ceamCards)
        #expect(try store.ceamCertificates(nir13: nir13).isEmpty)
        #expect(try store.caisse(code: Fixtures.caisse.code) == Fixtures.caisse)
        let summary = try #require(try store.accountSummaries(limit: 10).first)
        #expect(summary.nir13 == nir13)
        #expect(summary.usageName == "Dupré-Lefèvre")
        #expect(summary.beneficiaries.map(\.rank) == [1, 2])
    }

    @Test("range queries select by payment date, bounds included, and by beneficiary")
    func ranges() throws {
        let store = try Fixtures.store()
        try store.insert(Fixtures.account())
        let nir13 = Fixtures.nir13
        func care(_ from: String, _ to: String, _ rank: Int? = nil) throws -> Int {
            try store.carePayments(nir13: nir13, paid: Fixtures.day(from)...Fixtures.day(to), beneficiaryRank: rank).count
        }
        #expect(try care("2026-10-05", "2026-10-05") == 1)
        #expect(try care("2026-10-02", "2026-10-04") == 0)  // care date inside, payment date outside
        #expect(try care("2026-10-01", "2026-10-31", 2) == 1)
        #expect(try care("2026-10-01", "2026-10-31", 1) == 0)
        #expect(try store.dailyAllowances(nir13: nir13, paid: Fixtures.day("2026-09-21")...Fixtures.day("2026-12-31")).isEmpty)
        #expect(try store.invalidityPayments(nir13: nir13, year: 2025).isEmpty)
        #expect(try store.carePayments(nir13: "1000000000000", paid: Fixtures.day("2000-01-01")...Fixtures.day("2030-01-01"),
                                       beneficiaryRank: nil).isEmpty)
    }

    @Test("a CEAM certificate is recorded once per beneficiary")
    func ceamOnce() throws {
        let store = try Fixtures.store()
        try store.insert(Fixtures.account())
        let first = try CEAMCertificate(beneficiaryRank: 2, deliveredOn: Fixtures.day("2026-11-20"),
                                        validFrom: Fixtures.day("2026-11-20"), validTo: Fixtures.day("2027-02-19"))
        try store.recordCEAMCertificate(first, nir13: Fixtures.nir13)
        let second = try CEAMCertificate(beneficiaryRank: 2, deliveredOn: Fixtures.day("2026-11-26"),
                                         validFrom: Fixtures.day("2026-11-26"), validTo: Fixtures.day("2027-02-25"))
        let error = #expect(throws: AccountsError.self) { try store.recordCEAMCertificate(second, nir13: Fixtures.nir13) }
        #expect(error?.code == .alreadyDelivered)
        #expect(try store.ceamCertificates(nir13: Fixtures.nir13) == [first])
        // Another beneficiary of the same account may still get one.
        let forMother = try CEAMCertificate(beneficiaryRank: 1, deliveredOn: Fixtures.day("2026-11-26"),
                                            validFrom: Fixtures.day("2026-11-26"), validTo: Fixtures.day("2027-02-25"))
        try store.recordCEAMCertificate(forMother, nir13: Fixtures.nir13)
        #expect(try store.ceamCertificates(nir13: Fixtures.nir13).count == 2)
        // Unknown rank and unknown account are refused with their own codes.
        let unknownRank = try CEAMCertificate(beneficiaryRank: 7, deliveredOn: Fixtures.day("2026-11-26"),
                                              validFrom: Fixtures.day("2026-11-26"), validTo: Fixtures.day("2027-02-25"))
        #expect(throws: AccountsError(.unknownBeneficiary, field: "ceamCertificate.beneficiaryRank",
                                      reason: "aucun bénéficiaire de rang 7")) {
            try store.recordCEAMCertificate(unknownRank, nir13: Fixtures.nir13)
        }
        let noAccount = #expect(throws: AccountsError.self) { try store.recordCEAMCertificate(first, nir13: "1000000000000") }
        #expect(noAccount?.code == .notFound)
    }
}
