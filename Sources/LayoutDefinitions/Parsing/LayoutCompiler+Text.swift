import Yams

extension LayoutCompiler {
    static let paragraphKeys = ["style"] + StyleSpec.textKeys + StyleSpec.paragraphKeys
    static let spanKeys = ["text", "style"] + StyleSpec.textKeys

    /// The style a paragraph of `role` starts from: the style named after the role if the
    /// layout defines one (`h1:`), else `base`, made bold and kept with the next block for headings.
    func defaultStyle(_ role: ParagraphRole) -> ResolvedStyle {
        if role != .p, let named = styles.resolved[role.rawValue] { return named }
        var style = styles.base
        guard role != .p else { return style }
        style.text.bold = true
        style.paragraph.keepWithNext = true
        style.text.size = role == .h1 ? 15 : (role == .h2 ? 12 : style.text.size)
        return style
    }

    /// A paragraph from a string (with `{…}`, `**bold**`, `{page}`) or a list of spans.
    func paragraph(_ role: ParagraphRole, _ node: Node, _ attributes: [YAMLEntry], _ r: YAMLReader,
                   _ scope: VariableScope, base: ResolvedStyle? = nil) throws(LayoutError) -> CompiledBlock {
        try r.check(attributes, allowed: Self.paragraphKeys + Self.controlKeys, in: "'\(role == .p ? "paragraph" : role.rawValue)'")
        let style = try resolveStyle(attributes, r, base: base ?? defaultStyle(role))
        let spans = try spans(node, r, scope, style: style.text)
        return Self.finish(role, spans, style.paragraph)
    }

    /// Applies `style: name` then inline style attributes on top of `base`.
    func resolveStyle(_ attributes: [YAMLEntry], _ r: YAMLReader, base: ResolvedStyle) throws(LayoutError) -> ResolvedStyle {
        var style = base
        if let named = attributes.first(where: { $0.key == "style" }) {
            style = try styles.style(try r.string(named.value, "style"), at: named.value, r)
        }
        try StyleSpec(attributes, r).apply(to: &style)
        return style
    }

    /// Pre-builds the paragraph when it has no expression (page numbers are fine: the
    /// engine resolves them).
    static func finish(_ role: ParagraphRole, _ spans: [CompiledSpan], _ style: ParagraphStyle) -> CompiledBlock {
        var fixed = SpanList()
        for span in spans {
            switch span {
            case .text(let t, let s):
                guard let text = t.staticText else { return .paragraph(role, spans, style) }
                fixed.append(BoundSpan(content: .text(text), style: s))
            case .pageNumber(let s): fixed.append(BoundSpan(content: .pageNumber, style: s))
            case .pageCount(let s): fixed.append(BoundSpan(content: .pageCount, style: s))
            }
        }
        return .fixed(.paragraph(BoundParagraph(role: role, spans: fixed, style: style)))
    }

    func spans(_ node: Node, _ r: YAMLReader, _ scope: VariableScope, style: TextStyle) throws(LayoutError) -> [CompiledSpan] {
        if case .mapping = node { _ = try r.string(node, "paragraph text") }
        if case .scalar = node {
            return Self.spans(try TemplateParser.pieces(try r.string(node, "text"), at: r.textLocation(node), scope: scope), style)
        }
        var result: [CompiledSpan] = []
        for item in try r.sequence(node, "paragraph text (a string or a list of spans)") {
            if case .scalar = item {
                result += try spans(item, r, scope, style: style)
                continue
            }
            let entries = try r.entries(item, "a span")
            try r.check(entries, allowed: Self.spanKeys, in: "a span")
            guard let textNode = entries.first(where: { $0.key == "text" })?.value else {
                throw r.error(.missingAttribute, "a span needs 'text'", item)
            }
            var spanStyle = ResolvedStyle(text: style, paragraph: ParagraphStyle())
            spanStyle = try resolveStyle(entries.filter { $0.key != "text" }, r, base: spanStyle)
            result += try spans(textNode, r, scope, style: spanStyle.text)
        }
        return result
    }

    /// Groups text pieces of the same weight into one span each.
    static func spans(_ pieces: [TextPiece], _ style: TextStyle) -> [CompiledSpan] {
        var result: [CompiledSpan] = []
        var parts: [Template.Part] = []
        var partsBold = false
        func styled(_ bold: Bool) -> TextStyle {
            var s = style
            if bold { s.bold = true }
            return s
        }
        func flush() {
            if !parts.isEmpty { result.append(.text(Template(parts: parts), styled(partsBold))) }
            parts = []
        }
        for piece in pieces {
            switch piece {
            case .text(let part, let bold):
                if bold != partsBold { flush() }
                partsBold = bold
                parts.append(part)
            case .pageNumber(let bold):
                flush()
                result.append(.pageNumber(styled(bold)))
            case .pageCount(let bold):
                flush()
                result.append(.pageCount(styled(bold)))
            }
        }
        flush()
        if result.isEmpty { result.append(.text(.literal(""), style)) }
        return result
    }
}
