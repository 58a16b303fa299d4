import Synchronization

/// What repeats across documents, computed once and shared by every document and thread: compressed
/// font subsets by glyph set, decoded and compressed images by file content, the compressed ICC profile.
/// Values are immutable; the lock only guards the dictionaries, never the work of computing a value.
public final class RenderCache: Sendable {
    struct FontProgram: Sendable {
        /// The program as the FontFile2 stream holds it: Flate-encoded, or stored when short.
        let encoded: EncodedStream
        /// Its length before encoding (`/Length1`).
        let length: Int
        /// The glyphs subset (sorted) and the new id each got.
        let glyphs: [UInt16]
        let newGlyphIDs: [UInt16]
        /// The glyph set's hash, which names the subset (`FontEmbedding.subsetTag`).
        let tag: UInt64
    }

    struct ImageData: Sendable {
        let width: Int
        let height: Int
        let colorComponents: Int
        /// Flate-compressed samples and alpha (soft mask) at the cache's compression level.
        let samples: [UInt8]
        let alpha: [UInt8]?
        /// Identifies the image's content across runs (for de-duplication inside a document).
        let digest: UInt64
    }

    struct Key: Hashable, Sendable {
        let level: Int32
        let a: UInt64
        let b: UInt64
    }

    private let fonts = Mutex<[Key: FontProgram]>([:])
    private let images = Mutex<[String: ImageData]>([:])
    private let iccProfiles = Mutex<[Int32: [UInt8]]>([:])
    /// Beyond this many subsets the font cache is emptied (documents with unusual glyph sets must not
    /// make a long batch grow without bound).
    let maxFontPrograms: Int
    /// The same bound for images: keyed by content, a per-document picture (a photo, a signature)
    /// would otherwise stay in a long-running process forever, one entry per document.
    let maxImages: Int

    public init(maxFontPrograms: Int = 512, maxImages: Int = 256) {
        self.maxFontPrograms = maxFontPrograms
        self.maxImages = maxImages
    }

    /// Number of cached images (for tests of the bound).
    var imageCount: Int { images.withLock { $0.count } }

    /// The cache most callers share: one per process.
    public static let shared = RenderCache()

    func fontProgram(_ key: Key, make: () throws(PDFRenderError) -> FontProgram) throws(PDFRenderError) -> FontProgram {
        if let hit = fonts.withLock({ $0[key] }) { return hit }
        let value = try make()
        fonts.withLock { table in
            if table.count >= maxFontPrograms { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
        return value
    }

    func image(_ path: String, make: () throws(PDFRenderError) -> ImageData) throws(PDFRenderError) -> ImageData {
        if let hit = images.withLock({ $0[path] }) { return hit }
        let value = try make()
        images.withLock { table in
            if table.count >= maxImages { table.removeAll(keepingCapacity: true) }
            table[path] = value
        }
        return value
    }

    func iccProfile(level: Int32, make: () -> [UInt8]) -> [UInt8] {
        if let hit = iccProfiles.withLock({ $0[level] }) { return hit }
        let value = make()
        iccProfiles.withLock { $0[level] = value }
        return value
    }
}
