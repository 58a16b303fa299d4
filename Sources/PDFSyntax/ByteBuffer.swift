/// A growable byte buffer with the primitive PDF lexical writers (ISO 32000-1 §7.3): numbers, names,
/// strings. It performs no validation: the typed writers above it decide what is written.
public struct ByteBuffer: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    @inlinable public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inlinable public mutating func append(_ other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    @inlinable public mutating func append(raw s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inlinable public mutating func append(ascii s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Swaps the storage out, leaving this buffer empty: lets nested writers own the bytes without copying.
    @inlinable public mutating func take() -> [UInt8] {
        var out: [UInt8] = []
        swap(&out, &bytes)
        return out
    }

    // MARK: Numbers (§7.3.3)

    /// Writes an integer in decimal, without a decimal point.
    @inlinable public mutating func append(int value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ 48)
            return
        }
        var v = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { raw in
            repeat {
                raw[n] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
                n += 1
            } while v > 0
            while n > 0 {
                n -= 1
                bytes.append(raw[n])
            }
        }
    }

    /// Writes a real with at most `precision` decimals (default 4), trailing zeros dropped and no
    /// exponent, so the same value always gives the same bytes: integers print without a decimal point.
    @inlinable public mutating func append(real value: Double, precision: Int = 4) {
        // A NaN or infinite operand (a layout bug upstream) must not crash a batch worker: it is written
        // as 0, which keeps the file valid, and the geometry error shows on the page.
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let scale: Double
        switch precision {
        case 0: scale = 1
        case 1: scale = 10
        case 2: scale = 100
        case 3: scale = 1000
        default: scale = 10000
        }
        let scaled = (value * scale).rounded()
        if scaled.magnitude >= 9.0e15 {  // beyond exact integers: PDF readers cap reals far below this anyway
            append(int: Int(value.rounded()))
            return
        }
        var units = Int(scaled)
        if units == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if units < 0 {
            bytes.append(UInt8(ascii: "-"))
            units = -units
        }
        let divisor = Int(scale)
        let whole = units / divisor
        var frac = units % divisor
        append(int: whole)
        if frac == 0 { return }
        var digits = precision > 4 ? 4 : precision
        while frac % 10 == 0 {
            frac /= 10
            digits -= 1
        }
        bytes.append(UInt8(ascii: "."))
        var pow = 1
        for _ in 1..<digits { pow *= 10 }
        while pow > 0 {
            bytes.append(UInt8(truncatingIfNeeded: (frac / pow) % 10) &+ 48)
            pow /= 10
        }
    }

    // MARK: Names (§7.3.5)

    /// Writes `/name`, escaping delimiters, whitespace, `#` and bytes outside 0x21…0x7E as `#xx`.
    public mutating func append(name: some StringProtocol) {
        bytes.append(UInt8(ascii: "/"))
        for b in name.utf8 {
            if b < 0x21 || b > 0x7E || ByteBuffer.isDelimiter(b) || b == UInt8(ascii: "#") {
                bytes.append(UInt8(ascii: "#"))
                bytes.append(ByteBuffer.hexDigit(b >> 4))
                bytes.append(ByteBuffer.hexDigit(b & 0xF))
            } else {
                bytes.append(b)
            }
        }
    }

    /// Writes a constant name known to need no escaping.
    @inlinable public mutating func append(name: StaticString) {
        bytes.append(UInt8(ascii: "/"))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    // MARK: Strings (§7.3.4)

    /// Writes a literal string `( … )` from raw bytes, escaping `\`, parentheses and line ends.
    public mutating func append(literal: some Sequence<UInt8>) {
        bytes.append(UInt8(ascii: "("))
        for b in literal {
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(b)
            case 0x0D:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x0A:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            default:
                bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: ")"))
    }

    /// Writes a text string (§7.9.2.2): ASCII stays literal; anything else becomes UTF-16BE with a BOM,
    /// which every reader decodes (PDFDocEncoding cannot carry « œ » or « € » reliably everywhere).
    public mutating func append(textString s: String) {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            append(literal: s.utf8)
            return
        }
        var utf16: [UInt8] = [0xFE, 0xFF]
        utf16.reserveCapacity(2 + s.utf16.count * 2)
        for unit in s.utf16 {
            utf16.append(UInt8(unit >> 8))
            utf16.append(UInt8(unit & 0xFF))
        }
        append(hex: utf16)
    }

    /// Writes a hexadecimal string `< … >` (§7.3.4.3).
    public mutating func append(hex data: some Sequence<UInt8>) {
        bytes.append(UInt8(ascii: "<"))
        for b in data {
            bytes.append(ByteBuffer.hexDigit(b >> 4))
            bytes.append(ByteBuffer.hexDigit(b & 0xF))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    @inlinable public mutating func append(ref: Ref) {
        append(int: Int(ref.number))
        append(raw: " 0 R")
    }

    @inlinable static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? v &+ 48 : v &+ 55 }

    @inlinable static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }
}
