/// JSON-shaped data bound to a layout: what the portal (or a sample file) hands to `bind`.
///
/// Objects keep their keys in order as an array of pairs: the objects of a statement are
/// small (≤ 15 keys), and a linear scan over short, inline Swift strings is faster than
/// hashing them, which matters at 3,000 documents per second.
public enum DataValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([DataValue])
    case object([(key: String, value: DataValue)])

    /// The member `key` of an object; nil for a missing key or a non-object.
    public subscript(key: String) -> DataValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The element at `index` of an array; nil when out of range or not an array.
    public subscript(index: Int) -> DataValue? {
        guard case .array(let items) = self, index >= 0, index < items.count else { return nil }
        return items[index]
    }

    /// A short English name of the value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "list"
        case .object: return "object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [DataValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

extension DataValue: Equatable {
    /// Objects compare as maps (key order does not matter); numbers compare across int/double.
    public static func == (lhs: DataValue, rhs: DataValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = rhs[key], other == value else { return false }
            }
            return true
        default: return false
        }
    }
}

extension DataValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: DataValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, DataValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}
