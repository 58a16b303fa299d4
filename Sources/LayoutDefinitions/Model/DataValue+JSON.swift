extension DataValue {
    /// Parses JSON (RFC 8259) into a `DataValue`.
    ///
    /// Hand-written rather than `JSONSerialization` so errors carry a line and column
    /// (`name:line:column`), objects keep their key order, and integers stay exact `Int64`.
    public init<Bytes: Collection<UInt8>>(json bytes: Bytes, name: String = "data.json") throws(LayoutError) {
        let buffer = Array(bytes)
        var parser = JSONParser(bytes: buffer, name: name)
        self = try parser.parseDocument()
    }

    /// Parses JSON text.
    public init(json text: String, name: String = "data.json") throws(LayoutError) {
        try self.init(json: Array(text.utf8), name: name)
    }
}

/// A recursive-descent JSON reader over UTF-8 bytes.
struct JSONParser {
    let bytes: [UInt8]
    let name: String
    var pos = 0
    var depth = 0

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    mutating func parseDocument() throws(LayoutError) -> DataValue {
        skipSpace()
        let value = try parseValue()
        skipSpace()
        if pos < bytes.count { throw failure("unexpected text after the JSON value") }
        return value
    }

    func failure(_ reason: String) -> LayoutError {
        // Line and column are computed only on failure, to keep the happy path lean.
        var line = 1, column = 1
        for b in bytes[0..<min(pos, bytes.count)] {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return LayoutError(.jsonSyntax, "invalid JSON: \(reason)",
                           at: SourceLocation(file: name, line: line, column: column))
    }

    mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(LayoutError) -> DataValue {
        guard pos < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[pos])))'")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(LayoutError) {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { throw failure("unexpected end of input") }
        let ptr = word.utf8Start
        for i in 0..<count where bytes[pos + i] != ptr[i] { throw failure("invalid literal") }
        pos += count
    }

    mutating func enter() throws(LayoutError) {
        depth += 1
        // A guard against stack exhaustion on hostile input.
        if depth > 256 { throw failure("nesting deeper than 256 levels") }
    }

    mutating func parseObject() throws(LayoutError) -> DataValue {
        try enter()
        pos += 1
        var members: [(key: String, value: DataValue)] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw failure("expected a key string") }
            let key = try parseString()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            pos += 1
            skipSpace()
            members.append((key: key, value: try parseValue()))
            skipSpace()
            guard pos < bytes.count else { throw failure("unexpected end of input in object") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
            throw failure("expected ',' or '}'")
        }
        depth -= 1
        return .object(members)
    }

    mutating func parseArray() throws(LayoutError) -> DataValue {
        try enter()
        pos += 1
        var items: [DataValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; depth -= 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard pos < bytes.count else { throw failure("unexpected end of input in array") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; break }
            throw failure("expected ',' or ']'")
        }
        depth -= 1
        return .array(items)
    }

    mutating func parseNumber() throws(LayoutError) -> DataValue {
        let start = pos
        var isInteger = true
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        let digitsStart = pos
        while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
        if pos == digitsStart { throw failure("expected digits") }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            let fracStart = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            if pos == fracStart { throw failure("expected digits after '.'") }
        }
        if pos < bytes.count, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            let expStart = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            if pos == expStart { throw failure("expected exponent digits") }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if isInteger, let i = Int64(text) { return .int(i) }
        guard let d = Double(text) else { throw failure("invalid number") }
        return .double(d)
    }

    mutating func parseString() throws(LayoutError) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes, the common case, decoded straight from the buffer.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<pos], as: UTF8.self)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw failure("control character in string") }
            pos += 1
        }
        var out = Array(bytes[start..<pos])
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw failure("control character in string") }
            if b != UInt8(ascii: "\\") { out.append(b); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): out.append(contentsOf: String(Character(try parseUnicodeEscape())).utf8)
            default: pos -= 1; throw failure("invalid escape")
            }
        }
        throw failure("unterminated string")
    }

    mutating func hex4() throws(LayoutError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x37)
            case 0x61...0x66: d = UInt32(b - 0x57)
            default: throw failure("invalid \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    mutating func parseUnicodeEscape() throws(LayoutError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            guard pos + 2 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
            else { throw failure("unpaired surrogate") }
            pos += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw failure("unpaired surrogate") }
        return scalar
    }
}
