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
    private(set) var cidForGlyph: [UInt16]
    private(set) var glyphForCID: [UInt16] = [0]
    private(set) var textForCID: [String] = [""]
    private var scalarForCID: [UInt32] = [0]
    private var lengthForCID: [UInt32] = [0]
    /// The CIDs of one glyph form a chain: `cidForGlyph` gives its first CID and `nextCIDForGlyph[cid]`
    /// the next one (0 ends the chain). A glyph has one CID per text it is drawn for, rarely more than
    /// two, so walking the chain finds the (glyph, text) pair's CID faster than hashing the text would.
    private var nextCIDForGlyph: [UInt16] = [0]
    /// Each CID's glyph advance in thousandths of an em, rounded as the /W array gives it: computed
    /// once per CID instead of once per glyph drawn (the TJ adjustments compare every glyph with it).
    private(set) var naturalForCID: [Int32]

    init(face: Face, resourceName: String, ref: Ref) {
        self.face = face
        self.resourceName = resourceName
        self.ref = ref
        // Grown on demand up to the highest glyph drawn (`assign`): zero-filling an entry for every glyph
        // of the face cost more, per document, than the whole lookup.
        cidForGlyph = []
        naturalForCID = [Self.natural(face, glyph: 0, upem: Double(face.unitsPerEm))]
        // A document draws some dozens of distinct glyphs a face: room for them from the start spares
        // the six per-CID arrays their successive regrowths (one allocation and copy each).
        let expected = 128
        glyphForCID.reserveCapacity(expected)
        textForCID.reserveCapacity(expected)
        scalarForCID.reserveCapacity(expected)
        lengthForCID.reserveCapacity(expected)
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
        let n = shaped.glyphs.count
        if codes.count < n { codes.append(contentsOf: repeatElement(0, count: n - codes.count)) }
        var exact = true
        var text = shaped.text
        // Buffer pointers rather than the arrays, and `codes` sized first and filled in place: this loop
        // runs for every glyph drawn, and each append paid a runtime uniqueness check and a capacity check.
        text.withUTF8 { utf8 in
            shaped.glyphs.withUnsafeBufferPointer { glyphs in
                shaped.clusters.withUnsafeBufferPointer { clusters in
                    codes.withUnsafeMutableBufferPointer { out in
                        var i = 0
                        while i < n {
                            // Glyphs already given a CID for the same text, the common case, read
                            // through buffer pointers up to the first one that needs `assign`.
                            i = cidForGlyph.withUnsafeBufferPointer { cidOf in
                                scalarForCID.withUnsafeBufferPointer { scalarOf in
                                    lengthForCID.withUnsafeBufferPointer { lengthOf in
                                        var k = i
                                        while k < n {
                                            let glyph = Int(glyphs[k])
                                            let (length, scalar) = Self.cluster(of: k, clusters, utf8, exact: &exact)
                                            guard glyph < cidOf.count else { return k }
                                            let cid = cidOf[glyph]
                                            guard cid != 0, scalarOf[Int(cid)] == scalar, lengthOf[Int(cid)] == length else {
                                                return k
                                            }
                                            out[k] = cid
                                            k += 1
                                        }
                                        return n
                                    }
                                }
                            }
                            guard i < n else { break }
                            let (length, scalar) = Self.cluster(of: i, clusters, utf8, exact: &exact)
                            let start = Int(clusters[i])
                            let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<(start + Int(length))]),
                                              as: UTF8.self)
                            out[i] = assign(glyph: glyphs[i], text: text, scalar: scalar, length: length)
                            i += 1
                        }
                    }
                }
            }
        }
        return exact
    }

    /// `glyph`'s advance in thousandths of an em, rounded half away from zero.
    static func natural(_ face: Face, glyph: UInt16, upem: Double) -> Int32 {
        Int32(truncatingIfNeeded: ByteBuffer.roundedToInt(Double(face.advance(of: glyph)) * 1000 / upem))
    }

    private mutating func assign(glyph: UInt16, text: String, scalar: UInt32, length: UInt32) -> UInt16 {
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
        let cid = UInt16(glyphForCID.count)
        glyphForCID.append(glyph)
        textForCID.append(text)
        scalarForCID.append(scalar)
        lengthForCID.append(length)
        nextCIDForGlyph.append(0)
        naturalForCID.append(Self.natural(face, glyph: glyph, upem: Double(face.unitsPerEm)))
        if last == 0 { cidForGlyph[Int(glyph)] = cid } else { nextCIDForGlyph[Int(last)] = cid }
        return cid
    }

    /// The UTF-8 length and first scalar of the text glyph `i` stands for (0 and 0 for the second and
    /// later glyphs of a cluster); clears `exact` when the glyph carries no text of its own.
    @inline(__always)
    static func cluster(of i: Int, _ clusters: UnsafeBufferPointer<UInt32>, _ utf8: UnsafeBufferPointer<UInt8>,
                        exact: inout Bool) -> (length: UInt32, scalar: UInt32) {
        let start = Int(clusters[i])
        let end = clusterEnd(clusters, i, textLength: utf8.count)
        if end <= start { exact = false }
        let length = UInt32(max(0, end - start))
        return (length, length > 0 ? firstScalar(utf8, at: start) : 0)
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
