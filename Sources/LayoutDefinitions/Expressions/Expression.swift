/// A field path compiled at parse time: `assure.nom`, `l.montant`, `caisse.adresse[0]`.
/// Loop variables are resolved to slot numbers, so binding never looks a name up.
///
/// A class, not a struct: expressions hold it by one reference, so evaluating a path
/// costs one retain instead of copying its steps and its source location.
final class DataPath: Sendable {
    enum Root: Sendable, Equatable {
        /// The document's data object.
        case data
        /// A loop (or group) variable, by slot.
        case slot(Int)
    }

    enum Step: Sendable, Equatable {
        /// A member name, with its UTF-8 length: comparing lengths first rejects most
        /// non-matching keys without a string comparison.
        case key(String, length: Int)
        case index(Int)

        static func key(_ name: String) -> Step { .key(name, length: name.utf8.count) }
    }

    let root: Root
    let steps: [Step]
    /// Written with a trailing `?` (or made lenient by `defaut`, `exists`, `empty`):
    /// a missing field yields null instead of an error.
    let optional: Bool
    let source: SourceLocation

    init(root: Root, steps: [Step], optional: Bool, source: SourceLocation) {
        self.root = root
        self.steps = steps
        self.optional = optional
        self.source = source
    }

    /// The same path, optional.
    var lenient: DataPath { DataPath(root: root, steps: steps, optional: true, source: source) }

    /// The path text from `steps[0..<count]`, used in error messages.
    func describe(prefix: String, upTo count: Int) -> String {
        var s = prefix
        for step in steps.prefix(count) {
            switch step {
            case .key(let k, _): s += s.isEmpty ? k : "." + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }
}

/// Comparison operators of conditions.
enum CompareOp: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
}

/// The expression AST. No calls out, no loops, no I/O: evaluation always terminates and
/// touches only the bound data, which is what makes layouts safe to accept from editors.
indirect enum Expr: Sendable {
    case literal(DataValue)
    case path(DataPath)
    case compare(CompareOp, Expr, Expr, SourceLocation)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case not(Expr)
    /// `exists(path)`: the field is present and not null.
    case exists(DataPath)
    /// `empty(x)`: null, "", [] or {} (a missing field counts as empty).
    case empty(Expr)
    /// `sum(list)`: total of a list of numbers, e.g. `sum(group.items.montant)`.
    case sum(Expr, SourceLocation)
    /// `count(list)`: number of elements (or characters of a string).
    case count(Expr, SourceLocation)
    case format(Expr, Formatter, SourceLocation)

    /// The kind of value the expression yields when known statically; drives the
    /// parse-time check of formatter input types.
    var staticKind: Formatter.Input? {
        switch self {
        case .literal(let v):
            switch v {
            case .string: return .string
            case .int, .double: return .number
            default: return nil
            }
        case .format(_, let f, _):
            if case .defaultValue = f { return nil }
            return .string
        case .sum, .count: return .number
        default: return nil
        }
    }

    /// The same expression with its paths made lenient (missing → null).
    var lenient: Expr {
        switch self {
        case .path(let p): return .path(p.lenient)
        case .format(let e, let f, let s): return .format(e.lenient, f, s)
        default: return self
        }
    }
}
