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
    private var aliases: [AliasKey: UInt16] = [:]

    private struct AliasKey: Hashable {
        let glyph: UInt16
        let text: String
    }

    init(face: Face, resourceName: String, ref: Ref) {
        self.face = face
        self.resourceName = resourceName
        self.ref = ref
        cidForGlyph = [UInt16](repeating: 0, count: face.glyphCount)
    }

    var cidCount: Int { glyphForCID.count }

    /// Writes the CID of each glyph of `run` into `codes`. Returns false when a glyph's text cannot be
    /// expressed by ToUnicode (several glyphs for one cluster): the caller then adds ActualText.
    mutating func encode(_ run: GlyphRun, into codes: inout [UInt16]) -> Bool {
        codes.removeAll(keepingCapacity: true)
        var exact = true
        var text = run.text
        text.withUTF8 { utf8 in
            let n = run.glyphs.count
            for i in 0..<n {
                let glyph = run.glyphs[i]
                let start = Int(run.clusters[i])
                let end = Self.clusterEnd(run.clusters, i, textLength: utf8.count)
                if end <= start { exact = false }
                let length = UInt32(max(0, end - start))
                let scalar = length > 0 ? Self.firstScalar(utf8, at: start) : 0
                let cid = cidForGlyph[Int(glyph)]
                if cid != 0 && scalarForCID[Int(cid)] == scalar && lengthForCID[Int(cid)] == length {
                    codes.append(cid)
                    continue
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<(start + Int(length))]), as: UTF8.self)
                codes.append(assign(glyph: glyph, text: text, scalar: scalar, length: length))
            }
        }
        return exact
    }

    private mutating func assign(glyph: UInt16, text: String, scalar: UInt32, length: UInt32) -> UInt16 {
        if glyph == 0 { return 0 }
        let key = AliasKey(glyph: glyph, text: text)
        if let cid = aliases[key] { return cid }
        let cid = UInt16(glyphForCID.count)
        glyphForCID.append(glyph)
        textForCID.append(text)
        scalarForCID.append(scalar)
        lengthForCID.append(length)
        aliases[key] = cid
        if cidForGlyph[Int(glyph)] == 0 { cidForGlyph[Int(glyph)] = cid }
        return cid
    }

    /// Where glyph `i`'s cluster ends in the text: the next different cluster value above it (runs are
    /// left-to-right or right-to-left), or the end of the text. Equal to the start for the second and
    /// later glyphs of a cluster, which carry no text of their own.
    static func clusterEnd(_ clusters: [UInt32], _ i: Int, textLength: Int) -> Int {
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
        var seen = Set<UInt16>(glyphForCID)
        seen.insert(0)
        return seen.sorted()
    }
}
