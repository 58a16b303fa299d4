import Yams

/// One `key: value` of a YAML mapping, with the key's node for error locations.
struct YAMLEntry {
    let key: String
    let keyNode: Node
    let value: Node
}

/// Typed access to Yams nodes that reports every problem at `file:line:column`.
struct YAMLReader {
    /// The file name shown in errors (relative to the layouts directory's parent).
    let file: String

    /// Composes `text` into nodes, turning Yams' syntax errors into `LayoutError`s.
    static func compose(_ text: String, file: String) throws(LayoutError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw LayoutError(.yamlSyntax, "the file is empty", at: SourceLocation(file: file, line: 1, column: 1))
            }
            return node
        } catch let error as LayoutError {
            throw error
        } catch let error as YamlError {
            throw translate(error, file: file)
        } catch {
            throw LayoutError(.yamlSyntax, "\(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    static func translate(_ error: YamlError, file: String) -> LayoutError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The problem mark is where libyaml gave up (often the end of the file); the
            // context mark is where the faulty construct began, which is what an editor needs.
            let context = context.map { " (\($0.text) started at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return LayoutError(.yamlSyntax, "YAML syntax: \(problem)\(context)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LayoutError(.yamlSyntax, "duplicate key(s) \(duplicates.joined(separator: ", ")) \(context.text)",
                               at: at(context.mark))
        case .reader(let problem, _, _, _):
            return LayoutError(.yamlSyntax, "YAML reader: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return LayoutError(.yamlSyntax, "YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Where the text of a scalar starts: one column after an opening quote.
    func textLocation(_ node: Node) -> SourceLocation {
        var loc = location(node)
        if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted { loc.column += 1 }
        return loc
    }

    func error(_ code: LayoutError.Code, _ reason: String, _ node: Node) -> LayoutError {
        LayoutError(code, reason, at: location(node))
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "a value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func entries(_ node: Node, _ what: String) throws(LayoutError) -> [YAMLEntry] {
        guard case .mapping(let mapping) = node else {
            throw error(.invalidValue, "\(what) must be a mapping (key: value), found \(Self.kind(node))", node)
        }
        var result: [YAMLEntry] = []
        for (k, v) in mapping {
            guard let key = k.scalar?.string else { throw error(.invalidValue, "keys must be plain names", k) }
            result.append(YAMLEntry(key: key, keyNode: k, value: v))
        }
        return result
    }

    /// Rejects keys outside `allowed`, suggesting the closest allowed one.
    func check(_ entries: [YAMLEntry], allowed: [String], in what: String) throws(LayoutError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw error(.unknownAttribute, "unknown attribute '\(entry.key)' in \(what)"
                        + Suggestion.hint(for: entry.key, in: allowed), entry.keyNode)
        }
    }

    func sequence(_ node: Node, _ what: String) throws(LayoutError) -> [Node] {
        guard case .sequence(let seq) = node else {
            throw error(.invalidValue, "\(what) must be a list, found \(Self.kind(node))", node)
        }
        return Array(seq)
    }

    func string(_ node: Node, _ what: String) throws(LayoutError) -> String {
        guard case .scalar(let s) = node else {
            var reason = "\(what) must be text, found \(Self.kind(node))"
            if case .mapping = node { reason += " (quote text that starts with '{': \"{champ}\")" }
            throw error(.invalidValue, reason, node)
        }
        return s.string
    }

    func number(_ node: Node, _ what: String) throws(LayoutError) -> Double {
        guard let s = node.scalar?.string, let d = Double(s), d.isFinite else {
            throw error(.invalidValue, "\(what) must be a number", node)
        }
        return d
    }

    func nonNegative(_ node: Node, _ what: String) throws(LayoutError) -> Double {
        let d = try number(node, what)
        guard d >= 0 else { throw error(.invalidValue, "\(what) must not be negative", node) }
        return d
    }

    func bool(_ node: Node, _ what: String) throws(LayoutError) -> Bool {
        switch node.scalar?.string {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(.invalidValue, "\(what) must be true or false", node)
        }
    }

    func color(_ node: Node, _ what: String) throws(LayoutError) -> RGB {
        guard let s = node.scalar?.string, let c = RGB(hex: s) else {
            throw error(.invalidValue, "\(what) must be a colour like \"#1F3A5F\" (quote it: '#' starts a YAML comment)", node)
        }
        return c
    }

    func alignment(_ node: Node) throws(LayoutError) -> Alignment {
        let s = try string(node, "align")
        guard let a = Alignment(rawValue: s) else {
            throw error(.invalidValue, "align must be left, right, center or justify"
                        + Suggestion.hint(for: s, in: Alignment.allCases.map(\.rawValue)), node)
        }
        return a
    }
}
