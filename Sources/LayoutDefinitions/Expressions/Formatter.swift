/// A formatter applied with `|` in an expression: `{date_edition | date_longue}`.
/// Compiled once at parse time; `apply` is a plain switch at bind time.
enum Formatter: Sendable, Hashable {
    case date, longDate, month
    case euros, cents
    case percent(decimals: Int?)
    case number(decimals: Int?)
    case nir
    case maskedIBAN(visible: Int)
    case upper, lower
    case defaultValue(String)

    /// The kind of value a formatter accepts, checked at parse time when the input's kind
    /// is known (a literal or another formatter's output), and at bind time otherwise.
    enum Input: String { case string = "a string", number = "a number", any = "any value" }

    /// Formatter names as written in layouts, with their argument rules.
    static let names = ["date", "date_longue", "mois", "euros", "centimes", "pourcent", "nombre",
                        "nir", "iban_masque", "majuscules", "minuscules", "defaut"]

    var name: String {
        switch self {
        case .date: return "date"
        case .longDate: return "date_longue"
        case .month: return "mois"
        case .euros: return "euros"
        case .cents: return "centimes"
        case .percent: return "pourcent"
        case .number: return "nombre"
        case .nir: return "nir"
        case .maskedIBAN: return "iban_masque"
        case .upper: return "majuscules"
        case .lower: return "minuscules"
        case .defaultValue: return "defaut"
        }
    }

    var input: Input {
        switch self {
        case .date, .longDate, .month, .nir, .maskedIBAN, .upper, .lower: return .string
        case .euros, .cents, .percent, .number: return .number
        case .defaultValue: return .any
        }
    }

    /// Builds a formatter from its name and literal arguments. The error has no location:
    /// the expression parser adds it.
    static func make(name: String, arguments: [DataValue]) throws(LayoutError) -> Formatter {
        func bad(_ reason: String) -> LayoutError { LayoutError(.badExpression, reason) }
        func intArg(_ range: ClosedRange<Int>) throws(LayoutError) -> Int? {
            if arguments.isEmpty { return nil }
            guard arguments.count == 1, case .int(let n) = arguments[0], range.contains(Int(n)) else {
                throw bad("'\(name)' takes one integer argument in \(range.lowerBound)…\(range.upperBound)")
            }
            return Int(n)
        }
        func noArgs(_ f: Formatter) throws(LayoutError) -> Formatter {
            guard arguments.isEmpty else { throw bad("'\(name)' takes no argument") }
            return f
        }
        switch name {
        case "date": return try noArgs(.date)
        case "date_longue": return try noArgs(.longDate)
        case "mois": return try noArgs(.month)
        case "euros": return try noArgs(.euros)
        case "centimes": return try noArgs(.cents)
        case "majuscules": return try noArgs(.upper)
        case "minuscules": return try noArgs(.lower)
        case "nir": return try noArgs(.nir)
        case "pourcent": return .percent(decimals: try intArg(0...4))
        case "nombre": return .number(decimals: try intArg(0...4))
        case "iban_masque": return .maskedIBAN(visible: try intArg(3...5) ?? 3)
        case "defaut":
            guard arguments.count == 1, case .string(let s) = arguments[0] else {
                throw bad("'defaut' takes one string argument: defaut(\"—\")")
            }
            return .defaultValue(s)
        default:
            throw LayoutError(.unknownFormatter, "unknown formatter '\(name)'" + Suggestion.hint(for: name, in: names))
        }
    }

    /// Applies the formatter; on failure returns the reason (the caller adds the location).
    func apply(_ value: DataValue) -> Result<DataValue, LayoutError> {
        func typeError() -> Result<DataValue, LayoutError> {
            .failure(LayoutError(.formatterType, "formatter '\(name)' expects \(input.rawValue), got \(value.kindName)"))
        }
        func invalid(_ what: String) -> Result<DataValue, LayoutError> {
            .failure(LayoutError(.invalidValue, "formatter '\(name)' cannot format \(what)"))
        }
        if case .defaultValue(let fallback) = self {
            switch value {
            case .null: return .success(.string(fallback))
            case .string(let s) where s.isEmpty: return .success(.string(fallback))
            default: return .success(value)
            }
        }
        switch input {
        case .string:
            guard case .string(let s) = value else { return typeError() }
            let out: String?
            switch self {
            case .date: out = FrenchFormat.shortDate(s)
            case .longDate: out = FrenchFormat.longDate(s)
            case .month: out = FrenchFormat.monthYear(s)
            case .nir: out = FrenchFormat.nir(s)
            case .maskedIBAN(let visible): out = FrenchFormat.maskedIBAN(s, visible: visible)
            case .upper: out = s.uppercased()
            case .lower: out = s.lowercased()
            default: out = nil
            }
            guard let out else { return invalid("'\(s)'") }
            return .success(.string(out))
        case .number, .any:
            let out: String?
            switch (self, value) {
            case (.cents, .int(let c)): out = FrenchFormat.euros(cents: c)
            case (.cents, .double): return .failure(LayoutError(.formatterType, "formatter 'centimes' expects an integer number of cents, got a decimal number"))
            case (.euros, .int(let e)):
                let (c, overflow) = e.multipliedReportingOverflow(by: 100)
                out = overflow ? nil : FrenchFormat.euros(cents: c)
            case (.euros, .double(let d)): out = FrenchFormat.euros(d)
            case (.percent(let n), .int(let i)): out = FrenchFormat.percent(Double(i), decimals: n)
            case (.percent(let n), .double(let d)): out = FrenchFormat.percent(d, decimals: n)
            case (.number(let n), .int(let i)): out = FrenchFormat.number(Double(i), decimals: n)
            case (.number(let n), .double(let d)): out = FrenchFormat.number(d, decimals: n)
            default: return typeError()
            }
            guard let out else { return invalid("this number") }
            return .success(.string(out))
        }
    }
}
