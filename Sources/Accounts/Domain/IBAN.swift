/// An IBAN whose ISO 13616 check digits have been verified (mod 97 of the rearranged number = 1).
///
/// Full IBANs exist only in memory on the way in: the store validates them and keeps the
/// `MaskedIBAN` only, which is all the documents ever print.
public struct IBAN: Hashable, Sendable {
    /// The IBAN without spaces, upper case.
    public let value: String

    public init(_ text: String, field: String = "iban") throws(AccountsError) {
        let compact = text.filter { $0 != " " }.uppercased()
        guard IBAN.isValid(compact) else {
            throw AccountsError(.invalidIBAN, field: field, reason: "IBAN invalide (clé ISO 13616 incorrecte ou format inattendu)")
        }
        value = compact
    }

    /// ISO 13616-1: two letters, two check digits, 11–30 alphanumerics; French IBANs are 27 long.
    public static func isValid(_ compact: String) -> Bool {
        let chars = Array(compact.utf8)
        guard (15...34).contains(chars.count),
              chars[0...1].allSatisfy({ $0 >= 65 && $0 <= 90 }),
              chars[2...3].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              chars.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) })
        else { return false }
        if compact.hasPrefix("FR"), chars.count != 27 { return false }
        return mod97(Array(chars[4...]) + Array(chars[0..<4])) == 1
    }

    /// The check digits for a country and BBAN (`checkDigits("FR", bban)`), ISO 13616 §6.
    public static func checkDigits(country: String, bban: String) -> Int {
        98 - mod97(Array(bban.uppercased().utf8) + Array(country.uppercased().utf8) + [48, 48])
    }

    /// Letters count as 10...35; the number is reduced digit by digit to stay in 64 bits.
    private static func mod97(_ chars: [UInt8]) -> Int {
        var r = 0
        for c in chars {
            if c >= 65 { r = (r * 100 + Int(c - 55)) % 97 } else { r = (r * 10 + Int(c - 48)) % 97 }
        }
        return r
    }

    public var masked: MaskedIBAN { MaskedIBAN(iban: self) }
}
