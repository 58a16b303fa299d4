/// Writes a generated population into a store, in batches of one transaction each.
public struct Seeder: Sendable {
    /// What a seed run wrote.
    public struct Summary: Sendable {
        public let accounts: Int
        public let rows: [String: Int]
        /// Time spent writing, and waiting for the generator (the profile's breakdown).
        public let writing: Duration
        public let waitingForGeneration: Duration
    }

    public let generator: PopulationGenerator
    public let batchSize: Int

    public init(generator: PopulationGenerator, batchSize: Int = 2_000) {
        self.generator = generator
        self.batchSize = batchSize
    }

    /// Fills `store` (expected empty) with `accounts` accounts; `progress` is called after each
    /// batch with the number of accounts written so far.
    ///
    /// Generation and insertion overlap: batch n+1 is generated on another thread while batch n
    /// is written (SQLite needs one writer; generation is a quarter of the work). Accounts do
    /// not depend on the batch they fall in, so the content is the same whatever the timing.
    public func run(into store: SQLiteAccountStore, accounts: Int,
                    progress: (Int) -> Void = { _ in }) async throws -> Summary {
        guard (1...PopulationGenerator.maximumAccounts).contains(accounts) else {
            throw AccountsError(.invalidValue, field: "accounts",
                                reason: "nombre de comptes hors de 1…\(PopulationGenerator.maximumAccounts) : \(accounts)")
        }
        for caisse in try generator.caisses() { try store.insert(caisse) }
        let generator = self.generator
        func generate(_ range: Range<Int>) -> Task<[Account], any Error> {
            Task.detached { try range.map { try generator.account(index: $0) } }
        }
        let clock = ContinuousClock()
        var writing = Duration.zero, waiting = Duration.zero
        var start = 0
        var pending: Task<[Account], any Error>? = generate(0..<min(accounts, batchSize))
        while let task = pending {
            let waitStart = clock.now
            let batch = try await task.value
            waiting += clock.now - waitStart
            let end = start + batch.count
            pending = end < accounts ? generate(end..<min(accounts, end + batchSize)) : nil
            writing += try clock.measure { try store.insert(batch) }
            start = end
            progress(start)
        }
        return Summary(accounts: accounts, rows: try store.rowCounts(), writing: writing, waitingForGeneration: waiting)
    }
}
