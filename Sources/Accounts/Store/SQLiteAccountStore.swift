import Synchronization

/// The SQLite implementation of `AccountStore` (libsqlite3 through the `CSQLite` shim).
///
/// One connection serialised by a `Mutex`: SQLite itself serialises writers, and a document
/// reads a few hundred rows at most, so a single connection is the simplest safe choice. The
/// database runs in WAL mode (readers in other processes never block the writer) with foreign
/// keys on; both are set on every open because `foreign_keys` is per connection.
public final class SQLiteAccountStore: AccountStore {
    /// How the connection is tuned.
    public enum Mode: Sendable {
        /// Durable: WAL, `synchronous=NORMAL` (safe with WAL: a crash loses at most the last
        /// transactions, never corrupts).
        case normal
        /// For the seed only: the journal kept in memory and no fsync, since a failed seed is
        /// simply rerun; foreign keys are checked once for the whole database at the end
        /// (`finishBulkLoad()`, which also switches back to WAL) instead of on every row, which
        /// was a clear cost on the writer, the seed's critical path. Every account is still
        /// validated (`Account.validate()`) before it is written.
        case bulkLoad
    }

    let connection: Mutex<SQLiteConnection>

    /// Opens (creating if needed) the database at `path` and runs the missing migrations.
    public init(path: String, mode: Mode = .normal) throws {
        let db = try SQLiteConnection(path: path)
        try db.execute("PRAGMA foreign_keys = ON")
        switch mode {
        case .normal:
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        case .bulkLoad:
            try db.execute("""
                PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;
                PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF
                """)
        }
        try SQLiteAccountStore.migrate(db)
        connection = Mutex(db)
    }

    /// The number of migrations this build knows; `PRAGMA user_version` equals it after open.
    public static var schemaVersion: Int { Migrations.all.count }

    static func migrate(_ db: SQLiteConnection) throws {
        let current = try db.query("PRAGMA user_version", [], field: "schema") { $0.int(0) }.first ?? 0
        guard current <= Migrations.all.count else {
            throw AccountsError(.schema, field: "schema",
                                reason: "base en version \(current), plus récente que ce programme (\(Migrations.all.count))")
        }
        guard current < Migrations.all.count else { return }
        // A file at version 0 that already has tables belongs to something else: never add ours to it.
        if current == 0 {
            let tables = try db.query("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], field: "schema") { $0.int(0) }
            if let count = tables.first, count > 0 {
                throw AccountsError(.schema, field: "schema",
                                    reason: "ce fichier SQLite n'est pas une base Paperasse (il contient déjà \(count) table(s))")
            }
        }
        try db.transaction {
            for (index, sql) in Migrations.all.enumerated().dropFirst(current) {
                try db.execute(sql)
                // user_version cannot be bound as a parameter; the value is our own integer.
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Ends a bulk load: verifies every foreign key of the database (refusing the load if one
    /// row is orphaned), turns enforcement back on, returns to WAL and normal durability, and
    /// refreshes the planner's statistics once for the freshly filled tables.
    public func finishBulkLoad() throws {
        try connection.withLock { db in
            let orphans = try db.query("PRAGMA foreign_key_check", [], field: "foreign_key_check") { $0.text(0) }
            if let table = orphans.first {
                throw AccountsError(.constraintViolation, field: table,
                                    reason: "\(orphans.count) ligne(s) référencent un enregistrement absent")
            }
            try db.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA optimize")
        }
    }

    /// Runs `body` on the connection under the lock.
    func locked<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try connection.withLock { db throws -> T in try body(db) }
    }

    /// The insured's row id for `nir13`, or `nil`.
    static func insuredID(_ db: SQLiteConnection, nir13: String) throws -> Int64? {
        try db.query("SELECT id FROM insured WHERE nir13 = ?", [.text(nir13)], field: "nir13") { $0.int64(0) }.first
    }
}
