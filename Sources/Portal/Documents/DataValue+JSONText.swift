import LayoutDefinitions

extension DataValue {
    /// Pretty JSON (one-space indent, keys in their order), for the sample files that
    /// `paperasse layouts check` binds; `DataValue(json:)` reads it back.
    package func jsonText(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 1), close = String(repeating: " ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return Self.quoted(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.jsonText(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + Self.quoted($0.key) + ": " + $0.value.jsonText(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + close + "}"
        }
    }

    /// RFC 8259 §7: quote, backslash and control characters escaped; the rest is UTF-8 as is.
    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
