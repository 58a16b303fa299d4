import Accounts
import Foundation
import Testing

@Suite("Seeded population")
struct SeedTests {
    static let today = Fixtures.day("2026-11-26")

    func seeded(_ seed: UInt64, accounts: Int = 150) async throws -> SQLiteAccountStore {
        let store = try SQLiteAccountStore(path: try Fixtures.databasePath(), mode: .bulkLoad)
        _ = try await Seeder(generator: PopulationGenerator(seed: seed, today: Self.today), batchSize: 40).run(into: store, accounts: accounts)
        try store.finishBulkLoad()
        return store
    }

    @Test("same seed and count give identical content; another seed differs")
    func determinism() async throws {
        let a = try await seeded(7), b = try await seeded(7), c = try await seeded(8)
        #expect(try a.contentDigest() == b.contentDigest())
        #expect(try a.rowCounts() == b.rowCounts())
        #expect(try a.contentDigest() != c.contentDigest())
        #expect(try a.pragma("journal_mode") == "wal")
    }

    @Test("same seed and count give byte-identical files once closed")
    func identicalFiles() async throws {
        var paths: [String] = []
        for _ in 0..<2 {
            let path = try Fixtures.databasePath()
            let store = try SQLiteAccountStore(path: path, mode: .bulkLoad)
            _ = try await Seeder(generator: PopulationGenerator(seed: 9, today: Self.today), batchSize: 25).run(into: store, accounts: 60)
            try store.finishBulkLoad()
            paths.append(path)
        }  // both stores are released here: the WAL is checkpointed and removed on close
        let a = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
        let b = try Data(contentsOf: URL(fileURLWithPath: paths[1]))
        #expect(a.count > 4096)
        #expect(a == b)
    }

    @Test("an account does not depend on the batch size or on its neighbours")
    func perAccountStreams() throws {
        let generator = PopulationGenerator(seed: 3, today: Self.today)
        #expect(try generator.account(index: 42) == generator.account(index: 42))
        #expect(try generator.account(index: 42) != generator.account(index: 43))
    }

    @Test("every generated NIR and IBAN validates, and NIRs are unique")
    func identifiersValidate() throws {
        let generator = PopulationGenerator(seed: 11, today: Self.today)
        var nirs = Set<String>()
        var corsica = 0
        for index in 0..<400 {
            let insured = try generator.account(index: index).insured
            #expect(try NIR.key(for: insured.nir.nir13) == insured.nir.key)
            #expect(insured.nir.nir13.hasPrefix("\(insured.sex.rawValue)"))
            nirs.insert(insured.nir.nir13)
            if insured.nir.nir13.contains("2A") || insured.nir.nir13.contains("2B") { corsica += 1 }
        }
        #expect(nirs.count == 400)
        #expect(corsica > 0)
    }

    @Test("generated IBANs pass ISO 13616 and the French RIB key, checked independently")
    func ibansValidate() throws {
        let generator = PopulationGenerator(seed: 5, today: Self.today)
        var rng = SeededGenerator(seed: 5, stream: 99)
        for _ in 0..<500 {
            let iban = try generator.frenchIBAN(&rng).value
            #expect(iban.count == 27 && iban.hasPrefix("FR"))
            // ISO 13616: move the first four characters to the end, F = 15, R = 27, mod 97 = 1,
            // reduced in chunks of 9 digits (a different method from the implementation's).
            let digits = Array((iban.dropFirst(4) + "1527" + iban.dropFirst(2).prefix(2)).utf8).map { Int($0) - 48 }
            var remainder = 0
            var index = 0
            while index < digits.count {
                let chunk = digits[index..<min(index + 9, digits.count)].reduce(0) { $0 * 10 + $1 }
                var scale = 1
                for _ in 0..<min(9, digits.count - index) { scale *= 10 }
                remainder = (remainder * scale + chunk) % 97
                index += 9
            }
            #expect(remainder == 1)
            // RIB: 89 × bank + 15 × branch + 3 × account + key ≡ 0 (mod 97).
            let bban = Array(iban.dropFirst(4))
            let bank = Int(String(bban[0..<5]))!, branch = Int(String(bban[5..<10]))!
            let account = Int(String(bban[10..<21]))!, key = Int(String(bban[21..<23]))!
            #expect((89 * bank + 15 * branch + 3 * account + key) % 97 == 0)
        }
    }

    @Test("the population has every feature the documents need")
    func features() async throws {
        let store = try await seeded(1, accounts: 300)
        let counts = try store.rowCounts()
        #expect(counts["insured"] == 300)
        #expect(counts["beneficiary"]! > 300)
        #expect(counts["care_payment"]! > 300 * 10)
        #expect(counts["daily_allowance"]! > 0)
        #expect(counts["invalidity_payment"]! > 0)
        #expect(counts["ceam_card"]! > 0)
        let generator = PopulationGenerator(seed: 1, today: Self.today)
        let accounts = try (0..<300).map { try generator.account(index: $0) }
        let causes = Set(accounts.flatMap(\.dailyAllowances).map(\.cause))
        #expect(causes == Set(DailyAllowance.Cause.allCases))
        #expect(accounts.contains { $0.dailyAllowances.contains(where: \.ald) })
        #expect(accounts.contains { $0.dailyAllowances.contains(where: \.miTempsTherapeutique) })
        #expect(accounts.contains { $0.rightsPeriods.contains { $0.openTo != nil } })
        #expect(accounts.contains { $0.rightsPeriods.contains { $0.ald != nil } })
        #expect(accounts.contains { $0.insured.usageName != nil })
        // Payments are all before today and within the 27-month window.
        let payments = accounts.flatMap(\.carePayments)
        #expect(payments.allSatisfy { $0.paymentDate < Self.today })
        #expect(payments.allSatisfy { $0.paymentDate >= Fixtures.day("2024-09-01") })
        #expect(payments.contains { $0.paymentDate.yearMonth == Self.today.yearMonth.adding(months: -26) })
    }

    @Test("e-mail local parts fold accents and drop apostrophes and spaces", arguments: [
        ("Élodie", "elodie"), ("d'Artagnan", "dartagnan"), ("Cœurdevey", "coeurdevey"), ("Nguyễn", "nguyen"),
        ("Dupré-Lefèvre", "dupre-lefevre"), ("Le Bihan", "lebihan"), ("Faÿ", "fay"), ("Çà", "ca"),
    ])
    func emailFolding(name: String, expected: String) {
        #expect(FrenchNames.ascii(name) == expected)
    }

    @Test("reference date: --today, then SOURCE_DATE_EPOCH, then the documented default")
    func referenceDate() throws {
        #expect(try ReferenceDate.resolve(option: "2025-06-30", environment: ["SOURCE_DATE_EPOCH": "0"]) == Fixtures.day("2025-06-30"))
        #expect(try ReferenceDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "1764115200"]) == Fixtures.day("2025-11-26"))
        #expect(try ReferenceDate.resolve(option: nil, environment: [:]) == Fixtures.day("2026-11-26"))
        #expect(throws: AccountsError.self) { try ReferenceDate.resolve(option: "2026-02-30", environment: [:]) }
        #expect(throws: AccountsError.self) { try ReferenceDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "hier"]) }
    }
}
