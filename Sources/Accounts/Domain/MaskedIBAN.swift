/// The printable form of a bank account: country and check digits, then only the last four
/// characters (`FR76 **** **** **** **** ***1 234`), as the online account shows it.
public struct MaskedIBAN: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    init(iban: IBAN) {
        let chars = Array(iban.value)
        var masked = Array(chars.prefix(4))
        masked += Array(repeating: "*", count: chars.count - 8)
        masked += chars.suffix(4)
        var grouped = ""
        for (i, c) in masked.enumerated() {
            if i > 0, i % 4 == 0 { grouped.append(" ") }
            grouped.append(c)
        }
        text = grouped
    }

    /// Rebuilds the value read back from storage (already masked).
    package init(stored: String) { text = stored }

    public var description: String { text }
}
