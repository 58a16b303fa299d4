import Graphics
import PDFSyntax
import Typography

/// Writes one PDF/A-2b document, page by page: the render context of the engine. It is the only place
/// that hands out object references; it de-duplicates fonts and images, subsets fonts once at the end
/// from the glyphs actually drawn, streams each finished page out, and derives the document ID from the
/// content, so the same input always gives the same bytes. One writer per document, on one thread;
/// many writers may run in parallel sharing the `FontRegistry` and the `RenderCache`.
public final class PDFDocumentWriter {
    let metadata: DocumentMetadata
    let fonts: FontRegistry
    let cache: RenderCache
    let options: RenderOptions
    let deflater: Deflater
    // The properties the drawing and structure loops touch for every item are marked
    // `@exclusivity(unchecked)`: a writer is confined to one thread and its methods never re-enter one
    // another, so the dynamic exclusivity checks Swift puts on class properties (a runtime call per
    // access, ~1,900 a page) can never fire.
    @exclusivity(unchecked) var file: PDFFileWriter
    var sink: FileSink?
    var digest = StableHash()

    let catalogRef: Ref
    let pagesRef: Ref
    let resourcesRef: Ref
    @exclusivity(unchecked) var pageRefs: [Ref] = []
    /// The fonts whose subsets this document makes (its own CIDs), by font id (≥ 0).
    @exclusivity(unchecked) var fontUsages: [FontUsage] = []
    /// The CIDs of the document's own fonts, numbered apart (`FontUsage.numbering`).
    let ownCIDs = CIDNumbering()
    /// The shared subsets this document embeds as they are (`SharedFontSubsets`), by font id −1 − index.
    @exclusivity(unchecked) var sharedFonts: [(subset: SharedSubset, ref: Ref, name: String)] = []
    /// Every font id in order of first use: resource `F1` is the first, and so on.
    var fontOrder: [Int] = []
    /// The handle index of each face drawn, and the fonts it draws with (`faceFonts`, same order): a
    /// document draws with a handful of faces, which a linear search finds sooner than a dictionary is
    /// even allocated.
    @exclusivity(unchecked) var fontHandles: [Int32] = []
    @exclusivity(unchecked) var faceFonts: [FaceFonts] = []
    /// The last face looked up, as (handle index, index in `faceFonts`); -1 before the first.
    @exclusivity(unchecked) var lastFont: (handle: Int32, index: Int) = (-1, 0)
    let sharedSubsets: SharedFontSubsets?
    var images: [(name: String, ref: Ref, digest: UInt64, hasAlpha: Bool)] = []
    var imageIndexByPath: [String: Int] = [:]
    var transparencyGroupNeeded = false

    // Current page.
    /// The page being drawn, valid while `inPage`: a plain stored struct rather than an optional, whose
    /// every `page!.field` access copied the whole state out and back (some 2,000 copies a relevé).
    @exclusivity(unchecked) var page = PageState(size: .a4)
    @exclusivity(unchecked) var inPage = false
    @exclusivity(unchecked) var content = ContentStream(capacity: 32 * 1024)
    @exclusivity(unchecked) var codes: [UInt16] = []
    /// The font id of each glyph of a run drawn from two fonts (scratch, like `codes`).
    @exclusivity(unchecked) var codeFonts: [Int] = []
    @exclusivity(unchecked) var adjustments: [Int32] = []
    // Marked content: for each page, the structure node of each MCID (the parent tree, §14.7.4.4).
    @exclusivity(unchecked) var mcidNodes: [[Int]] = []
    /// Every MCID handed out, in order; grouped by node only when the structure tree is written.
    @exclusivity(unchecked) var marks: [Mark] = []
    var finished = false
    /// The structure tree whose nodes frames refer to; its roles name the marked-content tags. It can
    /// also be given (or completed) at `finish`.
    @exclusivity(unchecked) public var structure: StructureTree?

    /// Marked content `mcid` on page `page` belongs to structure node `node`.
    struct Mark {
        var node: Int32
        var page: Int32
        var mcid: Int32
    }

    /// The fonts one face draws with: a subset of the document's own (`own`, an index in `fontUsages`)
    /// and, for a face with a shared subset, that one (`shared`, an index in `sharedFonts`); -1 for none
    /// yet. With a shared subset, the own one is made only when a glyph is missing from the shared one.
    struct FaceFonts {
        var own: Int
        var shared: Int
    }

    /// An open text object (BT written, ET not yet).
    struct TextObject {
        /// How many marked-content sequences were open when BT was written. The object must end at that
        /// depth: a sequence begun inside it ends inside it, one begun before it ends after it
        /// (ISO 32000-1 §14.6: marked content and text objects nest, they do not overlap).
        var depth: Int
        /// The line start (§9.4.2) in hundredths of a point, as the last Td or Tm set it; nil when a
        /// glyph-by-glyph run moved it elsewhere.
        var line: (x: Int, y: Int)?
    }

    struct PageState {
        var size: Size
        var fill: Color?
        var stroke: Color?
        var lineWidth: Double?
        /// The font id and size last selected (Tf).
        var font: (Int, Double)?
        /// The text object left open after the last run (nil when none is): the next run continues it
        /// unless something that a text object cannot hold comes first.
        var text: TextObject?
        var clipDepth = 0
        var markedDepth = 0
        var openNode: Int?
        var usesTransparency = false
    }

    /// - Parameter deflater: reuse one across documents on the same thread (a batch worker).
    /// - Parameter sharedSubsets: font subsets made once for documents of this kind, embedded as they
    ///   are; the glyphs they lack go to subsets of this document's own.
    public init(metadata: DocumentMetadata, fonts: FontRegistry, output: PDFOutput = .memory,
                cache: RenderCache = .shared, options: RenderOptions = RenderOptions(),
                deflater: Deflater? = nil, sharedSubsets: SharedFontSubsets? = nil) throws(PDFRenderError) {
        self.metadata = metadata
        self.sharedSubsets = sharedSubsets
        self.fonts = fonts
        self.cache = cache
        self.options = options
        let deflater = deflater?.level == options.compressionLevel ? deflater! : Deflater(level: options.compressionLevel)
        self.deflater = deflater
        file = PDFFileWriter(style: options.xref, capacity: 64 * 1024) { deflater.compress($0) }
        if case .file(let path) = output { sink = try FileSink(path: path, sync: options.syncFiles) }
        catalogRef = file.allocate()
        pagesRef = file.allocate()
        resourcesRef = file.allocate()
        marks.reserveCapacity(256)
    }

    deinit { sink?.abort() }

    /// Number of pages ended so far.
    public var pageCount: Int { pageRefs.count }

    // MARK: Pages

    public func beginPage(size: Size = .a4) throws(PDFRenderError) {
        guard !finished else { throw PDFRenderError(.invalidState, "the document is already finished") }
        guard !inPage else { throw PDFRenderError(.invalidState, "beginPage called inside a page") }
        page = PageState(size: size)
        inPage = true
        content.reset()
        // A tagged page marks a line or a cell at a time, some hundreds: room for them from the start.
        var nodes: [Int] = []
        nodes.reserveCapacity(256)
        mcidNodes.append(nodes)
    }

    /// Ends the page: compresses its content, writes the page object, and streams what is ready out.
    public func endPage() throws(PDFRenderError) {
        guard inPage else { throw PDFRenderError(.invalidState, "endPage without beginPage") }
        let state = page
        // Sequences begun inside the open text object end inside it, then the object, then the others.
        while page.markedDepth > (page.text?.depth ?? 0) { content.endMarkedContent(); page.markedDepth -= 1 }
        closeText()
        while page.markedDepth > 0 { content.endMarkedContent(); page.markedDepth -= 1 }
        while page.clipDepth > 0 { content.restoreState(); page.clipDepth -= 1 }
        let contentRef = file.allocate()
        let pageRef = file.allocate()
        let pageIndex = pageRefs.count
        pageRefs.append(pageRef)
        file.flateStream(contentRef, data: content.buffer.bytes, deflater: deflater) { _ in }
        let tagged = !mcidNodes[pageIndex].isEmpty
        let resources = resourcesRef, parent = pagesRef
        file.write(pageRef, as: Page.self) { p in
            p.parent(parent)
            p.mediaBox(state.size.width, state.size.height)
            p.contents(contentRef)
            p.dict.pair("Resources", ref: resources)
            if tagged {
                p.structParents(pageIndex)
                p.tabsInStructureOrder()
            }
            if state.usesTransparency {
                // A page that blends (soft masks) declares its blending colour space (ISO 19005-2 §6.4.2).
                p.dict.dict("Group") { g in
                    g.pair("Type", name: "Group")
                    g.pair("S", name: "Transparency")
                    g.pair("CS", name: "DeviceRGB")
                }
            }
        }
        inPage = false
        try flushIfNeeded()
    }

    /// Renders a laid-out frame as one page.
    ///
    /// Marked content that holds only text (a table cell, a line, a running footer) is written inside
    /// the text object the runs before it left open: a row of cells is then one text object whose Td
    /// move from cell to cell, instead of a BT, an absolute Td and an ET per cell.
    public func render(_ frame: Frame) throws(PDFRenderError) {
        try beginPage(size: frame.size)
        let items = frame.items
        for i in items.indices {
            switch items[i] {
            case .glyphs(let run): draw(run)
            case .path(let path, let style): draw(path, style: style)
            case .image(let source, let rect): try drawImage(source, in: rect)
            case .pushClip(let path): pushClip(path)
            case .popClip: popClip()
            case .beginStructure(let node): beginStructure(node: node, textOnly: Self.holdsOnlyText(items, from: i))
            case .endStructure: endStructure()
            case .beginArtifact(let pagination): beginArtifact(pagination: pagination,
                                                              textOnly: Self.holdsOnlyText(items, from: i))
            case .endArtifact: endArtifact()
            }
        }
        try endPage()
    }

    /// Whether the marked content that `items[start]` begins holds nothing but glyph runs (and marked
    /// content holding only those) up to its end: the `textOnly` of `beginStructure` and `beginArtifact`.
    public static func holdsOnlyText(_ items: [FrameItem], from start: Int) -> Bool {
        var depth = 0
        for j in start..<items.count {
            switch items[j] {
            case .glyphs: continue
            case .beginStructure, .beginArtifact: depth += 1
            case .endStructure, .endArtifact:
                depth -= 1
                if depth == 0 { return true }
            case .path, .image, .pushClip, .popClip: return false
            }
        }
        return false
    }

    // MARK: Output

    func flushIfNeeded() throws(PDFRenderError) {
        guard let sink, file.pending.count >= options.flushThreshold else { return }
        let chunk = file.drain()
        chunk.withUnsafeBufferPointer { digest.update($0) }
        try sink.write(chunk)
    }

    /// Writes fonts, images' leftovers, structure, metadata and the trailer, and closes the output.
    /// With a file output the file appears at its path only now, complete.
    @discardableResult
    public func finish(structure: StructureTree? = nil) throws(PDFRenderError) -> RenderResult {
        guard !finished else { throw PDFRenderError(.invalidState, "finish called twice") }
        guard !inPage else { throw PDFRenderError(.invalidState, "finish called inside a page") }
        guard !pageRefs.isEmpty else { throw PDFRenderError(.invalidState, "a PDF needs at least one page") }
        // Marked content names structure nodes by index; a node missing from the tree would index past
        // the element references when the parent tree is written (a crash, not an error).
        if let tree = structure ?? self.structure {
            for (page, nodes) in mcidNodes.enumerated() {
                if let bad = nodes.first(where: { $0 < 0 || $0 >= tree.nodes.count }) {
                    throw PDFRenderError(.invalidState, "structure node \(bad) marked on page \(page + 1) is not in"
                                         + " the structure tree (\(tree.nodes.count) nodes)")
                }
            }
        }
        finished = true
        // The document's own fonts number their CIDs apart, so one CIDToGIDMap and one ToUnicode CMap,
        // written after them, serve them all.
        var own: [(usage: FontUsage, program: RenderCache.FontProgram)] = []
        let ownMaps = fontUsages.isEmpty ? nil : (cidToGIDMap: file.allocate(), toUnicode: file.allocate())
        for id in fontOrder {
            if id >= 0, let ownMaps {
                let embedding = FontEmbedding(usage: fontUsages[id], cache: cache, deflater: deflater,
                                              granularity: options.subsetGranularity)
                let program = try embedding.program()
                embedding.write(into: &file, program: program, cidToGIDMap: ownMaps.cidToGIDMap, toUnicode: ownMaps.toUnicode)
                own.append((fontUsages[id], program))
            } else if id < 0 {
                sharedFonts[-1 - id].subset.write(into: &file, ref: sharedFonts[-1 - id].ref)
            }
        }
        if let ownMaps {
            file.encodedStream(ownMaps.cidToGIDMap, EncodedStream(FontEmbedding.cidToGIDMap(own), deflater))
            file.encodedStream(ownMaps.toUnicode, EncodedStream(FontEmbedding.toUnicodeCMap(FontEmbedding.texts(own.map(\.usage))),
                                                                deflater))
        }
        writeResources()
        let kids = pageRefs
        file.write(pagesRef, as: PageTree.self) { t in
            t.kids(kids)
            t.count(kids.count)
        }
        let structRoot = (structure ?? self.structure).map { writeStructure($0) }
        let intent = writeOutputIntent()
        let metadataRef = file.allocate()
        let xmp = XMPMetadata.packet(metadata)
        // PDF/A: the metadata stream stays unfiltered so that it can be found without decoding.
        file.stream(metadataRef, data: xmp) { d in
            d.pair("Type", name: "Metadata")
            d.pair("Subtype", name: "XML")
        }
        let lang = metadata.language
        file.write(catalogRef, as: Catalog.self) { c in
            c.pages(self.pagesRef)
            c.metadata(metadataRef)
            c.lang(lang)
            c.outputIntents([intent])
            c.displayDocTitle()
            if let structRoot {
                c.structTreeRoot(structRoot)
                c.markInfo(marked: true)
            }
        }
        let infoRef = file.allocate()
        let m = metadata
        file.write(infoRef, as: DocumentInfo.self) { i in
            i.title(m.title)
            if let a = m.author { i.author(a) }
            if let s = m.subject { i.subject(s) }
            if let k = m.keywords { i.keywords(k) }
            i.creator(m.creator)
            i.producer(m.producer)
            i.creationDate(m.creationDate.pdfString)
            i.modDate(m.modificationDate.pdfString)
        }
        // In the compressed style the last objects (catalog, info, pages…) still wait in an unwritten
        // object stream: flush it first, or documents differing only there would share an /ID.
        file.flushObjectStream()
        file.pending.bytes.withUnsafeBufferPointer { digest.update($0) }
        let id = digest.bytes()
        file.finish(root: catalogRef, info: infoRef, id: id)
        let total = file.position
        let rest = file.drain()
        if let sink {
            try sink.write(rest)
            try sink.commit()
            self.sink = nil
            return RenderResult(pageCount: pageRefs.count, byteCount: total, bytes: [], documentID: id)
        }
        return RenderResult(pageCount: pageRefs.count, byteCount: total, bytes: rest, documentID: id)
    }

    /// Gives up the document: a file output's temporary file is removed.
    public func abandon() {
        finished = true
        sink?.abort()
        sink = nil
    }

    private func writeResources() {
        let fontEntries = fontOrder.map { resource($0) }
        let imageEntries = images.map { ($0.name, $0.ref) }
        file.write(resourcesRef, as: Resources.self) { r in
            r.fonts(fontEntries)
            r.xObjects(imageEntries)
        }
    }

    private func writeOutputIntent() -> Ref {
        let profileRef = file.allocate()
        let intentRef = file.allocate()
        let level = deflater.level
        let profile = cache.iccProfile(level: level) { deflater.compress(SRGBProfile.bytes) }
        file.stream(profileRef, data: profile) { d in
            d.pair("N", int: 3)
            d.pair("Filter", name: "FlateDecode")
        }
        file.write(intentRef, as: OutputIntent.self) { o in
            o.pdfaSubtype()
            o.outputConditionIdentifier("sRGB IEC61966-2.1")
            o.info("sRGB IEC61966-2.1")
            o.destOutputProfile(profileRef)
        }
        return intentRef
    }
}
