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
/// ISO 32000-1 §9.10). One object rather than four arrays and a string in each run: a run is copied
/// from the cached paragraph into the frame and out of it into the renderer, and each copy retained
/// and released five buffers (about 20 calls per run drawn, 6 K a relevé).
public final class ShapedGlyphs: Sendable {
    public let glyphs: [UInt16]
    public let advances: [Int32]
    /// Per-glyph (x, y) offsets in font units, or empty when every offset is zero (the common case).
    public let offsets: [SIMD2<Int32>]
    public let clusters: [UInt32]
    public let text: String
    /// Sum of the advances, in font units: every width is made from it.
    public let advanceSum: Int64
    /// The text each glyph stands for, found once here rather than at every drawing of these glyphs
    /// (a cached paragraph is drawn in many documents).
    public let glyphTexts: [GlyphText]
    /// Whether every glyph has text of its own; false when a cluster has several glyphs, whose text
    /// ToUnicode cannot give glyph by glyph.
    public let eachGlyphHasText: Bool

    /// Glyphs whose texts are found from their clusters.
    public convenience init(glyphs: [UInt16], advances: [Int32], offsets: [SIMD2<Int32>] = [], clusters: [UInt32],
                            text: String) {
        let (glyphTexts, eachGlyphHasText) = Self.glyphTexts(clusters: clusters, text: text)
        self.init(glyphs: glyphs, advances: advances, offsets: offsets, clusters: clusters, text: text,
                  glyphTexts: glyphTexts, eachGlyphHasText: eachGlyphHasText)
    }

    /// Glyphs whose texts the caller already knows: the simple shaping path (each character its own
    /// glyph) and a line's merged runs (their parts' texts, concatenated) skip the search through the
    /// clusters, which cost as much as the shaping.
    package init(glyphs: [UInt16], advances: [Int32], offsets: [SIMD2<Int32>] = [], clusters: [UInt32],
                 text: String, glyphTexts: [GlyphText], eachGlyphHasText: Bool) {
        self.glyphs = glyphs
        self.advances = advances
        self.offsets = offsets
        self.clusters = clusters
        self.text = text
        var total: Int64 = 0
        for a in advances { total += Int64(a) }
        advanceSum = total
        self.glyphTexts = glyphTexts
        self.eachGlyphHasText = eachGlyphHasText
    }

    /// The text of each glyph, found from the clusters, and whether each glyph has text of its own.
    static func glyphTexts(clusters: [UInt32], text: String) -> ([GlyphText], Bool) {
        var texts: [GlyphText] = []
        texts.reserveCapacity(clusters.count)
        var eachHasText = true
        var text = text
        text.withUTF8 { utf8 in
            clusters.withUnsafeBufferPointer { clusters in
                for i in clusters.indices {
                    let start = Int(clusters[i])
                    let end = Self.clusterEnd(clusters, i, textLength: utf8.count)
                    if end <= start { eachHasText = false }
                    let length = UInt32(max(0, end - start))
                    texts.append(GlyphText(length: length, scalar: length > 0 ? Self.firstScalar(utf8, at: start) : 0))
                }
            }
        }
        return (texts, eachHasText)
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
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return b0 }
        if b0 < 0xE0, i + 1 < utf8.count { return (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F) }
        if b0 < 0xF0, i + 2 < utf8.count {
            return (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
        }
        if i + 3 < utf8.count {
            return (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F)
        }
        return b0
    }
}

/// The text one glyph stands for, starting at its cluster (`ShapedGlyphs.clusters`): its UTF-8 length
/// and first scalar, both 0 for the second and later glyphs of a cluster. Two glyphs with the same
/// `GlyphText` stand for the same text, which is what a font's CIDs are told apart by.
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
