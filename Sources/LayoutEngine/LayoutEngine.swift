import Graphics
import Synchronization
import LayoutDefinitions
import Typography

/// Turns bound documents into pages of frames. One engine per process: it holds the font registry, the
/// font chains of every style and the shaped-text cache, all immutable or locked, and is shared by
/// every thread of a batch. It never writes PDF: the renderer draws its frames.
public final class LayoutEngine: Sendable {
    public let fonts: FontRegistry
    let shapes: ShapeCache
    let paragraphs: ParagraphCache
    private let chains: [FontKey: ResolvedFont]
    /// The same, as a list in the order they were made.
    private let chainList: [(key: FontKey, font: ResolvedFont)]
    /// The most items a body page has held so far: new body pages reserve that much, so that a page
    /// (about 1,000 items of a relevé) is not moved in memory at each doubling of its array. A hint
    /// shared by all threads; it changes capacities, never the output.
    private let pageCapacity = Atomic<Int>(0)
    /// The most structure nodes a document has had so far: a new tree reserves that much (its array of
    /// about 300 nodes was otherwise copied at each doubling). A hint like `pageCapacity`.
    private let nodeCapacity = Atomic<Int>(0)

    public init(fonts: FontRegistry, shapeCacheLimit: Int = 200_000) throws(LayoutEngineError) {
        self.fonts = fonts
        shapes = ShapeCache(limit: shapeCacheLimit)
        paragraphs = ParagraphCache(limit: shapeCacheLimit / 4)
        var chains: [FontKey: ResolvedFont] = [:]
        var chainList: [(key: FontKey, font: ResolvedFont)] = []
        var nextID = 0
        for family in fonts.families {
            for bold in [false, true] {
                for italic in [false, true] {
                    let style = TextStyle(fontFamily: family, bold: bold, italic: italic)
                    do {
                        let chain = try fonts.chain(family: family, bold: bold, italic: italic)
                        chains[FontKey(style)] = ResolvedFont(id: nextID, chain: chain)
                        chainList.append((FontKey(style), ResolvedFont(id: nextID, chain: chain)))
                        nextID += 1
                    } catch {
                        throw LayoutEngineError(.font, error.reason)
                    }
                }
            }
        }
        self.chains = chains
        self.chainList = chainList
    }

    func font(_ key: FontKey) throws(LayoutEngineError) -> ResolvedFont {
        // A scan of a few entries, comparing interned family numbers.
        for entry in chainList where entry.key.bold == key.bold && entry.key.italic == key.italic
            && entry.key.family == key.family {
            return entry.font
        }
        guard let font = chains[key] else {
            throw LayoutEngineError(.font, "unknown font family « \(key.family) » (known: \(fonts.families.joined(separator: ", ")))")
        }
        return font
    }

    /// Lays the document out: body flowed into pages, then header, footer and background of each page
    /// with « Page X / N » resolved now that N is known.
    public func layout(_ document: BoundDocument) throws(LayoutEngineError) -> LaidOutDocument {
        let capacity = pageCapacity.load(ordering: .relaxed)
        let nodes = nodeCapacity.load(ordering: .relaxed)
        var flow = Flow(engine: self, template: document.page, pageCapacity: capacity)
        flow.tree.reserveCapacity(nodes)
        try flow.place(document.body, parent: flow.tree.root)
        if flow.printsPageNumbers {
            // The body prints `{pages}`: lay it out again now that the count is known.
            let count = flow.pages.count
            flow = Flow(engine: self, template: document.page, pageCapacity: capacity)
            flow.pageCount = count
            try flow.place(document.body, parent: flow.tree.root)
        }
        var bodies = flow.finishPages()
        if let most = bodies.map(\.count).max(), most > capacity {
            pageCapacity.store(most, ordering: .relaxed)  // a race here only loses a larger hint
        }
        if flow.tree.nodes.count > nodes { nodeCapacity.store(flow.tree.nodes.count, ordering: .relaxed) }
        flow.pages = []  // the pages' only other owner: each can then be moved into its frame
        var frames: [Frame] = []
        frames.reserveCapacity(bodies.count)
        let size = Size(width: document.page.width, height: document.page.height)
        for i in bodies.indices {
            let regions = i == 0 ? (document.firstPage ?? document.regions) : document.regions
            var frame = Frame(size: size)
            // Moved out, so that the frame takes the page's items without copying them.
            let body = bodies[i]
            bodies[i] = []
            try RegionLayout(engine: self, template: document.page)
                .place(regions, page: (i + 1, bodies.count), into: &frame, body: body)
            frames.append(frame)
        }
        return LaidOutDocument(pages: frames, structure: flow.tree, title: document.title, language: document.lang,
                               subject: document.subject, author: document.author, keywords: document.keywords,
                               layoutName: document.layoutName, layoutVersion: document.layoutVersion)
    }
}
