import Graphics

/// Text shaped with one face: glyph ids, advances and offsets in font units, and for each glyph the
/// UTF-8 offset in `text` where its cluster starts (HarfBuzz clusters, kept so glyphs map back to text).
public struct ShapedText: Sendable {
    public let face: Face
    public let text: String
    public var glyphs: [UInt16]
    public var advances: [Int32]
    /// (x, y) offsets per glyph, or empty when all are zero.
    public var offsets: [SIMD2<Int32>]
    public var clusters: [UInt32]
    /// Shaped right to left (Hebrew, Arabic…): the glyphs are in visual order, clusters decreasing.
    public var isRightToLeft: Bool = false

    /// Sum of the advances, in font units.
    public var advanceSum: Int64 {
        var total: Int64 = 0
        for a in advances { total += Int64(a) }
        return total
    }

    /// Width in points at `size`.
    public func width(size: Double) -> Double {
        Double(advanceSum) * size / Double(face.unitsPerEm)
    }

    /// The run to place in a frame at `origin` (baseline start).
    public func glyphRun(size: Double, origin: Point, color: Color) -> GlyphRun {
        GlyphRun(font: face.handle, size: size, origin: origin, color: color, glyphs: glyphs,
                 advances: advances, offsets: offsets, clusters: clusters, text: text,
                 unitsPerEm: face.unitsPerEm)
    }
}
