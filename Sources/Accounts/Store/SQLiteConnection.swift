import CSQLite

/// Owns one `sqlite3*` handle and the cache of its prepared statements; closing happens in
/// `deinit`, after the cached statements are finalized. Not thread-safe: the store serialises
/// access with a lock.
final class SQLiteConnection {
    private let handle: OpaquePointer
    private var cache: [String: SQLiteStatement] = [:]

    init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(rc)"
            sqlite3_close_v2(db)
            throw AccountsError(.storage, field: "db", reason: "ouverture de la base impossible : \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5_000)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results (DDL, pragmas, BEGIN/COMMIT).
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard rc == SQLITE_OK else {
            throw SQLiteConnection.error(code: rc, message: message.map { String(cString: $0) } ?? "", field: "sql")
        }
    }

    /// The cached prepared statement for `sql`, reset.
    func statement(_ sql: String) throws -> SQLiteStatement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw SQLiteConnection.error(code: rc, message: String(cString: sqlite3_errmsg(handle)), field: "sql")
        }
        let statement = SQLiteStatement(handle: stmt, database: handle)
        cache[sql] = statement
        return statement
    }

    /// Runs `sql` once with `bindings`, for statements without results.
    func run(_ sql: String, _ bindings: [SQLiteValue], field: String) throws {
        try statement(sql).execute(bindings, field: field)
    }

    /// Runs a query and maps each row.
    func query<T>(_ sql: String, _ bindings: [SQLiteValue], field: String,
                  row: (SQLiteStatement) throws -> T) throws -> [T] {
        let stmt = try statement(sql)
        stmt.bind(bindings)
        defer { stmt.reset() }
        var rows: [T] = []
        while try stmt.step(field: field) { rows.append(try row(stmt)) }
        return rows
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// `BEGIN IMMEDIATE` … `COMMIT`, rolled back if `body` throws. Immediate so that a writer
    /// takes the lock up front instead of failing on upgrade halfway.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Maps an SQLite result code to the module's error, keeping the constraint kinds apart.
    static func error(code: Int32, message: String, field: String) -> AccountsError {
        // The extended codes are function-like macros that Swift does not import:
        // SQLITE_CONSTRAINT | (n << 8), with n = 8 (UNIQUE), 6 (PRIMARYKEY), 3 (FOREIGNKEY).
        let unique = SQLITE_CONSTRAINT | (8 << 8), primaryKey = SQLITE_CONSTRAINT | (6 << 8)
        let foreignKey = SQLITE_CONSTRAINT | (3 << 8)
        return switch code {
        case unique, primaryKey:
            AccountsError(.duplicate, field: field, reason: "enregistrement déjà présent (\(message))")
        case foreignKey:
            AccountsError(.constraintViolation, field: field, reason: "référence inconnue (clé étrangère)")
        case _ where code & 0xff == SQLITE_CONSTRAINT:
            AccountsError(.constraintViolation, field: field, reason: "contrainte refusée (\(message))")
        default:
            AccountsError(.storage, field: field, reason: "erreur SQLite \(code) : \(message)")
        }
    }
}
