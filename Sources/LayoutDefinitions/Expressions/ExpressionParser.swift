/// Loop variables visible at a point of the layout, mapped to their slots.
struct VariableScope: Sendable {
    var slots: [String: Int] = [:]
}

/// Tokenizer and recursive-descent parser of the expression language (grammar in
/// docs/layouts.md). Runs at load time only.
struct ExpressionParser {
    enum Token: Equatable {
        case ident(String), int(Int64), double(Double), string(String), op(String), end
    }

    let scalars: [Unicode.Scalar]
    let source: SourceLocation
    let scope: VariableScope
    var tokens: [(token: Token, offset: Int)] = []
    var index = 0

    /// Parses `text`; `source` is where its first character sits in the layout file.
    static func parse(_ text: String, at source: SourceLocation, scope: VariableScope) throws(LayoutError) -> Expr {
        var parser = ExpressionParser(scalars: Array(text.unicodeScalars), source: source, scope: scope)
        try parser.tokenize()
        let expr = try parser.parseOr()
        if parser.current != .end { throw parser.failure("unexpected \(parser.describe(parser.current))") }
        return expr
    }

    func location(_ offset: Int) -> SourceLocation {
        SourceLocation(file: source.file, line: source.line, column: source.column + offset)
    }

    func failure(_ reason: String, offset: Int? = nil, code: LayoutError.Code = .badExpression) -> LayoutError {
        let at = offset ?? tokens[min(index, tokens.count - 1)].offset
        return LayoutError(code, "\(reason) in expression '\(String(String.UnicodeScalarView(scalars)))'", at: location(at))
    }

    var current: Token { tokens[index].token }

    func describe(_ t: Token) -> String {
        switch t {
        case .ident(let s): return "'\(s)'"
        case .int(let i): return "'\(i)'"
        case .double(let d): return "'\(d)'"
        case .string(let s): return "string \"\(s)\""
        case .op(let o): return "'\(o)'"
        case .end: return "end of expression"
        }
    }

    static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isIdentPart(_ c: Unicode.Scalar) -> Bool {
        isIdentStart(c) || ("0"..."9").contains(c)
    }

    mutating func tokenize() throws(LayoutError) {
        var i = 0
        let twoCharOps: Set<String> = ["==", "!=", "<=", ">="]
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" { i += 1; continue }
            let start = i
            if Self.isIdentStart(c) {
                while i < scalars.count, Self.isIdentPart(scalars[i]) { i += 1 }
                tokens.append((.ident(String(String.UnicodeScalarView(scalars[start..<i]))), start))
            } else if ("0"..."9").contains(c) {
                while i < scalars.count, ("0"..."9").contains(scalars[i]) || scalars[i] == "." { i += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<i]))
                if let n = Int64(text) { tokens.append((.int(n), start)) }
                else if let d = Double(text) { tokens.append((.double(d), start)) }
                else { throw failure("invalid number '\(text)'", offset: start) }
            } else if c == "\"" || c == "'" {
                i += 1
                var s = String.UnicodeScalarView()
                while i < scalars.count, scalars[i] != c {
                    if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
                    s.append(scalars[i])
                    i += 1
                }
                if i >= scalars.count { throw failure("unterminated string", offset: start) }
                i += 1
                tokens.append((.string(String(s)), start))
            } else {
                let pair = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
                if twoCharOps.contains(pair) {
                    tokens.append((.op(pair), start))
                    i += 2
                } else if "<>|.[](),?-".unicodeScalars.contains(c) {
                    tokens.append((.op(String(c)), start))
                    i += 1
                } else if c == "=" {
                    throw failure("'=' is not an operator; compare with '=='", offset: start)
                } else {
                    throw failure("unexpected character '\(c)'", offset: start)
                }
            }
        }
        tokens.append((.end, scalars.count))
    }

    mutating func take(_ op: String) -> Bool {
        if current == .op(op) { index += 1; return true }
        return false
    }

    mutating func takeKeyword(_ word: String) -> Bool {
        if current == .ident(word) { index += 1; return true }
        return false
    }

    mutating func expect(_ op: String) throws(LayoutError) {
        guard take(op) else { throw failure("expected '\(op)', found \(describe(current))") }
    }

    mutating func parseOr() throws(LayoutError) -> Expr {
        var lhs = try parseAnd()
        while takeKeyword("or") { lhs = .or(lhs, try parseAnd()) }
        return lhs
    }

    mutating func parseAnd() throws(LayoutError) -> Expr {
        var lhs = try parseNot()
        while takeKeyword("and") { lhs = .and(lhs, try parseNot()) }
        return lhs
    }

    mutating func parseNot() throws(LayoutError) -> Expr {
        if takeKeyword("not") { return .not(try parseNot()) }
        return try parseComparison()
    }

    mutating func parseComparison() throws(LayoutError) -> Expr {
        let lhs = try parsePipe()
        for op in ["==", "!=", "<=", ">=", "<", ">"] {
            let at = tokens[index].offset
            if take(op) {
                return .compare(CompareOp(rawValue: op)!, lhs, try parsePipe(), location(at))
            }
        }
        return lhs
    }

    mutating func parsePipe() throws(LayoutError) -> Expr {
        var value = try parsePrimary()
        while take("|") {
            let at = tokens[index].offset
            guard case .ident(let name) = current else { throw failure("expected a formatter name after '|'") }
            index += 1
            var arguments: [DataValue] = []
            if take("(") {
                while !take(")") {
                    if !arguments.isEmpty { try expect(",") }
                    arguments.append(try parseLiteralArgument())
                }
            }
            let formatter: Formatter
            do {
                formatter = try Formatter.make(name: name, arguments: arguments)
            } catch {
                throw failure(error.reason, offset: at, code: error.code)
            }
            if let kind = value.staticKind, formatter.input != Formatter.Input.any, kind != formatter.input {
                throw failure("formatter '\(name)' expects \(formatter.input.rawValue), got \(kind.rawValue)",
                              offset: at, code: .formatterType)
            }
            // A default only makes sense if the value may be missing: make paths lenient.
            if case .defaultValue = formatter { value = value.lenient }
            value = .format(value, formatter, location(at))
        }
        return value
    }

    mutating func parseLiteralArgument() throws(LayoutError) -> DataValue {
        let negative = take("-")
        switch current {
        case .int(let n): index += 1; return .int(negative ? -n : n)
        case .double(let d): index += 1; return .double(negative ? -d : d)
        case .string(let s) where !negative: index += 1; return .string(s)
        default: throw failure("formatter arguments must be literals, found \(describe(current))")
        }
    }

    mutating func parsePrimary() throws(LayoutError) -> Expr {
        let at = tokens[index].offset
        switch current {
        case .int, .double, .string, .op("-"):
            return .literal(try parseLiteralArgument())
        case .op("("):
            index += 1
            let inner = try parseOr()
            try expect(")")
            return inner
        case .ident("true"): index += 1; return .literal(.bool(true))
        case .ident("false"): index += 1; return .literal(.bool(false))
        case .ident("null"): index += 1; return .literal(.null)
        case .ident(let name) where tokens[index + 1].token == .op("("):
            index += 2
            let argument = try parseOr()
            try expect(")")
            switch name {
            case "exists":
                guard case .path(let p) = argument else { throw failure("exists() takes a field path", offset: at) }
                return .exists(p.lenient)
            case "empty": return .empty(argument.lenient)
            case "sum": return .sum(argument, location(at))
            case "count": return .count(argument, location(at))
            default:
                throw failure("unknown function '\(name)'\(Suggestion.hint(for: name, in: ["exists", "empty", "sum", "count"]))", offset: at)
            }
        case .ident:
            return .path(try parsePath())
        default:
            throw failure("expected a value, found \(describe(current))")
        }
    }

    mutating func parsePath() throws(LayoutError) -> DataPath {
        let at = tokens[index].offset
        guard case .ident(let first) = current else { throw failure("expected a field name") }
        index += 1
        var root = DataPath.Root.data
        var steps: [DataPath.Step] = []
        if let slot = scope.slots[first] { root = .slot(slot) } else { steps.append(.key(first)) }
        while true {
            if take(".") {
                guard case .ident(let key) = current else { throw failure("expected a field name after '.'") }
                index += 1
                steps.append(.key(key))
            } else if take("[") {
                guard case .int(let n) = current else { throw failure("expected an index like [0]") }
                index += 1
                try expect("]")
                steps.append(.index(Int(n)))
            } else {
                break
            }
        }
        return DataPath(root: root, steps: steps, optional: take("?"), source: location(at))
    }
}
