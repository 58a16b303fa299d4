import Yams

extension LayoutCompiler {
    static let elements = ["paragraph", "p", "h1", "h2", "h3", "table", "image", "qr", "rule", "box",
                           "keep_together", "page_break", "list", "spacer", "columns", "include"]
    /// Attributes every element accepts.
    static let controlKeys = ["if", "else", "for"]

    func blocks(_ node: Node, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> [CompiledBlock] {
        var result: [CompiledBlock] = []
        for item in try r.sequence(node, "blocks") { result += try block(item, r, scope) }
        return result
    }

    /// One list entry of `body:` (or of a box, a column, a region…). Returns several blocks
    /// for an `include`.
    func block(_ node: Node, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> [CompiledBlock] {
        // A bare string is a paragraph: the most common block reads like text.
        if case .scalar = node {
            return [try paragraph(.p, node, [], r, scope)]
        }
        let entries = try r.entries(node, "a block")
        let elementEntries = entries.filter { Self.elements.contains($0.key) }
        guard let element = elementEntries.first else {
            let unknown = entries.first { !Self.controlKeys.contains($0.key) } ?? entries.first
            guard let unknown else { throw r.error(.unknownElement, "empty block", node) }
            throw r.error(.unknownElement, "unknown element '\(unknown.key)'" + Suggestion.hint(for: unknown.key, in: Self.elements), unknown.keyNode)
        }
        if elementEntries.count > 1 {
            throw r.error(.unknownElement, "a block has one element, found '\(element.key)' and '\(elementEntries[1].key)'", elementEntries[1].keyNode)
        }
        let attributes = entries.filter { $0.key != element.key && !Self.controlKeys.contains($0.key) }
        var inner = scope
        var loop: (slot: Int, list: Expr)?
        if let forEntry = entries.first(where: { $0.key == "for" }) {
            let (name, list) = try loopHeader(forEntry.value, r, scope)
            let origin: SlotOrigin = if case .path(let p) = list { .list(p) } else { .named(name) }
            let (slot, scoped) = bind(name, origin: origin, in: scope)
            inner = scoped
            loop = (slot, list)
        }
        var compiled = try compileElement(element, attributes, r, inner)
        if let ifEntry = entries.first(where: { $0.key == "if" }) {
            let condition = try expression(ifEntry.value, r, inner)
            var otherwise: [CompiledBlock] = []
            if let elseEntry = entries.first(where: { $0.key == "else" }) {
                otherwise = try blocks(elseEntry.value, r, inner)
            }
            compiled = [.conditional(condition, then: compiled, otherwise: otherwise)]
        } else if let elseEntry = entries.first(where: { $0.key == "else" }) {
            throw r.error(.invalidValue, "'else' needs an 'if' on the same block", elseEntry.keyNode)
        }
        if let loop { compiled = [.loop(slot: loop.slot, list: loop.list, body: compiled)] }
        return compiled
    }

    /// Parses `x in list.path` of a `for:`.
    func loopHeader(_ node: Node, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> (String, Expr) {
        let text = try r.string(node, "for")
        let location = r.textLocation(node)
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count == 3, parts[1] == "in", parts[0].unicodeScalars.allSatisfy({ ExpressionParser.isIdentPart($0) }),
              let first = parts[0].unicodeScalars.first, ExpressionParser.isIdentStart(first) else {
            throw LayoutError(.badExpression, "'for' must read 'name in list', e.g. 'l in lignes'", at: location)
        }
        let offset = text.distance(from: text.startIndex, to: parts[2].startIndex)
        let listLocation = SourceLocation(file: location.file, line: location.line, column: location.column + offset)
        let list = try ExpressionParser.parse(String(parts[2]), at: listLocation, scope: scope)
        return (String(parts[0]), list)
    }

    func expression(_ node: Node, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> Expr {
        try ExpressionParser.parse(try r.string(node, "expression"), at: r.textLocation(node), scope: scope)
    }

    func compileElement(_ element: YAMLEntry, _ attributes: [YAMLEntry], _ r: YAMLReader,
                        _ scope: VariableScope) throws(LayoutError) -> [CompiledBlock] {
        let value = element.value
        func allow(_ keys: [String]) throws(LayoutError) {
            try r.check(attributes, allowed: keys + Self.controlKeys, in: "'\(element.key)'")
        }
        func attribute(_ key: String) -> Node? { attributes.first { $0.key == key }?.value }
        switch element.key {
        case "paragraph", "p": return [try paragraph(.p, value, attributes, r, scope)]
        case "h1": return [try paragraph(.h1, value, attributes, r, scope)]
        case "h2": return [try paragraph(.h2, value, attributes, r, scope)]
        case "h3": return [try paragraph(.h3, value, attributes, r, scope)]
        case "table":
            try allow([])
            return [try table(value, r, scope)]
        case "image":
            try allow(["width", "height", "alt", "decorative", "align"])
            return [try image(value, attributes, r, scope)]
        case "qr":
            try allow(["size", "alt", "align"])
            guard let altNode = attribute("alt") else {
                throw r.error(.missingAttribute, "a QR code needs 'alt' text for tagged PDF", element.keyNode)
            }
            return [.qrCode(text: try TemplateParser.template(try r.string(value, "qr"), at: r.textLocation(value), scope: scope),
                            size: try attribute("size").map { n throws(LayoutError) in try r.nonNegative(n, "size") } ?? 72,
                            alt: try TemplateParser.template(try r.string(altNode, "alt"), at: r.textLocation(altNode), scope: scope),
                            alignment: try attribute("align").map { n throws(LayoutError) in try r.alignment(n) } ?? .left)]
        case "rule":
            try allow(["color", "space_before", "space_after"])
            let thickness: Double = if value.scalar?.string == "true" { 0.5 } else { try r.nonNegative(value, "rule thickness") }
            return [.fixed(.rule(thickness: thickness,
                                 color: try attribute("color").map { n throws(LayoutError) in try r.color(n, "color") } ?? .black,
                                 spaceBefore: try attribute("space_before").map { n throws(LayoutError) in try r.nonNegative(n, "space_before") } ?? 0,
                                 spaceAfter: try attribute("space_after").map { n throws(LayoutError) in try r.nonNegative(n, "space_after") } ?? 0))]
        case "box":
            try allow(["background", "border", "border_color", "padding", "radius"])
            return [.box(children: try blocks(value, r, scope),
                         background: try attribute("background").map { n throws(LayoutError) in try r.color(n, "background") },
                         border: try attribute("border").map { n throws(LayoutError) in try r.nonNegative(n, "border") } ?? 0,
                         borderColor: try attribute("border_color").map { n throws(LayoutError) in try r.color(n, "border_color") } ?? .black,
                         padding: try attribute("padding").map { n throws(LayoutError) in try r.nonNegative(n, "padding") } ?? 0,
                         radius: try attribute("radius").map { n throws(LayoutError) in try r.nonNegative(n, "radius") } ?? 0)]
        case "keep_together":
            try allow([])
            return [.keepTogether(try blocks(value, r, scope))]
        case "page_break":
            try allow([])
            return [.fixed(.pageBreak)]
        case "spacer":
            try allow([])
            return [.fixed(.spacer(height: try r.nonNegative(value, "spacer height")))]
        case "list":
            try allow(["numbered", "style"])
            return [try list(value, attributes, r, scope)]
        case "columns":
            try allow([])
            return [try columns(value, r, scope)]
        default:
            try allow([])
            return try include(value, r, scope)
        }
    }

    func columnWidth(_ node: Node, _ r: YAMLReader) throws(LayoutError) -> ColumnWidth {
        let text = try r.string(node, "width")
        if text == "auto" { return .auto }
        if text.hasSuffix("*") {
            let weight = text.dropLast()
            guard let w = weight.isEmpty ? 1 : Double(weight), w > 0 else {
                throw r.error(.invalidValue, "width must be points (49), a share ('2*') or 'auto'", node)
            }
            return .proportional(w)
        }
        guard let points = Double(text), points > 0 else {
            throw r.error(.invalidValue, "width must be points (49), a share ('2*') or 'auto'", node)
        }
        return .fixed(points)
    }

    func columns(_ node: Node, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> CompiledBlock {
        var result: [(width: ColumnWidth, blocks: [CompiledBlock])] = []
        for column in try r.sequence(node, "columns") {
            let entries = try r.entries(column, "a column")
            try r.check(entries, allowed: ["width", "blocks"], in: "a column")
            let width = try entries.first { $0.key == "width" }.map { e throws(LayoutError) in try columnWidth(e.value, r) } ?? .proportional(1)
            guard let blocksNode = entries.first(where: { $0.key == "blocks" })?.value else {
                throw r.error(.missingAttribute, "a column needs 'blocks'", column)
            }
            result.append((width, try blocks(blocksNode, r, scope)))
        }
        return .columns(result)
    }

    func list(_ node: Node, _ attributes: [YAMLEntry], _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> CompiledBlock {
        var style = styles.base
        if let s = attributes.first(where: { $0.key == "style" }) { style = try styles.style(try r.string(s.value, "style"), at: s.value, r) }
        let numbered = try attributes.first { $0.key == "numbered" }.map { e throws(LayoutError) in try r.bool(e.value, "numbered") } ?? false
        func item(_ n: Node, _ scope: VariableScope) throws(LayoutError) -> [CompiledBlock] {
            if case .scalar = n { return [try paragraph(.p, n, [], r, scope, base: style)] }
            return try blocks(n, r, scope)
        }
        var items: [CompiledListItem] = []
        if case .mapping = node {
            let entries = try r.entries(node, "list")
            try r.check(entries, allowed: ["for", "item"], in: "list")
            guard let forNode = entries.first(where: { $0.key == "for" })?.value,
                  let itemNode = entries.first(where: { $0.key == "item" })?.value else {
                throw r.error(.missingAttribute, "a generated list needs 'for' and 'item'", node)
            }
            let (name, listExpr) = try loopHeader(forNode, r, scope)
            let origin: SlotOrigin = if case .path(let p) = listExpr { .list(p) } else { .named(name) }
            let (slot, inner) = bind(name, origin: origin, in: scope)
            items.append(.loop(slot: slot, list: listExpr, item: try item(itemNode, inner)))
        } else {
            for n in try r.sequence(node, "list") { items.append(.item(try item(n, scope))) }
        }
        return .list(numbered ? .numbered : .bullet, items, markerStyle: style.text)
    }
}
