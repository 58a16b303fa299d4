import Graphics
import LayoutDefinitions
import LayoutEngine
import PDFRender
import Synchronization
import Typography

/// Renders bound documents to PDF: layout, then the PDF engine. One per process, shared by every
/// thread (the layout engine, fonts and caches it holds are immutable or locked); each call uses its
/// own PDF writer. The layout version goes into the PDF's XMP metadata, so an archived document says
/// which layout produced it. A layout with sample data gets font subsets shared by all its documents,
/// made once from the sample (`SharedFontSubsets`).
public final class DocumentRenderer: Sendable {
    public let engine: LayoutEngine
    public let cache: RenderCache
    public let options: RenderOptions
    /// Shared font subsets by layout name and full version (`LayoutSample.key`).
    private let sharedSubsets = Mutex<[String: SharedFontSubsets]>([:])

    public init(fonts: FontRegistry, cache: RenderCache = .shared, options: RenderOptions = RenderOptions()) throws(LayoutEngineError) {
        engine = try LayoutEngine(fonts: fonts)
        self.cache = cache
        self.options = options
    }

    /// Lays out and writes `document`. `date` is the document's creation date (from the data, or
    /// `SOURCE_DATE_EPOCH`, or `--today`: never the clock). Pass a `deflater` to reuse it across the
    /// documents of one thread.
    public func render(_ document: BoundDocument, date: PDFDate, to output: PDFOutput,
                       deflater: Deflater? = nil) throws -> RenderResult {
        let laid = try engine.layout(document)
        let source = laid.layoutName.isEmpty ? nil : laid.layoutName + "@" + laid.layoutVersion
        let metadata = DocumentMetadata(title: laid.title, author: laid.author, subject: laid.subject,
                                        keywords: laid.keywords, language: laid.language, creationDate: date,
                                        source: source)
        let shared = try document.sample.map { sample throws in try sharedSubsets(for: sample) }
        let writer = try PDFDocumentWriter(metadata: metadata, fonts: engine.fonts, output: output, cache: cache,
                                           options: options, deflater: deflater, sharedSubsets: shared)
        writer.structure = laid.structure
        do {
            for page in laid.pages { try writer.render(page) }
            return try writer.finish(structure: laid.structure)
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// The font subsets shared by the documents of the sample's layout: the sample laid out, and the
    /// glyphs its pages draw subset once. Two threads asking first may both compute them; they get
    /// equal values (a pure function of the sample and the fonts), and one is kept.
    public func sharedSubsets(for sample: LayoutSample) throws -> SharedFontSubsets {
        if let hit = sharedSubsets.withLock({ $0[sample.key] }) { return hit }
        let laid = try engine.layout(sample.document)
        let value = try SharedFontSubsets(frames: laid.pages, fonts: engine.fonts,
                                          compressionLevel: options.compressionLevel)
        return sharedSubsets.withLock { table in
            if let existing = table[sample.key] { return existing }
            // A long-running portal reloading layouts keeps the last few dozen versions.
            if table.count >= 64 { table.removeAll() }
            table[sample.key] = value
            return value
        }
    }
}
