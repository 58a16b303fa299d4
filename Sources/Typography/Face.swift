import Graphics
import Synchronization

/// A loaded font face: the font file's bytes, its HarfBuzz face and font for shaping and subsetting,
/// and the metrics the PDF font descriptor needs (read once with FreeType, ISO 32000-1 §9.8).
/// Immutable after loading, so one instance is shared by every document and every thread.
public final class Face: @unchecked Sendable {
    /// The registry's handle for this face, used by frames and the renderer.
    public let handle: FontHandle
    public let path: String
    public let familyName: String
    public let styleName: String
    /// The PostScript name (`DejaVuSans-Bold`), used for `/BaseFont` with a subset tag.
    public let postScriptName: String
    public let unitsPerEm: Int32
    public let ascender: Int32
    public let descender: Int32
    public let capHeight: Int32
    public let lineGap: Int32
    public let boundingBox: (xMin: Int32, yMin: Int32, xMax: Int32, yMax: Int32)
    public let italicAngle: Double
    public let isFixedPitch: Bool
    public let isBold: Bool
    public let isItalic: Bool
    public let glyphCount: Int
    /// A stable digest of the font file (FNV-1a 64), for subset tags and cache keys across runs.
    public let digest: UInt64

    /// Horizontal advance of every glyph, in font units.
    let advances: [Int32]
    /// One bit per BMP code point that the cmap maps; scalars above the BMP are in `astral`.
    let bmpCoverage: [UInt64]
    let astralCoverage: Set<UInt32>
    let hb: HarfBuzzFace
    /// Built on first use (it shapes each candidate character once), then only read: an atomic load per
    /// shaping call instead of a lock. Two threads may both build it the first time; one copy is kept.
    /// The address of a retained `SimpleGlyphs` (0 until built) in a plain `Atomic<Int>`: the generic
    /// `AtomicLazyReference` was not specialised across modules and cost some 650 instructions a load.
    private let simpleGlyphsAddress = Atomic<Int>(0)

    init(handle: FontHandle, path: String, bytes: [UInt8]) throws(TypographyError) {
        self.handle = handle
        self.path = path
        let metrics = try FreeTypeMetrics.read(bytes: bytes, path: path)
        familyName = metrics.familyName
        styleName = metrics.styleName
        postScriptName = metrics.postScriptName
        unitsPerEm = metrics.unitsPerEm
        ascender = metrics.ascender
        descender = metrics.descender
        capHeight = metrics.capHeight
        lineGap = metrics.lineGap
        boundingBox = metrics.boundingBox
        italicAngle = metrics.italicAngle
        isFixedPitch = metrics.isFixedPitch
        isBold = metrics.isBold
        isItalic = metrics.isItalic
        hb = try HarfBuzzFace(bytes: bytes, path: path)
        glyphCount = hb.glyphCount
        advances = hb.allAdvances()
        (bmpCoverage, astralCoverage) = hb.coverage()
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        digest = h
    }

    /// The characters this face shapes by concatenation (see `SimpleGlyphs`).
    var simpleGlyphs: SimpleGlyphs {
        let address = simpleGlyphsAddress.load(ordering: .acquiring)
        if address != 0 {
            return Unmanaged<SimpleGlyphs>.fromOpaque(UnsafeRawPointer(bitPattern: address)!).takeUnretainedValue()
        }
        let built = Unmanaged.passRetained(SimpleGlyphs(face: self))
        let mine = Int(bitPattern: built.toOpaque())
        let (stored, found) = simpleGlyphsAddress.compareExchange(expected: 0, desired: mine,
                                                                  successOrdering: .acquiringAndReleasing,
                                                                  failureOrdering: .acquiring)
        if stored { return built.takeUnretainedValue() }
        built.release()  // another thread built it first
        return Unmanaged<SimpleGlyphs>.fromOpaque(UnsafeRawPointer(bitPattern: found)!).takeUnretainedValue()
    }

    deinit {
        let address = simpleGlyphsAddress.load(ordering: .acquiring)
        if address != 0 { Unmanaged<SimpleGlyphs>.fromOpaque(UnsafeRawPointer(bitPattern: address)!).release() }
    }

    /// Whether the face's character map has a glyph for `scalar`.
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x10000 { return bmpCoverage[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return astralCoverage.contains(v)
    }

    /// The advance of `glyph` in font units (0 for glyph ids out of range).
    public func advance(of glyph: UInt16) -> Int32 {
        Int(glyph) < advances.count ? advances[Int(glyph)] : 0
    }

    /// Ascender, descender and line gap scaled to `size` points.
    public func lineMetrics(size: Double) -> (ascent: Double, descent: Double, lineGap: Double) {
        let k = size / Double(unitsPerEm)
        return (Double(ascender) * k, Double(-descender) * k, Double(lineGap) * k)
    }
}
