import Accounts
import ArgumentParser
import Foundation

/// `paperasse seed`: writes a deterministic synthetic population into a new SQLite database.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Génère une population synthétique déterministe dans une base SQLite.",
        discussion: """
            Même graine et même nombre de comptes : même contenu, octet pour octet. La date de \
            référence vient de --today, sinon de SOURCE_DATE_EPOCH, sinon du 2026-11-26.
            """)

    @Option(help: "Base SQLite à créer.") var db: String
    @Option(help: "Nombre de comptes (1 à 1 000 000).") var accounts: Int = 1_000
    @Option(help: "Graine du générateur pseudo-aléatoire.") var seed: UInt64 = 1
    @Option(help: "Date de référence AAAA-MM-JJ.") var today: String?
    @Flag(help: "Remplace la base si elle existe déjà.") var replace = false

    func validate() throws {
        guard (1...PopulationGenerator.maximumAccounts).contains(accounts) else {
            throw CommandLineError("--accounts doit être compris entre 1 et \(PopulationGenerator.maximumAccounts).")
        }
        do {
            _ = try ReferenceDate.resolve(option: today, environment: ProcessInfo.processInfo.environment)
        } catch let error as AccountsError {
            throw CommandLineError("\(error.field) : \(error.reason)")
        }
        if FileManager.default.fileExists(atPath: db), !replace {
            throw CommandLineError("La base \(db) existe déjà (ajoutez --replace pour la remplacer).")
        }
    }

    func run() async throws {
        let reference = try ReferenceDate.resolve(option: today, environment: ProcessInfo.processInfo.environment)
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.removeItem(atPath: db + suffix)
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let store = try SQLiteAccountStore(path: db, mode: .bulkLoad)
            let seeder = Seeder(generator: PopulationGenerator(seed: seed, today: reference))
            let summary = try await seeder.run(into: store, accounts: accounts)
            try store.finishBulkLoad()
            let elapsed = clock.now - start
            let rows = summary.rows.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("\(summary.accounts) comptes générés au \(reference) (graine \(seed)) en \(elapsed.formatted()) (écriture \(summary.writing.formatted()), attente du générateur \(summary.waitingForGeneration.formatted())) : \(rows)")
        } catch let error as AccountsError {
            throw CommandLineError("\(error.reason) [\(error.code.rawValue), \(error.field)]")
        }
    }
}

extension Duration {
    /// Seconds with two decimals, e.g. `12.34 s`.
    fileprivate func formatted() -> String {
        let (seconds, attoseconds) = components
        let hundredths = Int64(attoseconds / 10_000_000_000_000_000)
        return "\(seconds).\(hundredths < 10 ? "0" : "")\(hundredths) s"
    }
}
