/// Names a loaded font face without depending on the font machinery: an index the font registry gave
/// it. The renderer resolves it through the same registry.
public struct FontHandle: Sendable, Hashable, Comparable {
    public let index: Int32
    public init(index: Int32) { self.index = index }
    public static func < (a: FontHandle, b: FontHandle) -> Bool { a.index < b.index }
}

/// What shaping gave for a piece of text, immutable and shared: glyph ids, advances and offsets in
/// **font units** (the face's units per em), and the source text with, for each glyph, the UTF-8 offset
/// in `text` where its cluster starts, which is what maps glyphs back to Unicode (ToUnicode,
/// ISO 32000-1 §9.10).
///
/// One reference rather than arrays and a string in each run: a run is copied from the cached
/// paragraph into the frame and out of it into the renderer, and each copy retained and released
/// every buffer. And one allocation (a `ManagedBuffer` whose tail holds the per-glyph arrays) rather
/// than one per array: freeing a cached shaping's five buffers cost more than its shaping.
public struct ShapedGlyphs: @unchecked Sendable {
    // @unchecked: `ManagedBuffer` is not `Sendable`. The storage is written only inside `init`, before
    // anything else can see it, and only read afterwards.
    private let storage: Storage

    private final class Storage: ManagedBuffer<Header, UInt32> {}

    private struct Header {
        var count: Int
        var text: String
        var offsets: [SIMD2<Int32>]
        var advanceSum: Int64 = 0
        var eachGlyphHasText = true
    }

    /// The per-glyph arrays being written, in the storage's tail: advances, clusters and texts (4-byte
    /// aligned) first, then glyph ids.
    public struct Filling {
        public let advances: UnsafeMutableBufferPointer<Int32>
        public let clusters: UnsafeMutableBufferPointer<UInt32>
        public let texts: UnsafeMutableBufferPointer<GlyphText>
        public let glyphs: UnsafeMutableBufferPointer<UInt16>
    }

    /// The per-glyph arrays, valid inside `withArrays` only.
    public struct Arrays {
        public let advances: UnsafeBufferPointer<Int32>
        public let clusters: UnsafeBufferPointer<UInt32>
        public let texts: UnsafeBufferPointer<GlyphText>
        public let glyphs: UnsafeBufferPointer<UInt16>
        public var count: Int { glyphs.count }
    }

    /// `count` glyphs for `text`, whose arrays `fill` writes, every element; it returns whether each
    /// glyph has text of its own (`eachGlyphHasText`).
    public init(count: Int, text: String, offsets: [SIMD2<Int32>] = [], fill: (Filling) -> Bool) {
        let buffer = Storage.create(minimumCapacity: (18 * count + 3) / 4) { _ in
            Header(count: count, text: text, offsets: offsets)
        }
        let storage = unsafeDowncast(buffer, to: Storage.self)
        storage.withUnsafeMutablePointers { header, tail in
            let raw = UnsafeMutableRawPointer(tail)
            func part<T>(_ type: T.Type, at offset: Int) -> UnsafeMutableBufferPointer<T> {
                UnsafeMutableBufferPointer(start: (raw + offset).bindMemory(to: type, capacity: count), count: count)
            }
            let filling = Filling(advances: part(Int32.self, at: 0), clusters: part(UInt32.self, at: 4 * count),
                                  texts: part(GlyphText.self, at: 8 * count), glyphs: part(UInt16.self, at: 16 * count))
            header.pointee.eachGlyphHasText = fill(filling)
            var total: Int64 = 0
            for a in filling.advances { total += Int64(a) }
            header.pointee.advanceSum = total
        }
        self.storage = storage
    }

    /// Glyphs given as arrays, their texts found from the clusters.
    public init(glyphs: [UInt16], advances: [Int32], offsets: [SIMD2<Int32>] = [], clusters: [UInt32],
                text: String) {
        self.init(count: glyphs.count, text: text, offsets: offsets) { f in
            for i in glyphs.indices {
                f.glyphs[i] = glyphs[i]
                f.advances[i] = advances[i]
                f.clusters[i] = clusters[i]
            }
            return Self.findTexts(f, text: text)
        }
    }

    // The header is read through its pointer: `storage.header` is a class's stored property, and each
    // read of it made a dynamic exclusivity check (`swift_beginAccess`, ~75 instructions), about 1,070
    // a relevé (placing lines, encoding and drawing runs). The storage is immutable once made.
    public var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.count } }
    public var text: String { storage.withUnsafeMutablePointerToHeader { $0.pointee.text } }
    /// Per-glyph (x, y) offsets in font units, or empty when every offset is zero (the common case).
    public var offsets: [SIMD2<Int32>] { storage.withUnsafeMutablePointerToHeader { $0.pointee.offsets } }
    /// Sum of the advances, in font units: every width is made from it.
    public var advanceSum: Int64 { storage.withUnsafeMutablePointerToHeader { $0.pointee.advanceSum } }
    /// Whether every glyph has text of its own; false when a cluster has several glyphs, whose text
    /// ToUnicode cannot give glyph by glyph.
    /// The identity of the immutable storage these glyphs share with their copies: values with the
    /// same identity hold the same glyphs (a cached paragraph's runs keep theirs in every document),
    /// so a renderer may key what it derives from them by it, as long as it keeps a copy (and with it
    /// the identity) alive.
    public var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    public var eachGlyphHasText: Bool { storage.withUnsafeMutablePointerToHeader { $0.pointee.eachGlyphHasText } }

    /// Calls `body` with the per-glyph arrays, read in place.
    public func withArrays<R>(_ body: (Arrays) throws -> R) rethrows -> R {
        try storage.withUnsafeMutablePointers { header, tail in
            let n = header.pointee.count, raw = UnsafeRawPointer(tail)
            return try body(Arrays(
                advances: UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Int32.self), count: n),
                clusters: UnsafeBufferPointer(start: (raw + 4 * n).assumingMemoryBound(to: UInt32.self), count: n),
                texts: UnsafeBufferPointer(start: (raw + 8 * n).assumingMemoryBound(to: GlyphText.self), count: n),
                glyphs: UnsafeBufferPointer(start: (raw + 16 * n).assumingMemoryBound(to: UInt16.self), count: n)))
        }
    }

    // Copies of the arrays, for tests and cold paths; drawing and layout read them in place.
    public var glyphs: [UInt16] { withArrays { Array($0.glyphs) } }
    public var advances: [Int32] { withArrays { Array($0.advances) } }
    public var clusters: [UInt32] { withArrays { Array($0.clusters) } }
    /// The text each glyph stands for (`GlyphText`), found once when shaped rather than at every drawing
    /// of these glyphs (a cached paragraph is drawn in many documents).
    public var glyphTexts: [GlyphText] { withArrays { Array($0.texts) } }

    /// Writes these glyphs into `f` from index `start`, their clusters moved by `clusterShift` (the
    /// bytes of text before them).
    public func write(into f: Filling, at start: Int, clusterShift: UInt32) {
        withArrays { a in
            for i in 0..<a.count {
                f.glyphs[start + i] = a.glyphs[i]
                f.advances[start + i] = a.advances[i]
                f.clusters[start + i] = a.clusters[i] + clusterShift
                f.texts[start + i] = a.texts[i]
            }
        }
    }

    /// Writes the text of each glyph of `f` (whose clusters are written) into `f.texts`; returns whether
    /// each glyph has text of its own.
    public static func findTexts(_ f: Filling, text: String) -> Bool {
        var eachHasText = true
        var text = text
        text.withUTF8 { utf8 in
            let clusters = UnsafeBufferPointer(f.clusters)
            for i in clusters.indices {
                let start = Int(clusters[i])
                let end = Self.clusterEnd(clusters, i, textLength: utf8.count)
                if end <= start { eachHasText = false }
                let length = UInt32(max(0, end - start))
                f.texts[i] = GlyphText(length: length, scalar: length > 0 ? Self.firstScalar(utf8, at: start) : 0)
            }
        }
        return eachHasText
    }

    /// Where glyph `i`'s cluster ends in the text: the next different cluster value above it (runs are
    /// left-to-right or right-to-left), or the end of the text. Equal to the start for the second and
    /// later glyphs of a cluster, which carry no text of their own.
    static func clusterEnd(_ clusters: UnsafeBufferPointer<UInt32>, _ i: Int, textLength: Int) -> Int {
        let c = clusters[i]
        if i > 0 && clusters[i - 1] == c { return Int(c) }
        var j = i + 1
        while j < clusters.count && clusters[j] == c { j += 1 }
        // Left-to-right: the next cluster starts where this one ends.
        if j < clusters.count && clusters[j] > c { return Int(clusters[j]) }
        // Right-to-left runs list clusters in decreasing order: this cluster ends where the previous
        // glyph's cluster starts. Only then is a backward look needed (never for Latin text).
        if i > 0 && clusters[i - 1] > c { return Int(clusters[i - 1]) }
        return textLength
    }

    static func firstScalar(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        UTF8Scalar.decode(utf8, at: i).scalar
    }
}

/// The text one glyph stands for, starting at its cluster (`ShapedGlyphs.clusters`): its UTF-8 length
/// and first scalar, both 0 for the second and later glyphs of a cluster. A font's CIDs are told apart
/// by (glyph, `GlyphText`): one glyph drawn for two texts of the same length and first scalar would
/// share a CID, and the first text's ToUnicode, which no font we ship does (a glyph maps one sequence).
public struct GlyphText: Sendable, Equatable {
    public var length: UInt32
    public var scalar: UInt32

    public init(length: UInt32, scalar: UInt32) {
        self.length = length
        self.scalar = scalar
    }
}

/// A run of shaped glyphs of one face at one size, positioned at its baseline origin. Advances and
/// offsets are in font units, exactly as shaping gave them, so the renderer can write widths and
/// kerning without rounding twice.
public struct GlyphRun: Sendable {
    public var font: FontHandle
    public var size: Double
    public var origin: Point
    public var color: Color
    public var shaped: ShapedGlyphs
    /// The face's units per em, carried so that width computations need no registry.
    public var unitsPerEm: Int32

    public init(font: FontHandle, size: Double, origin: Point, color: Color, shaped: ShapedGlyphs,
                unitsPerEm: Int32) {
        self.font = font
        self.size = size
        self.origin = origin
        self.color = color
        self.shaped = shaped
        self.unitsPerEm = unitsPerEm
    }

    /// The advance width of the whole run in points.
    public var width: Double { Double(shaped.advanceSum) * size / Double(unitsPerEm) }
}
