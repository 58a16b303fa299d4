import Testing
@testable import PDFSyntax

/// Tier 1: the exact bytes of the lexical writers (ISO 32000-1 §7.3).
@Suite struct NumberAndLexicalTests {
    static func text(_ body: (inout ByteBuffer) -> Void) -> String {
        var b = ByteBuffer()
        body(&b)
        return String(decoding: b.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (10, "10"), (-1, "-1"), (595, "595"), (-1234567, "-1234567"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integers(_ value: Int, _ expected: String) {
        #expect(Self.text { $0.append(int: value) } == expected)
    }

    /// The writer takes digits two at a time: every length and every pair position, against `String`.
    @Test func integersAgreeWithString() {
        var values = Array(-1_000...100_000)
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power, power * 9 + 99]
        }
        values += [Int.max - 1, Int.min + 1]
        for v in values {
            let written = Self.text { $0.append(int: v) }
            if written != String(v) {
                Issue.record("\(v) written as \(written)")
                return
            }
        }
    }

    /// Hundredths with trailing zeros dropped, against a formatting built from `String`.
    @Test func centiAgreesWithString() {
        for units in -30_000...30_000 {
            let whole = String(units.magnitude / 100), frac = units.magnitude % 100
            var expected = (units < 0 ? "-" : "") + whole
            if frac != 0 {
                expected += "." + (frac < 10 ? "0" : "") + String(frac % 10 == 0 ? frac / 10 : frac)
            }
            let written = Self.text { $0.append(centi: units) }
            if written != expected {
                Issue.record("\(units) hundredths written as \(written), expected \(expected)")
                return
            }
        }
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1.0, "1"), (595.0, "595"), (-3.0, "-3"),
        (0.5, "0.5"), (-0.25, "-0.25"), (1e-5, "0"), (-1e-5, "0"), (12.34567, "12.3457"),
        (0.05, "0.05"), (0.0001, "0.0001"), (841.8898, "841.8898"),
        (1.99999, "2"), (100.1, "100.1"), (-12.5, "-12.5"), (3.14159265, "3.1416"),
    ])
    func reals(_ value: Double, _ expected: String) {
        #expect(Self.text { $0.append(real: value) } == expected)
    }

    /// A non-finite operand is written as 0 (a valid file) instead of crashing the process.
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteRealsAreZero(_ value: Double) {
        #expect(Self.text { $0.append(real: value); $0.append(raw: " "); $0.append(real: 2.5) } == "0 2.5")
    }

    @Test(arguments: [
        (0.126, 2, "0.13"), (0.12, 1, "0.1"), (2.5, 0, "3"), (-0.04, 1, "0"), (1.5, 6, "1.5"),
    ])
    func realsWithPrecision(_ value: Double, _ precision: Int, _ expected: String) {
        #expect(Self.text { $0.append(real: value, precision: precision) } == expected)
    }

    @Test(arguments: [
        ("Type", "/Type"), ("A B", "/A#20B"), ("A#B", "/A#23B"), ("F1", "/F1"),
        ("a/b", "/a#2Fb"), ("(x)", "/#28x#29"), ("é", "/#C3#A9"), ("Adobe-Identity-UCS", "/Adobe-Identity-UCS"),
        ("%<>[]{}", "/#25#3C#3E#5B#5D#7B#7D"),
    ])
    func names(_ name: String, _ expected: String) {
        #expect(Self.text { $0.append(name: name) } == expected)
    }

    @Test(arguments: [
        ("abc", "(abc)"), ("a(b)c", "(a\\(b\\)c)"), ("back\\slash", "(back\\\\slash)"),
        ("two\nlines", "(two\\nlines)"), ("cr\rhere", "(cr\\rhere)"), ("", "()"),
    ])
    func literalStrings(_ s: String, _ expected: String) {
        #expect(Self.text { $0.append(literal: Array(s.utf8)) } == expected)
    }

    @Test func hexStrings() {
        #expect(Self.text { $0.append(hex: [0x00, 0x0F, 0xAB, 0xFF]) } == "<000FABFF>")
        #expect(Self.text { $0.append(hex: [UInt8]()) } == "<>")
    }

    @Test(arguments: [
        ("Paperasse", Array("(Paperasse)".utf8)),
        ("a (b)", Array("(a \\(b\\))".utf8)),
        // Latin-1 from U+00A1: one byte a character, the PDFDocEncoding code, which is Latin-1's.
        ("é", [0x28, 0xE9, 0x29]),
        ("« n° 1 »", [0x28, 0xAB, 0x20, 0x6E, 0xB0, 0x20, 0x31, 0x20, 0xBB, 0x29]),
        // Anything else: UTF-16BE with a byte-order mark (§7.9.2.2), a literal of two bytes a unit, its
        // parentheses, backslashes and carriage returns escaped like any literal's.
        ("1 €", [0x28, 0xFE, 0xFF, 0x00, 0x31, 0x00, 0x20, 0x20, 0xAC, 0x29]),
        ("cœur", [0x28, 0xFE, 0xFF, 0x00, 0x63, 0x01, 0x53, 0x00, 0x75, 0x00, 0x72, 0x29]),
        ("😀", [0x28, 0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00, 0x29]),
        ("tab\there", [0x28, 0xFE, 0xFF, 0x00, 0x74, 0x00, 0x61, 0x00, 0x62, 0x00, 0x09, 0x00, 0x68, 0x00, 0x65, 0x00, 0x72, 0x00, 0x65, 0x29]),
        ("\u{00A0}", [0x28, 0xFE, 0xFF, 0x00, 0xA0, 0x29]),  // no-break space: 0xA0 is € in PDFDocEncoding
        ("\u{0128}(", [0x28, 0xFE, 0xFF, 0x01, 0x5C, 0x28, 0x00, 0x5C, 0x28, 0x29]),  // Ĩ: the unit 0x0128 holds a "("
        ("\u{0D00}", [0x28, 0xFE, 0xFF, 0x5C, 0x72, 0x00, 0x29]),  // a unit holding a carriage return
    ])
    func textStrings(_ s: String, _ expected: [UInt8]) {
        var b = ByteBuffer()
        b.append(textString: s)
        #expect(b.bytes == expected, "\(s): \(b.bytes)")
    }

    @Test func references() {
        #expect(Self.text { $0.append(ref: Ref(12)) } == "12 0 R")
    }
}
