/// A NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"): 13 characters and a
/// two-digit control key.
///
/// Layout (INSEE): sex (1 digit), year (2), month (2), département (2, `2A`/`2B` for Corsica),
/// commune (3), order number (3); then the key = 97 − (NIR13 mod 97), where for Corsica `2A` is
/// read as 19 and `2B` as 18 for the computation only. The key is validated on every
/// construction, so a `NIR` value is always well-formed.
public struct NIR: Hashable, Sendable, CustomStringConvertible {
    /// The 13 characters without the key (may contain `A`/`B` at positions 6–7).
    public let nir13: String
    /// The control key, 1...97.
    public let key: Int

    /// Parses 15 characters (spaces allowed between groups) and checks the key.
    public init(_ text: String, field: String = "nir") throws(AccountsError) {
        let compact = text.filter { $0 != " " }.uppercased()
        guard compact.count == 15, let key = Int(compact.suffix(2)) else {
            throw AccountsError(.invalidNIR, field: field,
                                reason: "le NIR doit compter 15 caractères, clé comprise (\(compact.count) reçus)")
        }
        try self.init(nir13: String(compact.prefix(13)), key: key, field: field)
    }

    public init(nir13: String, key: Int, field: String = "nir") throws(AccountsError) {
        let expected = try NIR.key(for: nir13, field: field)
        guard key == expected else {
            // The expected key is not personal data on its own; the NIR itself is not echoed.
            throw AccountsError(.invalidNIR, field: field,
                                reason: "clé de contrôle du NIR invalide : \(key) (attendue \(expected))")
        }
        self.nir13 = nir13
        self.key = key
    }

    /// The key of a 13-character NIR, after checking its structure.
    public static func key(for nir13: String, field: String = "nir") throws(AccountsError) -> Int {
        let value = try numericValue(of: nir13, field: field)
        return 97 - Int(value % 97)
    }

    /// The 13 characters as a number, Corsica's `2A`/`2B` read as 19/18.
    private static func numericValue(of nir13: String, field: String) throws(AccountsError) -> Int64 {
        let chars = Array(nir13.utf8)
        func refuse(_ why: String) -> AccountsError {
            AccountsError(.invalidNIR, field: field, reason: "NIR mal formé : \(why)")
        }
        guard chars.count == 13 else { throw refuse("13 caractères attendus avant la clé") }
        var digits = chars
        if chars[5] == UInt8(ascii: "2"), chars[6] == UInt8(ascii: "A") || chars[6] == UInt8(ascii: "B") {
            digits[5] = UInt8(ascii: "1")
            digits[6] = chars[6] == UInt8(ascii: "A") ? UInt8(ascii: "9") : UInt8(ascii: "8")
        }
        var value: Int64 = 0
        for c in digits {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { throw refuse("caractère non numérique") }
            value = value * 10 + Int64(c - UInt8(ascii: "0"))
        }
        guard [1, 2, 3, 4, 7, 8].contains(Int(digits[0] - UInt8(ascii: "0"))) else {
            throw refuse("premier chiffre (sexe) invalide")
        }
        let month = Int(digits[3] - 48) * 10 + Int(digits[4] - 48)
        // INSEE uses 20–42 and 50–99 for unknown or fictitious birth months.
        guard (1...12).contains(month) || (20...42).contains(month) || (50...99).contains(month) else {
            throw refuse("mois de naissance invalide")
        }
        return value
    }

    /// `1 84 12 75 123 456 78`: the grouping printed on the attestation.
    public var formatted: String {
        let c = Array(nir13)
        func s(_ r: Range<Int>) -> String { String(c[r]) }
        return "\(s(0..<1)) \(s(1..<3)) \(s(3..<5)) \(s(5..<7)) \(s(7..<10)) \(s(10..<13)) \(keyText)"
    }

    /// The key on two digits (`07`).
    public var keyText: String { key < 10 ? "0\(key)" : "\(key)" }

    /// The 15 characters, key included.
    public var description: String { nir13 + keyText }
}
