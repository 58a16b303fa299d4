/// Evaluation of compiled expressions against the bound data. Pure, allocation-free for
/// plain paths and comparisons (values are returned by reference-counted copy).
extension BindContext {
    func evaluate(_ expr: Expr) throws(LayoutError) -> DataValue {
        switch expr {
        case .literal(let v): return v
        case .path(let p): return try resolve(p)
        case .compare(let op, let l, let r, let source):
            return .bool(try compare(op, try evaluate(l), try evaluate(r), source))
        case .and(let l, let r):
            guard try truthy(l) else { return .bool(false) }
            return .bool(try truthy(r))
        case .or(let l, let r):
            if try truthy(l) { return .bool(true) }
            return .bool(try truthy(r))
        case .not(let e): return .bool(!(try truthy(e)))
        case .exists(let p):
            if case .null = try resolve(p) { return .bool(false) }
            return .bool(true)
        case .empty(let e):
            switch try evaluate(e) {
            case .null: return .bool(true)
            case .string(let s): return .bool(s.isEmpty)
            case .array(let a): return .bool(a.isEmpty)
            case .object(let o): return .bool(o.isEmpty)
            default: return .bool(false)
            }
        case .sum(let e, let source): return try sum(try evaluate(e), expr: e, source)
        case .count(let e, let source):
            switch try evaluate(e) {
            case .array(let a): return .int(Int64(a.count))
            case .object(let o): return .int(Int64(o.count))
            case .string(let s): return .int(Int64(s.count))
            case .null: return .int(0)
            case let v: throw dataError(.dataType, "count() needs a list, got \(v.kindName)", e, source)
            }
        case .format(let e, let formatter, let source):
            let value = try evaluate(e)
            switch formatter.apply(value) {
            case .success(let out): return out
            case .failure(var error):
                error.location = .data(path: dataPath(of: e) ?? "(value)", source: source)
                throw error
            }
        }
    }

    /// Truthiness for `if:`: false, null, 0, "" and empty lists/objects are false.
    func truthy(_ expr: Expr) throws(LayoutError) -> Bool {
        switch try evaluate(expr) {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    func dataPath(of expr: Expr) -> String? {
        switch expr {
        case .path(let p): return describe(p, upTo: p.steps.count)
        case .format(let e, _, _): return dataPath(of: e)
        default: return nil
        }
    }

    /// The layout location of an expression, for errors about its value.
    func source(of expr: Expr) -> SourceLocation? {
        switch expr {
        case .path(let p): return p.source
        case .compare(_, _, _, let s), .sum(_, let s), .count(_, let s), .format(_, _, let s): return s
        default: return nil
        }
    }

    func dataError(_ code: LayoutError.Code, _ reason: String, _ expr: Expr, _ source: SourceLocation) -> LayoutError {
        LayoutError(code, reason, at: .data(path: dataPath(of: expr) ?? "(value)", source: source))
    }

    func compare(_ op: CompareOp, _ a: DataValue, _ b: DataValue, _ source: SourceLocation) throws(LayoutError) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        default: break
        }
        let order: Int
        switch (a, b) {
        case (.int(let x), .int(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
        case (.int, .double), (.double, .int), (.double, .double):
            let x = a.numeric!, y = b.numeric!
            order = x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
        default:
            throw LayoutError(.dataType, "cannot compare \(a.kindName) with \(b.kindName) using '\(op.rawValue)'", at: source)
        }
        switch op {
        case .less: return order < 0
        case .greater: return order > 0
        case .lessOrEqual: return order <= 0
        default: return order >= 0
        }
    }

    func sum(_ value: DataValue, expr: Expr, _ source: SourceLocation) throws(LayoutError) -> DataValue {
        guard case .array(let items) = value else {
            throw dataError(.dataType, "sum() needs a list of numbers, got \(value.kindName)", expr, source)
        }
        var intTotal: Int64 = 0
        var doubleTotal = 0.0
        var isDouble = false
        for (i, item) in items.enumerated() {
            switch item {
            case .int(let n): intTotal &+= n
            case .double(let d): doubleTotal += d; isDouble = true
            case .null: continue
            default:
                let path = (dataPath(of: expr) ?? "(list)") + "[\(i)]"
                throw LayoutError(.dataType, "sum() needs numbers, got \(item.kindName)", at: .data(path: path, source: source))
            }
        }
        return isDouble ? .double(doubleTotal + Double(intTotal)) : .int(intTotal)
    }

    /// Walks a path. Missing fields are null for optional paths, an error naming the data
    /// path otherwise. A key applied to a list maps over it (`group.items.montant`).
    func resolve(_ path: DataPath) throws(LayoutError) -> DataValue {
        // Fast path for `l.field`, the shape of every table cell.
        if case .slot(let s) = path.root, path.steps.count == 1, case .key(let key, let length) = path.steps[0],
           case .object(let members) = slots[s], let found = Self.member(members, key, length) {
            return found
        }
        let start: DataValue
        switch path.root {
        case .data: start = root
        case .slot(let s): start = slots[s]
        }
        return try walk(start, path, from: 0, prefix: nil)
    }

    /// `prefix` names the list element being mapped over (`lignes[2]`) and the step index
    /// where it stops, so errors inside a projection still name the exact element.
    private func walk(_ value: DataValue, _ path: DataPath, from first: Int,
                      prefix: (text: String, steps: Int)?) throws(LayoutError) -> DataValue {
        var current = value
        var n = first
        let steps = path.steps
        while n < steps.count {
            switch steps[n] {
            case .key(let key, let length):
                switch current {
                case .object(let members):
                    guard let found = Self.member(members, key, length) else { return try missing(path, upTo: n + 1, prefix) }
                    current = found
                case .array(let items):
                    var mapped: [DataValue] = []
                    mapped.reserveCapacity(items.count)
                    for (i, item) in items.enumerated() {
                        let here = pathText(path, upTo: n, prefix) + "[\(i)]"
                        mapped.append(try walk(item, path, from: n, prefix: (here, n)))
                    }
                    return .array(mapped)
                case .null:
                    return try missing(path, upTo: n + 1, prefix)
                default:
                    if path.optional { return .null }
                    throw LayoutError(.dataType, "expected an object, got \(current.kindName)",
                                      at: .data(path: pathText(path, upTo: n, prefix), source: path.source))
                }
            case .index(let i):
                switch current {
                case .array(let items):
                    guard i >= 0, i < items.count else { return try missing(path, upTo: n + 1, prefix) }
                    current = items[i]
                case .null:
                    return try missing(path, upTo: n + 1, prefix)
                default:
                    if path.optional { return .null }
                    throw LayoutError(.dataType, "expected a list, got \(current.kindName)",
                                      at: .data(path: pathText(path, upTo: n, prefix), source: path.source))
                }
            }
            n += 1
        }
        return current
    }

    /// Linear member lookup: statement objects have ≤ 15 keys, and the length check
    /// skips the string comparison for most non-matching keys.
    @inline(__always)
    static func member(_ members: [(key: String, value: DataValue)], _ key: String, _ length: Int) -> DataValue? {
        members.withUnsafeBufferPointer { buffer in
            for i in buffer.indices where buffer[i].key.utf8.count == length && buffer[i].key == key {
                return buffer[i].value
            }
            return nil
        }
    }

    private func pathText(_ path: DataPath, upTo n: Int, _ prefix: (text: String, steps: Int)?) -> String {
        guard let prefix else { return describe(path, upTo: n) }
        var s = prefix.text
        for step in path.steps[prefix.steps..<n] {
            switch step {
            case .key(let k, _): s += "." + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    private func missing(_ path: DataPath, upTo n: Int, _ prefix: (text: String, steps: Int)?) throws(LayoutError) -> DataValue {
        if path.optional { return .null }
        throw LayoutError(.missingData, "the data has no value here; write the field with '?' or '| defaut(\"…\")' if it may be absent",
                          at: .data(path: pathText(path, upTo: n, prefix), source: path.source))
    }
}

extension DataValue {
    var numeric: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}
