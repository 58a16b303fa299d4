import Accounts
import Foundation
import TestSupport

/// A real SQLite file filled by the seed generator (seed 1, 2026-11-26) in a temporary
/// directory, and look-ups for accounts with the properties a test needs. The seeded data is
/// what the command line serves, so the documents are tested on it rather than on fixtures.
final class SeededAccounts: @unchecked Sendable {
    static let today = PopulationGenerator.defaultToday
    let directory: TemporaryDirectory
    let store: SQLiteAccountStore
    let summaries: [AccountSummary]

    init(accounts: Int = 150) async throws {
        directory = try TemporaryDirectory("paperasse-documents")
        store = try SQLiteAccountStore(path: directory.file("seed.db"))
        _ = try await Seeder(generator: PopulationGenerator(seed: 1, today: Self.today)).run(into: store, accounts: accounts)
        summaries = try store.accountSummaries(limit: accounts)
    }

    /// The first account (in NIR order) for which `matches` holds.
    func first(_ what: String, where matches: (String) throws -> Bool) throws -> String {
        for summary in summaries where try matches(summary.nir13) { return summary.nir13 }
        throw NoSuchAccount(description: "no seeded account with \(what)")
    }

    static func day(_ iso: String) -> Day { try! Day(iso: iso) }
}

/// A test's precondition failed: no seeded account with the property it needs (change the seed or
/// the size), or a reader that could not run.
struct NoSuchAccount: Error, CustomStringConvertible {
    let description: String
}
