/// Names a loaded font face without depending on the font machinery: an index the font registry gave
/// it. The renderer resolves it through the same registry.
public struct FontHandle: Sendable, Hashable, Comparable {
    public let index: Int32
    public init(index: Int32) { self.index = index }
    public static func < (a: FontHandle, b: FontHandle) -> Bool { a.index < b.index }
}

/// A run of shaped glyphs of one face at one size, positioned at its baseline origin. Advances and
/// offsets are in **font units** (the face's units per em), exactly as shaping gave them, so the
/// renderer can write widths and kerning without rounding twice. `text` and `clusters` keep the
/// source text: cluster *i* is the UTF-8 offset in `text` where glyph *i*'s cluster starts, which is
/// what maps glyphs back to Unicode (ToUnicode, ISO 32000-1 §9.10).
public struct GlyphRun: Sendable {
    public var font: FontHandle
    public var size: Double
    public var origin: Point
    public var color: Color
    public var glyphs: [UInt16]
    public var advances: [Int32]
    /// Per-glyph (x, y) offsets in font units, or empty when every offset is zero (the common case).
    public var offsets: [SIMD2<Int32>]
    public var clusters: [UInt32]
    public var text: String
    /// The face's units per em, carried so that width computations need no registry.
    public var unitsPerEm: Int32

    public init(font: FontHandle, size: Double, origin: Point, color: Color, glyphs: [UInt16],
                advances: [Int32], offsets: [SIMD2<Int32>] = [], clusters: [UInt32], text: String,
                unitsPerEm: Int32) {
        self.font = font
        self.size = size
        self.origin = origin
        self.color = color
        self.glyphs = glyphs
        self.advances = advances
        self.offsets = offsets
        self.clusters = clusters
        self.text = text
        self.unitsPerEm = unitsPerEm
    }

    /// The advance width of the whole run in points.
    public var width: Double {
        var total: Int64 = 0
        for a in advances { total += Int64(a) }
        return Double(total) * size / Double(unitsPerEm)
    }
}
