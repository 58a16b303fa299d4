import Yams

/// A style as written: every property optional, so styles can inherit and override.
struct StyleSpec {
    var parent: String?
    var font: String?
    var bold: Bool?
    var italic: Bool?
    var size: Double?
    var color: RGB?
    var align: Alignment?
    var lineHeight: Double?
    var spaceBefore: Double?
    var spaceAfter: Double?
    var keepWithNext: Bool?

    static let textKeys = ["font", "bold", "italic", "size", "color"]
    static let paragraphKeys = ["align", "line_height", "space_before", "space_after", "keep_with_next"]
    static let keys = ["parent"] + textKeys + paragraphKeys

    var isEmpty: Bool {
        font == nil && bold == nil && italic == nil && size == nil && color == nil && align == nil
            && lineHeight == nil && spaceBefore == nil && spaceAfter == nil && keepWithNext == nil
    }

    /// Reads the style keys present in `entries`, ignoring the others.
    init(_ entries: [YAMLEntry], _ r: YAMLReader) throws(LayoutError) {
        for e in entries {
            let v = e.value
            switch e.key {
            case "parent": parent = try r.string(v, "parent")
            case "font": font = try r.string(v, "font")
            case "bold": bold = try r.bool(v, "bold")
            case "italic": italic = try r.bool(v, "italic")
            case "size":
                size = try r.number(v, "size")
                if size! <= 0 { throw r.error(.invalidValue, "size must be positive", v) }
            case "color": color = try r.color(v, "color")
            case "align": align = try r.alignment(v)
            case "line_height": lineHeight = try r.nonNegative(v, "line_height")
            case "space_before": spaceBefore = try r.nonNegative(v, "space_before")
            case "space_after": spaceAfter = try r.nonNegative(v, "space_after")
            case "keep_with_next": keepWithNext = try r.bool(v, "keep_with_next")
            default: break
            }
        }
    }

    init() {}

    func apply(to style: inout ResolvedStyle) {
        if let font { style.text.fontFamily = font }
        if let bold { style.text.bold = bold }
        if let italic { style.text.italic = italic }
        if let size { style.text.size = size }
        if let color { style.text.color = color }
        if let align { style.paragraph.alignment = align }
        if let lineHeight { style.paragraph.lineHeight = lineHeight }
        if let spaceBefore { style.paragraph.spaceBefore = spaceBefore }
        if let spaceAfter { style.paragraph.spaceAfter = spaceAfter }
        if let keepWithNext { style.paragraph.keepWithNext = keepWithNext }
    }
}

/// A fully resolved style: character and paragraph properties.
struct ResolvedStyle: Sendable, Hashable {
    var text = TextStyle(fontFamily: "DejaVu Sans", size: 10)
    var paragraph = ParagraphStyle()
}

/// The `styles:` section resolved at load: each style = defaults ← `base` ← parent chain ← itself.
struct StyleSheet {
    var resolved: [String: ResolvedStyle] = [:]

    var base: ResolvedStyle { resolved["base"] ?? ResolvedStyle() }

    init() {}

    init(_ node: Node?, _ r: YAMLReader) throws(LayoutError) {
        guard let node else { return }
        var specs: [String: (StyleSpec, Node)] = [:]
        var order: [String] = []
        for e in try r.entries(node, "styles") {
            let entries = try r.entries(e.value, "style '\(e.key)'")
            try r.check(entries, allowed: StyleSpec.keys, in: "style '\(e.key)'")
            specs[e.key] = (try StyleSpec(entries, r), e.keyNode)
            order.append(e.key)
        }
        for name in order { _ = try resolve(name, specs, r, visiting: []) }
    }

    private mutating func resolve(_ name: String, _ specs: [String: (StyleSpec, Node)], _ r: YAMLReader,
                                  visiting: [String]) throws(LayoutError) -> ResolvedStyle {
        if let done = resolved[name] { return done }
        let (spec, node) = specs[name]!
        if visiting.contains(name) {
            throw r.error(.invalidValue, "style inheritance loop: \((visiting + [name]).joined(separator: " → "))", node)
        }
        var style = ResolvedStyle()
        let parent = spec.parent ?? (name == "base" ? nil : "base")
        if let parent {
            if specs[parent] != nil {
                style = try resolve(parent, specs, r, visiting: visiting + [name])
            } else if spec.parent != nil {
                throw r.error(.unknownStyle, "unknown parent style '\(parent)'"
                              + Suggestion.hint(for: parent, in: Array(specs.keys)), node)
            }
        }
        spec.apply(to: &style)
        resolved[name] = style
        return style
    }

    /// The named style, or an `unknown-style` error at `node` with a suggestion.
    func style(_ name: String, at node: Node, _ r: YAMLReader) throws(LayoutError) -> ResolvedStyle {
        guard let s = resolved[name] else {
            throw r.error(.unknownStyle, "unknown style '\(name)'" + Suggestion.hint(for: name, in: Array(resolved.keys).sorted()), node)
        }
        return s
    }
}
