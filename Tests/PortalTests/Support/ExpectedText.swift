import Accounts
import Foundation
import Testing

/// The French typography a reader expects, written again here rather than taken from the layout
/// formatters, so a formatter bug cannot hide itself. Spaces are plain: the extracted text is
/// compared after folding U+00A0 and U+202F.
enum Expected {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                         "octobre", "novembre", "décembre"]

    /// « 1 234,56 € », « −2,00 € » (U+2212 MINUS SIGN).
    static func euros(_ cents: Int64) -> String {
        let sign = cents < 0 ? "\u{2212}" : ""
        let magnitude = cents.magnitude
        var units = String(magnitude / 100)
        var grouped = ""
        while units.count > 3 {
            grouped = " " + units.suffix(3) + grouped
            units = String(units.dropLast(3))
        }
        let c = magnitude % 100
        return "\(sign)\(units)\(grouped),\(c < 10 ? "0" : "")\(c) €"
    }

    static func euros(_ money: Money) -> String { euros(money.cents) }

    /// « 05/10/2026 ».
    static func short(_ day: Day) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day.day))/\(two(day.month))/\(day.year)"
    }

    /// « 1er octobre 2026 », « 26 novembre 2026 ».
    static func long(_ day: Day) -> String {
        "\(day.day == 1 ? "1er" : String(day.day)) \(months[day.month - 1]) \(day.year)"
    }

    /// « 2 85 07 75 123 456 78 »: the key is 97 − NIR mod 97, computed here from the digits.
    static func nir(_ nir13: String) -> String {
        let c = Array(nir13)
        var digits = c
        if c[5] == "2", c[6] == "A" || c[6] == "B" { (digits[5], digits[6]) = ("1", c[6] == "A" ? "9" : "8") }
        let key = 97 - Int(Int64(String(digits))! % 97)
        func s(_ r: Range<Int>) -> String { String(c[r]) }
        return "\(s(0..<1)) \(s(1..<3)) \(s(3..<5)) \(s(5..<7)) \(s(7..<10)) \(s(10..<13)) \(key < 10 ? "0" : "")\(key)"
    }

    /// « 70 % », « 6,2 % ».
    static func percent(_ rate: Rate) -> String {
        let f = rate.basisPoints % 100
        if f == 0 { return "\(rate.basisPoints / 100) %" }
        let decimals = f % 10 == 0 ? "\(f / 10)" : (f < 10 ? "0\(f)" : "\(f)")
        return "\(rate.basisPoints / 100),\(decimals) %"
    }
}

/// Expects `fragment` in `text`, reporting only the fragment (the whole text would drown it).
func expectText(_ text: some StringProtocol, contains fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = text.contains(fragment)
    #expect(found, "missing « \(fragment) »", sourceLocation: sourceLocation)
}

/// Expects `fragment` nowhere in `text`: a mention that does not apply must not be printed.
func expectText(_ text: some StringProtocol, lacks fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = text.contains(fragment)
    #expect(!found, "unexpected « \(fragment) »", sourceLocation: sourceLocation)
}
