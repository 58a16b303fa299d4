import Graphics

/// Text shaped with one face: its glyphs (`ShapedGlyphs`, shared with every run placed from it) and
/// the direction it was shaped in.
public struct ShapedText: Sendable {
    public let face: Face
    public let shaped: ShapedGlyphs
    /// Shaped right to left (Hebrew, Arabic…): the glyphs are in visual order, clusters decreasing.
    public var isRightToLeft: Bool = false

    public init(face: Face, shaped: ShapedGlyphs, isRightToLeft: Bool) {
        self.face = face
        self.shaped = shaped
        self.isRightToLeft = isRightToLeft
    }

    public var text: String { shaped.text }
    public var glyphs: [UInt16] { shaped.glyphs }
    public var advances: [Int32] { shaped.advances }
    /// (x, y) offsets per glyph, or empty when all are zero.
    public var offsets: [SIMD2<Int32>] { shaped.offsets }
    public var clusters: [UInt32] { shaped.clusters }

    /// Sum of the advances, in font units.
    public var advanceSum: Int64 { shaped.advanceSum }

    /// Width in points at `size`.
    public func width(size: Double) -> Double {
        Double(advanceSum) * size / Double(face.unitsPerEm)
    }

    /// The run to place in a frame at `origin` (baseline start): it shares this text's glyphs.
    public func glyphRun(size: Double, origin: Point, color: Color) -> GlyphRun {
        GlyphRun(font: face.handle, size: size, origin: origin, color: color, shaped: shaped,
                 unitsPerEm: face.unitsPerEm)
    }
}
