import Foundation
import Yams

/// Turns one layout file (and the partials it includes) into a `CompiledLayout`.
/// Lives only during `LayoutLibrary.load`; the result is immutable and `Sendable`.
final class LayoutCompiler {
    /// The `Layouts/` directory; partials and assets are looked up inside it only.
    let directory: String
    /// How the directory is named in error locations (its last path component).
    let displayPrefix: String
    var styles = StyleSheet()
    var slotOrigins: [SlotOrigin] = []
    /// Partials and assets read, by path relative to `directory`, with their bytes (for the version).
    var dependencies: [String: [UInt8]] = [:]
    /// The include stack, to report cycles.
    var including: [String] = []

    static let topKeys = ["document", "page", "styles", "header", "footer", "background", "first_page", "body"]

    init(directory: String) {
        self.directory = directory
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.displayPrefix = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    func display(_ relative: String) -> String { displayPrefix + "/" + relative }

    /// Allocates a slot for a loop variable and returns the scope that sees it.
    func bind(_ name: String, origin: SlotOrigin, in scope: VariableScope) -> (Int, VariableScope) {
        let slot = slotOrigins.count
        slotOrigins.append(origin)
        var inner = scope
        inner.slots[name] = slot
        return (slot, inner)
    }

    func compile(relativePath: String, text: String) throws(LayoutError) -> CompiledLayout {
        let r = YAMLReader(file: display(relativePath))
        let root = try YAMLReader.compose(text, file: r.file)
        let entries = try r.entries(root, "a layout")
        try r.check(entries, allowed: Self.topKeys, in: "the layout")
        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

        styles = try StyleSheet(value("styles"), r)
        guard let documentNode = value("document") else {
            throw r.error(.missingAttribute, "a layout needs a 'document:' section with a title", root)
        }
        let scope = VariableScope()
        let document = try r.entries(documentNode, "document")
        try r.check(document, allowed: ["title", "lang", "subject", "author", "keywords"], in: "document")
        func template(_ key: String) throws(LayoutError) -> Template? {
            guard let e = document.first(where: { $0.key == key }) else { return nil }
            return try TemplateParser.template(try r.string(e.value, key), at: r.textLocation(e.value), scope: scope)
        }
        guard let title = try template("title") else {
            throw r.error(.missingAttribute, "document needs a 'title'", documentNode)
        }
        let lang = try document.first { $0.key == "lang" }.map { e throws(LayoutError) in try r.string(e.value, "lang") }

        guard let bodyNode = value("body") else {
            throw r.error(.missingAttribute, "a layout needs a 'body:' list of blocks", root)
        }
        var regions = CompiledRegions()
        if let n = value("header") { regions.header = try region(n, "header", r, scope) }
        if let n = value("footer") { regions.footer = try region(n, "footer", r, scope) }
        if let n = value("background") { regions.background = try region(n, "background", r, scope) }
        var firstPage: CompiledRegions?
        if let n = value("first_page") {
            var first = regions
            let parts = try r.entries(n, "first_page")
            try r.check(parts, allowed: ["header", "footer", "background"], in: "first_page")
            for p in parts {
                let compiled = try region(p.value, "first_page." + p.key, r, scope)
                switch p.key {
                case "header": first.header = compiled
                case "footer": first.footer = compiled
                default: first.background = compiled
                }
            }
            firstPage = first
        }
        return CompiledLayout(
            title: title, lang: lang ?? "fr-FR", subject: try template("subject"), author: try template("author"),
            keywords: try template("keywords"), page: try page(value("page"), r), regions: regions,
            firstPage: firstPage, body: try blocks(bodyNode, r, scope), slotOrigins: slotOrigins)
    }

    func region(_ node: Node, _ name: String, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> CompiledRegion {
        let entries = try r.entries(node, name)
        try r.check(entries, allowed: ["height", "offset", "blocks"], in: name)
        var region = CompiledRegion()
        for e in entries {
            switch e.key {
            case "height": region.height = try r.nonNegative(e.value, "height")
            case "offset": region.offset = try r.number(e.value, "offset")
            default: region.blocks = try blocks(e.value, r, scope)
            }
        }
        return region
    }

    static let pageSizes: [String: (Double, Double)] = [
        "A4": (595.28, 841.89), "A5": (419.53, 595.28), "A3": (841.89, 1190.55), "Letter": (612, 792),
    ]

    func page(_ node: Node?, _ r: YAMLReader) throws(LayoutError) -> PageTemplate {
        var page = PageTemplate()
        guard let node else { return page }
        let entries = try r.entries(node, "page")
        try r.check(entries, allowed: ["size", "orientation", "margins"], in: "page")
        var landscape = false
        for e in entries {
            switch e.key {
            case "size":
                if case .sequence = e.value {
                    let dims = try r.sequence(e.value, "size")
                    guard dims.count == 2 else { throw r.error(.invalidValue, "size must be A4, A5, A3, Letter or [width, height]", e.value) }
                    page.width = try r.nonNegative(dims[0], "width")
                    page.height = try r.nonNegative(dims[1], "height")
                } else {
                    let name = try r.string(e.value, "size")
                    guard let size = Self.pageSizes[name] else {
                        throw r.error(.invalidValue, "unknown page size '\(name)'" + Suggestion.hint(for: name, in: Array(Self.pageSizes.keys).sorted()), e.value)
                    }
                    (page.width, page.height) = size
                }
            case "orientation":
                let o = try r.string(e.value, "orientation")
                guard o == "portrait" || o == "landscape" else { throw r.error(.invalidValue, "orientation must be portrait or landscape", e.value) }
                landscape = o == "landscape"
            default:
                if case .scalar = e.value {
                    let m = try r.nonNegative(e.value, "margins")
                    (page.marginTop, page.marginRight, page.marginBottom, page.marginLeft) = (m, m, m, m)
                    continue
                }
                let sides = try r.entries(e.value, "margins")
                try r.check(sides, allowed: ["top", "right", "bottom", "left"], in: "margins")
                for s in sides {
                    let m = try r.nonNegative(s.value, s.key)
                    switch s.key {
                    case "top": page.marginTop = m
                    case "right": page.marginRight = m
                    case "bottom": page.marginBottom = m
                    default: page.marginLeft = m
                    }
                }
            }
        }
        if landscape && page.height > page.width { (page.width, page.height) = (page.height, page.width) }
        return page
    }
}
