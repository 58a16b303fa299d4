/// Writes a generated population into a store, in batches of one transaction each.
public struct Seeder: Sendable {
    /// What a seed run wrote.
    public struct Summary: Sendable {
        public let accounts: Int
        public let rows: [String: Int]
    }

    public let generator: PopulationGenerator
    public let batchSize: Int

    public init(generator: PopulationGenerator, batchSize: Int = 2_000) {
        self.generator = generator
        self.batchSize = batchSize
    }

    /// Fills `store` (expected empty) with `accounts` accounts; `progress` is called after each
    /// batch with the number of accounts written so far.
    public func run(into store: SQLiteAccountStore, accounts: Int,
                    progress: (Int) -> Void = { _ in }) throws -> Summary {
        guard (1...PopulationGenerator.maximumAccounts).contains(accounts) else {
            throw AccountsError(.invalidValue, field: "accounts",
                                reason: "nombre de comptes hors de 1…\(PopulationGenerator.maximumAccounts) : \(accounts)")
        }
        for caisse in try generator.caisses() { try store.insert(caisse) }
        var start = 0
        while start < accounts {
            let end = min(accounts, start + batchSize)
            let batch = try (start..<end).map { try generator.account(index: $0) }
            try store.insert(batch)
            start = end
            progress(start)
        }
        return Summary(accounts: accounts, rows: try store.rowCounts())
    }
}
