/// One parsed, validated and compiled layout (`Layouts/<name>.yaml`). Immutable and
/// `Sendable`: load once, share between worker threads, call `bind` per document.
public struct Layout: Sendable {
    /// The file name without `.yaml`, e.g. `releve-mensuel`.
    public let name: String
    /// The first 16 hex digits of `versionDigest`: short enough to print on a document.
    public let version: String
    /// SHA-256 (hex) of the layout file, the partials and assets it uses, and all font
    /// files of the fonts directory (see docs/layouts.md, « Version »).
    public let versionDigest: String
    /// Partials and assets the layout uses, relative to the layouts directory, sorted.
    public let dependencies: [String]
    /// The page geometry (static: the same for every document of this layout).
    public let page: PageTemplate
    /// The sample data (`samples/<name>.json`) bound, when the layout has sample data; every document
    /// bound by this layout carries it (`BoundDocument.sample`).
    public internal(set) var sample: LayoutSample?
    let program: CompiledLayout

    init(name: String, versionDigest: String, dependencies: [String], program: CompiledLayout) {
        self.name = name
        self.versionDigest = versionDigest
        self.version = String(versionDigest.prefix(16))
        self.dependencies = dependencies
        self.page = program.page
        self.program = program
    }

    /// Binds `data` (JSON-shaped) to the layout: evaluates every expression, expands loops
    /// and conditions, and returns the document for the layout engine. Throws a
    /// `LayoutError` naming the data path when the data lacks a field the layout needs.
    public func bind(_ data: DataValue) throws(LayoutError) -> BoundDocument {
        var context = BindContext(root: data, origins: program.slotOrigins)
        let regions = try context.bind(program.regions)
        let firstPage: PageRegions? = if let first = program.firstPage { try context.bind(first) } else { nil }
        var document = BoundDocument(
            title: try context.render(program.title), lang: program.lang,
            subject: try program.subject.map { t throws(LayoutError) in try context.render(t) },
            author: try program.author.map { t throws(LayoutError) in try context.render(t) },
            keywords: try program.keywords.map { t throws(LayoutError) in try context.render(t) },
            page: program.page, firstPage: firstPage, regions: regions, body: try context.bind(program.body),
            layoutName: name, layoutVersion: version)
        document.sample = sample
        return document
    }
}
