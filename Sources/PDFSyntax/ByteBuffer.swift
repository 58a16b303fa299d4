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

    /// Constants are a few bytes long: appended one by one, which costs less than a bulk copy's setup.
    /// Copied in place through one pointer (`append(upTo:)`): appending them one by one paid a
    /// uniqueness and a capacity check per byte.
    @inlinable public mutating func append(raw s: StaticString) {
        s.withUTF8Buffer { utf8 in
            append(upTo: utf8.count) { p in
                for i in 0..<utf8.count { p[i] = utf8[i] }
                return utf8.count
            }
        }
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

    /// Writes an integer in decimal, without a decimal point. Content streams and structure trees
    /// write one for nearly every operand, so the digits are gathered in a register, least significant
    /// first, and written out in one pass: no scratch memory, one division by a constant per digit.
    @inlinable public mutating func append(int value: Int) {
        var v = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        if v < 10 {
            bytes.append(UInt8(truncatingIfNeeded: v) &+ 48)
            return
        }
        if v >= 100_000_000 {
            // Nine digits or more: the leading part first, then exactly eight digits (zeros kept).
            let low = v % 100_000_000
            append(int: Int(v / 100_000_000))
            var packed: UInt64 = 0
            var rest = low
            for _ in 0..<8 {
                packed = packed << 8 | UInt64(rest % 10 &+ 48)
                rest /= 10
            }
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: packed))
                packed >>= 8
            }
            return
        }
        var packed: UInt64 = 0
        var n = 0
        repeat {
            packed = packed << 8 | UInt64(v % 10 &+ 48)
            v /= 10
            n &+= 1
        } while v > 0
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: packed))
            packed >>= 8
            n &-= 1
        } while n > 0
    }

    /// Appends at most `maxCount` bytes that `body` writes through a pointer and returns the count of:
    /// for the hottest writers (glyph strings), where appending byte by byte pays a uniqueness and a
    /// capacity check per byte. The scratch space is temporary (on the stack when small).
    /// Writes at most `maxCount` bytes through a `PointerWriter` (see `append(upTo:_:)`).
    @inlinable public mutating func write(upTo maxCount: Int, _ body: (inout PointerWriter) -> Void) {
        append(upTo: maxCount) { p in
            var w = PointerWriter(p)
            body(&w)
            return w.count
        }
    }

    @inlinable public mutating func append(upTo maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        // Written in place, in the array's own spare capacity (grown geometrically like `append`): a
        // scratch buffer cost a stack check, a copy and a generic `append(contentsOf:)` per operator.
        bytes.append(addingCapacity: maxCount) { span in
            span.withUnsafeMutableBufferPointer { spare, initialized in
                let count = body(spare.baseAddress!)
                precondition(count <= maxCount, "wrote past the reserved bytes")
                initialized = count
            }
        }
    }

    /// Writes `value` in decimal at `p` (at most 20 bytes) and returns how many bytes it took. Two
    /// digits per division, read from a table of the hundred pairs: operands of content streams and
    /// object numbers are mostly three to five digits long.
    @inlinable public static func write(int value: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var v = value.magnitude
        var n = 0
        if value < 0 {
            p[0] = UInt8(ascii: "-")
            n = 1
        }
        // Wrapping arithmetic: at most 20 digits, so no count or index here can overflow, and the
        // overflow checks were a fifth of the instructions.
        let pairs = digitPairs.utf8Start
        // One and two digits (MCIDs, most adjustments) straight from the table; the length of the
        // usual three to six by comparisons, without a loop.
        if v < 100 {
            if v < 10 {
                p[n] = UInt8(truncatingIfNeeded: v) &+ 48
                return n &+ 1
            }
            let pair = Int(truncatingIfNeeded: v) &* 2
            p[n] = pairs[pair]
            p[n &+ 1] = pairs[pair &+ 1]
            return n &+ 2
        }
        var digits: Int
        if v < 10_000 {
            digits = v < 1_000 ? 3 : 4
        } else if v < 1_000_000 {
            digits = v < 100_000 ? 5 : 6
        } else {
            digits = 7
            var limit: UInt = 10_000_000
            while digits < 19 && v >= limit {
                digits &+= 1
                limit &*= 10
            }
            if v >= limit { digits &+= 1 }  // 20 digits: beyond 10^19
        }
        var i = n &+ digits
        while v >= 10 {
            let pair = Int(truncatingIfNeeded: v % 100) &* 2
            v /= 100
            p[i &- 1] = pairs[pair &+ 1]
            p[i &- 2] = pairs[pair]
            i &-= 2
        }
        if i > n { p[i &- 1] = UInt8(truncatingIfNeeded: v) &+ 48 }
        return n &+ digits
    }

    /// "00" to "99": the two decimal digits of each number below 100, at twice the number. A constant,
    /// not a stored table: reading it needs no lazy initialisation.
    @inlinable static var digitPairs: StaticString {
        """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
    }

    /// Writes `units / 100` like `append(centi:)` at `p` (at most 24 bytes); returns how many it took.
    @inlinable public static func write(centi units: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        if units < 0 {
            p[0] = UInt8(ascii: "-")
            n = 1
        }
        let u = units.magnitude
        let frac = Int(truncatingIfNeeded: u % 100)
        n &+= write(int: Int(truncatingIfNeeded: u / 100), to: p + n)
        if frac == 0 { return n }
        let pairs = digitPairs.utf8Start
        p[n] = UInt8(ascii: ".")
        p[n &+ 1] = pairs[frac &* 2]
        if frac % 10 == 0 { return n &+ 2 }
        p[n &+ 2] = pairs[frac &* 2 &+ 1]
        return n &+ 3
    }

    /// Rounds half away from zero, like `Double.rounded()`, without the libm call that costs a function
    /// call per operand in content streams: `x - trunc(x)` is exact below 2^52, so this gives the same
    /// integer `rounded()` would. Only for |x| < 9e15 (callers check).
    @inlinable public static func roundedToInt(_ x: Double) -> Int {
        let whole = Int(x)
        let rest = x - Double(whole)
        return rest >= 0.5 ? whole + 1 : (rest <= -0.5 ? whole - 1 : whole)
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
        let digits: Int
        switch precision {
        case ...0: (scale, digits) = (1, 0)
        case 1: (scale, digits) = (10, 1)
        case 2:
            // The content-stream case (two decimals): integer arithmetic with a constant divisor.
            let scaled = value * 100
            guard scaled.magnitude < 9.0e15 else { append(int: Int(value.rounded())); return }
            append(centi: Self.roundedToInt(scaled))
            return
        case 3: (scale, digits) = (1000, 3)
        default: (scale, digits) = (10000, 4)
        }
        let scaled = value * scale
        if scaled.magnitude >= 9.0e15 {  // beyond exact integers: PDF readers cap reals far below this anyway
            append(int: Int(value.rounded()))
            return
        }
        appendFixed(Self.roundedToInt(scaled), divisor: Int(scale), digits: digits)
    }

    /// Writes `units / 100` with at most two decimals, trailing zeros dropped (`12.5`, `-3.07`, `40`):
    /// the number formatter of content streams, whose operands are rounded to 0.01 pt.
    @inlinable public mutating func append(centi units: Int) {
        var u = units
        if u < 0 {
            bytes.append(UInt8(ascii: "-"))
            u = -u
        }
        let whole = u / 100, frac = u % 100
        append(int: whole)
        if frac == 0 { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(truncatingIfNeeded: frac / 10) &+ 48)
        if frac % 10 != 0 { bytes.append(UInt8(truncatingIfNeeded: frac % 10) &+ 48) }
    }

    /// Writes `units / divisor` (divisor = 10^digits) with trailing zeros dropped.
    @inlinable mutating func appendFixed(_ units: Int, divisor: Int, digits: Int) {
        if units == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var u = units
        if u < 0 {
            bytes.append(UInt8(ascii: "-"))
            u = -u
        }
        let whole = u / divisor
        var frac = u % divisor
        append(int: whole)
        if frac == 0 { return }
        var digits = digits
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

    /// True when `b` can stand in a name as is: not a delimiter, white space, `#` or outside 0x21…0x7E.
    @inlinable public static func isPlainNameByte(_ b: UInt8) -> Bool {
        b >= 0x21 && b <= 0x7E && !isDelimiter(b) && b != UInt8(ascii: "#")
    }

    /// Writes `/name`, escaping delimiters, whitespace, `#` and bytes outside 0x21…0x7E as `#xx`.
    public mutating func append(name: some StringProtocol) {
        bytes.append(UInt8(ascii: "/"))
        for b in name.utf8 {
            if !ByteBuffer.isPlainNameByte(b) {
                bytes.append(UInt8(ascii: "#"))
                bytes.append(ByteBuffer.hexDigit(b >> 4))
                bytes.append(ByteBuffer.hexDigit(b & 0xF))
            } else {
                bytes.append(b)
            }
        }
    }

    /// The `String` case of `append(name:)` (role tags, resource names): written in one copy when no
    /// byte needs escaping, which is always so for the names this renderer generates.
    public mutating func append(name: String) {
        var s = name
        let plain = s.withUTF8 { utf8 -> Bool in
            guard PointerWriter.isPlainName(utf8) else { return false }
            bytes.append(UInt8(ascii: "/"))
            for b in utf8 { bytes.append(b) }
            return true
        }
        if !plain { append(name: s[...]) }
    }

    /// Writes a constant name known to need no escaping.
    @inlinable public mutating func append(name: StaticString) {
        bytes.append(UInt8(ascii: "/"))
        append(raw: name)
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

    /// Writes a text string (§7.9.2.2) as a literal, one byte a character, when every character is
    /// printable ASCII or a Latin-1 character from U+00A1 on (but the soft hyphen): PDFDocEncoding gives
    /// those the codes Latin-1 does (Annex D), so a reader that takes the string for Latin-1 reads it
    /// right too. Anything else (« œ », « € », « — », a no-break space, whose PDFDocEncoding codes
    /// differ from Latin-1 or do not exist) becomes UTF-16BE with a byte-order mark, as a literal of
    /// two bytes a unit rather than four hexadecimal digits.
    public mutating func append(textString s: String) {
        if s.unicodeScalars.allSatisfy({ ($0.value >= 0x20 && $0.value < 0x7F) || ($0.value >= 0xA1 && $0.value <= 0xFF && $0.value != 0xAD) }) {
            append(literal: s.unicodeScalars.lazy.map { UInt8(truncatingIfNeeded: $0.value) })
            return
        }
        append(literal: [0xFE, 0xFF] + s.utf16.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] })
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

    @inlinable public static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? v &+ 48 : v &+ 55 }

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
