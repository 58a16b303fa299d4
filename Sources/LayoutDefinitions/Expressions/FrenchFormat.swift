/// French typographic formatting of dates, amounts and identifiers, written by hand:
/// no `DateFormatter`/`NumberFormatter` (locale data, allocation, thread-safety cost) and
/// no regex, because `bind` runs thousands of times per second.
///
/// Typography follows the Imprimerie nationale's *Lexique des règles typographiques*:
/// U+202F NARROW NO-BREAK SPACE groups thousands and precedes `€` and `%`; the minus sign
/// is U+2212; identifiers (NIR, IBAN) are grouped with U+00A0 NO-BREAK SPACE so a line
/// never breaks inside them.
public enum FrenchFormat {
    public static let narrowNoBreakSpace: Character = "\u{202F}"
    public static let noBreakSpace: Character = "\u{00A0}"
    public static let minusSign: Character = "\u{2212}"

    static let monthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                             "août", "septembre", "octobre", "novembre", "décembre"]

    /// Appends `value` in decimal with U+202F between groups of three digits.
    static func appendGrouped(_ value: UInt64, to s: inout String) {
        if value < 1000 { s += String(value); return }
        appendGrouped(value / 1000, to: &s)
        s.append(narrowNoBreakSpace)
        let rest = value % 1000
        if rest < 100 { s += "0" }
        if rest < 10 { s += "0" }
        s += String(rest)
    }

    /// « 1 234,56 € » from an amount in cents; « −2,00 € » when negative.
    public static func euros(cents: Int64) -> String {
        var s = ""
        s.reserveCapacity(16)
        if cents < 0 { s.append(minusSign) }
        let magnitude = cents.magnitude
        appendGrouped(magnitude / 100, to: &s)
        s += ","
        let c = magnitude % 100
        if c < 10 { s += "0" }
        s += String(c)
        s.append(narrowNoBreakSpace)
        s += "€"
        return s
    }

    /// « 1 234,56 € » from an amount in euros, rounded to the cent half away from zero on
    /// its shortest decimal writing (so 1.005 → 1,01 €, as a person reading it expects).
    public static func euros(_ amount: Double) -> String? {
        guard let cents = scaledRounded(amount, decimals: 2) else { return nil }
        return euros(cents: cents)
    }

    /// `value × 10^decimals` rounded half away from zero, using the shortest decimal
    /// representation of the double rather than its binary value.
    static func scaledRounded(_ value: Double, decimals: Int) -> Int64? {
        guard value.isFinite, abs(value) < 9e15 else { return nil }
        let text = String(value.magnitude)
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        for c in text.utf8 {
            if c == UInt8(ascii: ".") { seenPoint = true; continue }
            guard c >= 0x30, c <= 0x39 else {
                // Exponent form (very small or very large): fall back to binary rounding.
                let scaled = (value.magnitude * pow10(decimals)).rounded(.toNearestOrAwayFromZero)
                return Int64(scaled) * (value < 0 ? -1 : 1)
            }
            digits.append(c - 0x30)
            if seenPoint { fractionDigits += 1 }
        }
        var result: Int64 = 0
        let keep = digits.count - fractionDigits + decimals
        for i in 0..<keep { result = result * 10 + Int64(i < digits.count ? digits[i] : 0) }
        if keep < digits.count, digits[keep] >= 5 { result += 1 }
        return value < 0 ? -result : result
    }

    static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// A decimal number in French: grouped thousands, decimal comma. `decimals` fixed,
    /// or nil for up to `maxDecimals` digits with trailing zeros removed.
    public static func number(_ value: Double, decimals: Int?, maxDecimals: Int = 2) -> String? {
        let places = decimals ?? maxDecimals
        guard let scaled = scaledRounded(value, decimals: places) else { return nil }
        var s = ""
        if scaled < 0 { s.append(minusSign) }
        var divisor: UInt64 = 1
        for _ in 0..<places { divisor *= 10 }
        appendGrouped(scaled.magnitude / divisor, to: &s)
        guard places > 0 else { return s }
        var fraction = String(scaled.magnitude % divisor)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        if decimals == nil {
            while fraction.last == "0" { fraction.removeLast() }
        }
        if !fraction.isEmpty { s += "," + fraction }
        return s
    }

    /// « 6,2 % » for 6.2 (the value is already a percentage, not a ratio).
    public static func percent(_ value: Double, decimals: Int?) -> String? {
        guard var s = number(value, decimals: decimals) else { return nil }
        s.append(narrowNoBreakSpace)
        s += "%"
        return s
    }

    /// Year, month and day of an ISO `YYYY-MM-DD` date (or `YYYY-MM` when `dayOptional`),
    /// validated against the Gregorian calendar.
    static func parseISODate(_ text: String, requireDay: Bool) -> (year: Int, month: Int, day: Int?)? {
        let b = Array(text.utf8)
        guard b.count == 10 || (!requireDay && b.count == 7) else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b[4] == UInt8(ascii: "-"), let year = num(0..<4), let month = num(5..<7),
              (1...12).contains(month) else { return nil }
        if b.count == 7 { return (year, month, nil) }
        guard b[7] == UInt8(ascii: "-"), let day = num(8..<10),
              day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// « 26/11/2026 » from `2026-11-26`.
    public static func shortDate(_ iso: String) -> String? {
        guard let d = parseISODate(iso, requireDay: true), let day = d.day else { return nil }
        let b = Array(iso.utf8)
        var out: [UInt8] = [b[8], b[9], UInt8(ascii: "/"), b[5], b[6], UInt8(ascii: "/")]
        out.append(contentsOf: b[0..<4])
        _ = day
        return String(decoding: out, as: UTF8.self)
    }

    /// « 26 novembre 2026 » from `2026-11-26`; the first of the month is « 1er ».
    public static func longDate(_ iso: String) -> String? {
        guard let d = parseISODate(iso, requireDay: true), let day = d.day else { return nil }
        let dayText = day == 1 ? "1er" : String(day)
        return dayText + " " + monthNames[d.month - 1] + " " + String(d.year)
    }

    /// « octobre 2026 » from `2026-10` (or from a full date `2026-10-31`).
    public static func monthYear(_ iso: String) -> String? {
        guard let d = parseISODate(iso, requireDay: false) else { return nil }
        return monthNames[d.month - 1] + " " + String(d.year)
    }
}
