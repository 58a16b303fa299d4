/// Interpolated text, compiled once: `"Relevé de {mois | mois}"` becomes
/// `[.literal("Relevé de "), .expr(...)]`. Rendering concatenates; a template made of one
/// expression returns the value's string without copying it.
struct Template: Sendable {
    enum Part: Sendable {
        case literal(String)
        /// A bare field path, the common case (`{l.montant}`), evaluated without the
        /// expression evaluator's dispatch.
        case path(DataPath)
        case expr(Expr)

        init(_ expr: Expr) {
            if case .path(let p) = expr { self = .path(p) } else { self = .expr(expr) }
        }
    }

    var parts: [Part]

    /// The text if the template has no expression (lets static blocks be built at load).
    var staticText: String? {
        var s = ""
        for part in parts {
            guard case .literal(let l) = part else { return nil }
            s += l
        }
        return s
    }

    static func literal(_ s: String) -> Template { Template(parts: [.literal(s)]) }
}

extension BindContext {
    func render(_ template: Template) throws(LayoutError) -> String {
        if template.parts.count == 1 {
            switch template.parts[0] {
            case .literal(let s): return s
            case .path(let p): return try text(of: try resolve(p), p)
            case .expr(let e): return try text(of: try evaluate(e), e)
            }
        }
        var out = ""
        for part in template.parts {
            switch part {
            case .literal(let s): out += s
            case .path(let p): out += try text(of: try resolve(p), p)
            case .expr(let e): out += try text(of: try evaluate(e), e)
            }
        }
        return out
    }

    @inline(__always)
    func text(of value: DataValue, _ path: DataPath) throws(LayoutError) -> String {
        if case .string(let s) = value { return s }
        return try text(of: value, .path(path))
    }

    /// How a value prints without a formatter: strings as is, integers in digits, decimals
    /// with a comma, booleans « oui »/« non », null as nothing. Lists and objects cannot print.
    func text(of value: DataValue, _ expr: Expr) throws(LayoutError) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d):
            return FrenchFormat.number(d, decimals: nil, maxDecimals: 6) ?? String(d)
        case .bool(let b): return b ? "oui" : "non"
        case .null: return ""
        case .array, .object:
            let source: SourceLocation? = if case .path(let p) = expr { p.source } else { nil }
            throw LayoutError(.dataType, "cannot print a \(value.kindName) as text; loop over it or pick a field",
                              at: .data(path: dataPath(of: expr) ?? "(value)", source: source))
        }
    }
}
