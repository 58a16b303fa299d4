import Graphics
import PDFSyntax
import Typography

/// The glyphs one document draws with one face, and the CIDs it gave them. CIDs are assigned in order
/// of first use, one per (glyph, text) pair: a glyph drawn for two different characters (the space
/// glyph for U+0020 and U+00A0) gets two CIDs that point to the same glyph, so the ToUnicode CMap can
/// give each its own text (ISO 32000-1 §9.10.2). CID 0 stays `.notdef`.
struct FontUsage {
    let face: Face
    let resourceName: String
    let ref: Ref
    /// Where the CIDs come from: the fonts of one document that share it number their glyphs apart
    /// (one font's CIDs are holes in the other's arrays), so one ToUnicode CMap and one CIDToGIDMap
    /// serve them all.
    let numbering: CIDNumbering
    private(set) var cidForGlyph: [UInt16]
    private(set) var glyphForCID: [UInt16] = [0]
    private(set) var textForCID: [String] = [""]
    /// The text each CID stands for as shaping described it (`GlyphText`), compared with a glyph's.
    private(set) var glyphTextForCID: [GlyphText] = [GlyphText(length: 0, scalar: 0)]
    /// The CIDs of one glyph form a chain: `cidForGlyph` gives its first CID and `nextCIDForGlyph[cid]`
    /// the next one (0 ends the chain). A glyph has one CID per text it is drawn for, rarely more than
    /// two, so walking the chain finds the (glyph, text) pair's CID faster than hashing the text would.
    private(set) var nextCIDForGlyph: [UInt16] = [0]
    /// Each CID's glyph advance in thousandths of an em, rounded as the /W array gives it: computed
    /// once per CID instead of once per glyph drawn (the TJ adjustments compare every glyph with it).
    private(set) var naturalForCID: [Int32]

    init(face: Face, resourceName: String, ref: Ref, numbering: CIDNumbering = CIDNumbering()) {
        self.face = face
        self.resourceName = resourceName
        self.ref = ref
        self.numbering = numbering
        // Grown on demand up to the highest glyph drawn (`assign`): zero-filling an entry for every glyph
        // of the face cost more, per document, than the whole lookup.
        cidForGlyph = []
        naturalForCID = [Self.natural(face, glyph: 0, upem: Double(face.unitsPerEm))]
        // A document draws some dozens of distinct glyphs a face: room for them from the start spares
        // the six per-CID arrays their successive regrowths (one allocation and copy each).
        let expected = 128
        glyphForCID.reserveCapacity(expected)
        textForCID.reserveCapacity(expected)
        glyphTextForCID.reserveCapacity(expected)
        nextCIDForGlyph.reserveCapacity(expected)
        naturalForCID.reserveCapacity(expected)
    }

    var cidCount: Int { glyphForCID.count }

    /// Writes the CID of each glyph of `run` into `codes[0..<n]`, n the run's glyph count; `codes` only
    /// ever grows (a scratch array reused run after run: emptying and refilling it cost more than the
    /// writes). Returns false when a glyph's text cannot be expressed by ToUnicode (several glyphs for
    /// one cluster): the caller then adds ActualText.
    mutating func encode(_ run: GlyphRun, into codes: inout [UInt16]) -> Bool {
        let shaped = run.shaped
        let n = shaped.count
        if codes.count < n { codes.append(contentsOf: repeatElement(0, count: n - codes.count)) }
        // Buffer pointers rather than the arrays, and `codes` sized first and filled in place: this loop
        // runs for every glyph drawn, and each append paid a runtime uniqueness check and a capacity check.
        shaped.withArrays { a in
            codes.withUnsafeMutableBufferPointer { out in
                var i = 0
                while i < n {
                    // Glyphs already given a CID for the same text, the common case, read through buffer
                    // pointers up to the first one that needs `assign`.
                    i = cidForGlyph.withUnsafeBufferPointer { cidOf in
                        glyphTextForCID.withUnsafeBufferPointer { textOf in
                            var k = i
                            while k < n {
                                let glyph = Int(a.glyphs[k])
                                guard glyph < cidOf.count else { return k }
                                let cid = cidOf[glyph]
                                guard cid != 0, textOf[Int(cid)] == a.texts[k] else { return k }
                                out[k] = cid
                                k += 1
                            }
                            return n
                        }
                    }
                    guard i < n else { break }
                    out[i] = assign(glyph: a.glyphs[i], text: Self.text(of: i, a, in: shaped),
                                    glyphText: a.texts[i])
                    i += 1
                }
            }
        }
        return shaped.eachGlyphHasText
    }

    /// The CID of glyph `i` of `a` (a run of `shaped`), given one if it has none yet: `encode` for a
    /// single glyph, for runs whose glyphs go to two fonts (`SharedFontSubsets`).
    mutating func code(at i: Int, _ a: ShapedGlyphs.Arrays, in shaped: ShapedGlyphs) -> UInt16 {
        let glyph = Int(a.glyphs[i])
        if glyph < cidForGlyph.count {
            let cid = cidForGlyph[glyph]
            if cid != 0, glyphTextForCID[Int(cid)] == a.texts[i] { return cid }
        }
        return assign(glyph: a.glyphs[i], text: Self.text(of: i, a, in: shaped), glyphText: a.texts[i])
    }

    /// The text glyph `i` of `a` stands for, in the text of `shaped`. A glyph that stands for one
    /// scalar (nearly every one) gets it from its `GlyphText`, without reading the run's text: cutting
    /// and decoding a piece of the text cost ~210 instructions a new CID, about 25 K a relevé.
    private static func text(of i: Int, _ a: ShapedGlyphs.Arrays, in shaped: ShapedGlyphs) -> String {
        let glyphText = a.texts[i]
        if let scalar = Unicode.Scalar(glyphText.scalar), UTF8.width(scalar) == Int(glyphText.length) {
            return String(scalar)
        }
        let start = Int(a.clusters[i]), length = Int(glyphText.length)
        var text = shaped.text
        return text.withUTF8 { utf8 in
            String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<(start + length)]), as: UTF8.self)
        }
    }

    /// `glyph`'s advance in thousandths of an em, rounded half away from zero.
    static func natural(_ face: Face, glyph: UInt16, upem: Double) -> Int32 {
        Int32(truncatingIfNeeded: ByteBuffer.roundedToInt(Double(face.advance(of: glyph)) * 1000 / upem))
    }

    private mutating func assign(glyph: UInt16, text: String, glyphText: GlyphText) -> UInt16 {
        if glyph == 0 { return 0 }
        if Int(glyph) >= cidForGlyph.count {
            cidForGlyph.append(contentsOf: repeatElement(0, count: Int(glyph) + 1 - cidForGlyph.count))
        }
        var last: UInt16 = 0
        var candidate = cidForGlyph[Int(glyph)]
        while candidate != 0 {
            if textForCID[Int(candidate)] == text { return candidate }
            last = candidate
            candidate = nextCIDForGlyph[Int(candidate)]
        }
        let cid = UInt16(numbering.next)
        numbering.next += 1
        // The CIDs other fonts took since this one's last: holes (no glyph, no text, no width).
        let holes = Int(cid) - glyphForCID.count
        if holes > 0 {
            glyphForCID.append(contentsOf: repeatElement(0, count: holes))
            textForCID.append(contentsOf: repeatElement("", count: holes))
            glyphTextForCID.append(contentsOf: repeatElement(GlyphText(length: 0, scalar: 0), count: holes))
            nextCIDForGlyph.append(contentsOf: repeatElement(0, count: holes))
            naturalForCID.append(contentsOf: repeatElement(0, count: holes))
        }
        glyphForCID.append(glyph)
        textForCID.append(text)
        glyphTextForCID.append(glyphText)
        nextCIDForGlyph.append(0)
        naturalForCID.append(Self.natural(face, glyph: glyph, upem: Double(face.unitsPerEm)))
        if last == 0 { cidForGlyph[Int(glyph)] = cid } else { nextCIDForGlyph[Int(last)] = cid }
        return cid
    }

    /// The distinct glyphs used, sorted, `.notdef` first.
    var sortedGlyphs: [UInt16] {
        // Sorted, then duplicates (a glyph drawn for two texts) dropped in place: a few dozen glyphs,
        // for which hashing each into a Set cost more than the sort. `glyphForCID[0]` is `.notdef`.
        var glyphs = glyphForCID
        glyphs.sort()
        var kept = 1
        for i in 1..<glyphs.count where glyphs[i] != glyphs[kept - 1] {
            glyphs[kept] = glyphs[i]
            kept += 1
        }
        glyphs.removeLast(glyphs.count - kept)
        return glyphs
    }
}

/// The next CID to give, shared by the fonts that number their glyphs together (a document's own
/// subsets). CID 0 is `.notdef` in every font.
final class CIDNumbering {
    var next = 1
}
