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

    public init(glyphs: [UInt16], advances: [Int32], offsets: [SIMD2<Int32>] = [], clusters: [UInt32],
                text: String) {
        self.glyphs = glyphs
        self.advances = advances
        self.offsets = offsets
        self.clusters = clusters
        self.text = text
        var total: Int64 = 0
        for a in advances { total += Int64(a) }
        advanceSum = total
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
