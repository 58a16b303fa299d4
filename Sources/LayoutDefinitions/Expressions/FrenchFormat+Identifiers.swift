extension FrenchFormat {
    /// The NIR (numéro d'inscription au répertoire) grouped « 2 85 07 75 123 456 78 ».
    ///
    /// Accepts 13 characters (the key is computed) or 15 (the key is checked); spaces are
    /// ignored. The key is 97 − (NIR mod 97); for Corsica, 2A and 2B count as 19 and 18
    /// (décret n° 82-103, INSEE's rule for the département code).
    public static func nir(_ text: String) -> String? {
        var chars: [UInt8] = []
        for c in text.utf8 where c != UInt8(ascii: " ") && c != 0xA0 && c != 0xC2 {
            chars.append(c)
        }
        guard chars.count == 13 || chars.count == 15 else { return nil }
        var numeric: UInt64 = 0
        for (i, c) in chars.prefix(13).enumerated() {
            var digit: UInt64
            if c >= 0x30, c <= 0x39 {
                digit = UInt64(c - 0x30)
            } else if i == 6, chars[5] == UInt8(ascii: "2"), c | 0x20 == UInt8(ascii: "a") || c | 0x20 == UInt8(ascii: "b") {
                // 2A → 19, 2B → 18: replace the two characters' numeric value.
                numeric = numeric / 10 * 10 + 1
                digit = c | 0x20 == UInt8(ascii: "a") ? 9 : 8
                chars[6] = c & ~0x20
            } else {
                return nil
            }
            numeric = numeric * 10 + digit
        }
        let key = 97 - numeric % 97
        var keyText = key < 10 ? "0" + String(key) : String(key)
        if chars.count == 15 {
            guard let given = UInt64(String(decoding: chars[13..<15], as: UTF8.self)), given == key else { return nil }
            keyText = String(decoding: chars[13..<15], as: UTF8.self)
        }
        let body = String(decoding: chars.prefix(13), as: UTF8.self)
        var out = ""
        var index = body.startIndex
        for length in [1, 2, 2, 2, 3, 3] {
            let end = body.index(index, offsetBy: length)
            out += body[index..<end]
            out.append(noBreakSpace)
            index = end
        }
        return out + keyText
    }

    /// A masked IBAN: country code and check digits, then `•` for every hidden character,
    /// then the last `visible` characters (3…5), grouped by four:
    /// « FR76 •••• •••• •••• •••• •••• 189 ».
    public static func maskedIBAN(_ text: String, visible: Int = 3) -> String? {
        var chars: [Character] = []
        for c in text where c != " " && c != noBreakSpace { chars.append(Character(c.uppercased())) }
        guard chars.count >= 15, chars.count <= 34, (3...5).contains(visible),
              chars[0].isLetter, chars[1].isLetter, chars[2].isNumber, chars[3].isNumber,
              chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0, i % 4 == 0 { out.append(noBreakSpace) }
            out.append(i < 4 || i >= chars.count - visible ? c : "•")
        }
        return out
    }
}
