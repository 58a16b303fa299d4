/// Inspection helpers for tests and tooling: pragma values and a digest of the whole content.
extension SQLiteAccountStore {
    /// The value of a read-only pragma (`journal_mode`, `foreign_keys`, `user_version`).
    package func pragma(_ name: String) throws -> String {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else {
            throw AccountsError(.invalidValue, field: "pragma", reason: "nom de pragma invalide")
        }
        return try locked { db in try db.query("PRAGMA \(name)", [], field: "pragma") { $0.anyText(0) }.first ?? "" }
    }

    /// Row counts per table, for tests and the seed's summary.
    package func rowCounts() throws -> [String: Int] {
        try locked { db in
            var counts: [String: Int] = [:]
            for table in Self.tables {
                counts[table] = try db.query("SELECT count(*) FROM \(table)", [], field: table) { $0.int(0) }.first ?? 0
            }
            return counts
        }
    }

    /// FNV-1a 64 over every row of every table, in primary-key order: two databases with the same
    /// content have the same digest, whatever their page layout.
    package func contentDigest() throws -> String {
        try locked { db in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func feed(_ text: String) {
                for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
                hash = (hash ^ 0x1f) &* 0x0000_0100_0000_01b3
            }
            for table in Self.tables {
                feed(table)
                let stmt = try db.statement("SELECT * FROM \(table) ORDER BY 1, 2")
                defer { stmt.reset() }
                while try stmt.step(field: table) {
                    for c in 0..<stmt.columnCount { feed(stmt.anyText(c)) }
                }
            }
            return String(hash, radix: 16)
        }
    }

    static let tables = ["caisse", "insured", "beneficiary", "rights_period", "care_payment",
                         "daily_allowance", "invalidity_payment", "ceam_card", "ceam_certificate"]
}
