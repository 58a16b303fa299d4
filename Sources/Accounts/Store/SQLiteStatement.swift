import CSQLite

/// A value bound to a statement parameter.
enum SQLiteValue {
    case int(Int64)
    case text(String)
    case null

    static func int(_ v: Int) -> SQLiteValue { .int(Int64(v)) }
    static func optional(_ v: String?) -> SQLiteValue { v.map { .text($0) } ?? .null }
    static func optional(_ v: Int?) -> SQLiteValue { v.map { .int(Int64($0)) } ?? .null }
    static func day(_ d: Day) -> SQLiteValue { .int(d.packed) }
    static func day(_ d: Day?) -> SQLiteValue { d.map { .int($0.packed) } ?? .null }
    static func money(_ m: Money) -> SQLiteValue { .int(m.cents) }
    static func bool(_ b: Bool) -> SQLiteValue { .int(b ? 1 : 0) }
}

/// Owns one `sqlite3_stmt*`; `deinit` finalizes it. Column indexes are 0-based, parameter
/// indexes 1-based, as in the C API.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: OpaquePointer

    /// SQLite must copy bound text: the Swift string's buffer does not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// The caller keeps the buffer alive until the bindings are cleared.
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    init(handle: OpaquePointer, database: OpaquePointer) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Ready for the next execution. Bindings are not cleared: every caller binds every
    /// parameter, and clearing showed up in the seed's profile.
    func reset() {
        sqlite3_reset(handle)
    }

    /// Binds, runs to completion (statements without results) and resets, even on failure.
    ///
    /// The hot path of the seed: text values are copied once into one buffer and bound
    /// `SQLITE_STATIC`, instead of SQLite allocating and copying each string (`TRANSIENT`),
    /// which was a quarter of the writing time. The buffer outlives the step; the bindings are
    /// cleared before it is freed so no dangling pointer stays bound.
    func execute(_ values: [SQLiteValue], field: String) throws {
        var arena: [UInt8] = []
        var size = 1
        for case .text(let s) in values { size += s.utf8.count }
        arena.reserveCapacity(size)
        for case .text(let s) in values { arena.append(contentsOf: s.utf8) }
        arena.append(0)  // never empty, so the base address is never nil
        try arena.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var offset = 0
            for (i, value) in values.enumerated() {
                let index = Int32(i + 1)
                switch value {
                case .int(let v): sqlite3_bind_int64(handle, index, v)
                case .null: sqlite3_bind_null(handle, index)
                case .text(let s):
                    let count = s.utf8.count
                    sqlite3_bind_text(handle, index, base + offset, Int32(count), SQLiteStatement.static)
                    offset += count
                }
            }
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            _ = try step(field: field)
        }
    }

    /// Binds parameters for a query; SQLite copies the text (`TRANSIENT`).
    func bind(_ values: [SQLiteValue]) {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .int(let v): sqlite3_bind_int64(handle, index, v)
            case .text(let s): sqlite3_bind_text(handle, index, s, -1, SQLiteStatement.transient)
            case .null: sqlite3_bind_null(handle, index)
            }
        }
    }

    /// `true` when a row is available, `false` when done.
    func step(field: String) throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw SQLiteConnection.error(code: rc, message: String(cString: sqlite3_errmsg(database)), field: field)
        }
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
    func money(_ column: Int32) -> Money { Money(cents: int64(column)) }
    func bool(_ column: Int32) -> Bool { int64(column) != 0 }

    func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: p)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    func day(_ column: Int32) throws -> Day { try Day(packed: int(column), field: "stored date") }
    func optionalDay(_ column: Int32) throws -> Day? { isNull(column) ? nil : try day(column) }

    var columnCount: Int32 { sqlite3_column_count(handle) }

    /// A column rendered as text whatever its type (for the content digest).
    func anyText(_ column: Int32) -> String {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: "∅"
        case SQLITE_INTEGER: String(int64(column))
        default: text(column)
        }
    }
}
