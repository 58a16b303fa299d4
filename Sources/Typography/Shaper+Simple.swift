import CHarfBuzz
import Graphics

extension Shaper {
    /// The shaping of `text` by concatenating the glyphs and advances of its characters, when every
    /// one is simple in `face` and the script is guessed (nil) or Latin; nil otherwise. Clusters are
    /// the UTF-8 offsets of the characters (each its own cluster, as HarfBuzz's monotone-characters
    /// level gives them), left to right, no offsets. The language does not matter: it only selects
    /// lookups, and none can touch these glyphs. Each glyph stands for its own character, so its text
    /// (`GlyphText`) is that character's length and code point, known here without a look at clusters.
    static func shapeSimple(_ text: String, face: Face, script: UInt32?) -> ShapedText? {
        if let script, script != HB_SCRIPT_LATIN.rawValue { return nil }
        let table = face.simpleGlyphs
        var utf8Text = text
        // First pass: check and count, so that text off the path allocates nothing.
        guard let count = utf8Text.withUTF8({ utf8 in
            utf8.isEmpty || table.glyphs.isEmpty ? nil : Self.simpleCount(utf8, table)
        }) else { return nil }
        let shaped = ShapedGlyphs(count: count, text: text) { f in
            utf8Text.withUTF8 { utf8 in
                var i = 0, k = 0
                while i < utf8.count {
                    let (v, length) = Self.decode(utf8, at: i)
                    f.glyphs[k] = table.glyphs[Int(v)]
                    f.advances[k] = table.advances[Int(v)]
                    f.clusters[k] = UInt32(i)
                    f.texts[k] = GlyphText(length: UInt32(length), scalar: v)
                    i += length
                    k += 1
                }
            }
            return true
        }
        return ShapedText(face: face, shaped: shaped, isRightToLeft: false)
    }

    /// The number of characters of `utf8` when all are simple, else nil.
    private static func simpleCount(_ utf8: UnsafeBufferPointer<UInt8>, _ table: SimpleGlyphs) -> Int? {
        var i = 0, count = 0
        while i < utf8.count {
            let (v, length) = decode(utf8, at: i)
            guard v < SimpleGlyphs.limit, table.glyphs[Int(v)] != 0 else { return nil }
            i += length
            count += 1
        }
        return count
    }

    /// The code point starting at `i` of valid UTF-8 (a Swift string's) and its length in bytes; code
    /// points of four bytes come back as `SimpleGlyphs.limit`, never simple.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F), 3)
        }
        return (SimpleGlyphs.limit, 4)
    }
}
