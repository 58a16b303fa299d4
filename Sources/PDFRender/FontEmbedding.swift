import PDFSyntax
import Typography

/// Writes one used face as a Type 0 font over a CIDFontType2 (ISO 32000-1 §9.7), Identity-H
/// encoded, with its subset program, `/W` widths, CIDToGIDMap and ToUnicode CMap. The subset program
/// is cached by glyph set across documents: a batch of statements embeds the same subset many times
/// but subsets and compresses it once.
struct FontEmbedding {
    let usage: FontUsage
    let cache: RenderCache
    let deflater: Deflater
    /// Glyph ids are subset in aligned blocks of this many (1 = exactly the glyphs used).
    let granularity: Int

    /// The subset program of the glyphs this document drew with the face (made once per glyph set).
    func program() throws(PDFRenderError) -> RenderCache.FontProgram {
        let face = usage.face
        let glyphs = Self.rounded(usage.sortedGlyphs, granularity: granularity, glyphCount: face.glyphCount)
        var hash = StableHash()
        hash.update(face.digest)
        for g in glyphs { hash.update(UInt64(g)) }
        let (h1, h2) = hash.finish()
        return try cache.fontProgram(RenderCache.Key(level: deflater.level, a: h1, b: h2)) {
            () throws(PDFRenderError) -> RenderCache.FontProgram in
            let subset: FontSubset
            do throws(TypographyError) {
                subset = try Subsetter.subset(face, glyphs: glyphs)
            } catch {
                throw PDFRenderError(.fontEmbedding, "\(face.path): \(error.reason)")
            }
            return RenderCache.FontProgram(encoded: EncodedStream(subset.bytes, deflater), length: subset.bytes.count,
                                           glyphs: glyphs, newGlyphIDs: subset.newGlyphIDs, tag: h1)
        }
    }

    /// Writes the font's objects but its CIDToGIDMap and ToUnicode CMap, which the document's own fonts
    /// share (`cidToGIDMap(_:_:)`, `toUnicodeCMap(_:)`): their CIDs are numbered apart.
    func write(into file: inout PDFFileWriter, program: RenderCache.FontProgram, cidToGIDMap: Ref, toUnicode: Ref) {
        let baseFont = Self.subsetTag(program.tag) + "+" + usage.face.postScriptName
        // The advances the drawing code already rounded for its TJ adjustments: the same numbers.
        let widths = usage.naturalForCID.map { Int($0) }
        Self.writeObjects(into: &file, ref: usage.ref, face: usage.face, baseFont: baseFont, widths: widths,
                          program: program.encoded, programLength: program.length,
                          cidToGIDMap: cidToGIDMap, toUnicode: toUnicode)
    }

    /// The objects of one font: the Type 0 font at `ref`, its CIDFont, descriptor, program, CIDToGIDMap
    /// and ToUnicode CMap, given by reference (the caller writes them, maybe shared with other fonts).
    static func writeObjects(into file: inout PDFFileWriter, ref: Ref, face: Face, baseFont: String, widths: [Int],
                             program: EncodedStream, programLength: Int, cidToGIDMap cidMap: Ref, toUnicode toUnicodeRef: Ref) {
        let cidFont = file.allocate(), descriptor = file.allocate(), fontFile = file.allocate()

        file.write(ref, as: Type0Font.self) { f in
            f.baseFont(baseFont)
            f.identityH()
            f.descendantFont(cidFont)
            f.toUnicode(toUnicodeRef)
        }
        file.write(cidFont, as: CIDFont.self) { f in
            f.baseFont(baseFont)
            f.identitySystemInfo()
            f.fontDescriptor(descriptor)
            f.defaultWidth(0)
            f.widths([(first: 0, widths: widths)])
            f.cidToGIDMap(cidMap)
        }
        let k = 1000 / Double(face.unitsPerEm)
        let bbox = face.boundingBox
        file.write(descriptor, as: FontDescriptor.self) { d in
            d.fontName(baseFont)
            // Symbolic (bit 3): glyphs are reached through CIDs, not a standard encoding; plus FixedPitch
            // (bit 1) and Italic (bit 7) from the font (§9.8.2).
            d.flags(4 | (face.isFixedPitch ? 1 : 0) | (face.isItalic ? 64 : 0))
            d.fontBBox((Double(bbox.xMin) * k, Double(bbox.yMin) * k, Double(bbox.xMax) * k, Double(bbox.yMax) * k))
            d.italicAngle(face.italicAngle)
            d.ascent(Double(face.ascender) * k)
            d.descent(Double(face.descender) * k)
            d.capHeight(Double(face.capHeight) * k)
            d.stemV(face.isBold ? 140 : 80)
            d.fontFile2(fontFile)
        }
        file.stream(fontFile, data: program.bytes) { d in
            d.pair("Length1", int: programLength)
            if program.filtered { d.pair("Filter", name: "FlateDecode") }
        }
    }

    /// Two bytes per CID: the glyph id the CID's glyph got in its font's subset (§9.7.4.2), for fonts
    /// whose CIDs are numbered apart (`CIDNumbering`): each CID belongs to one of them.
    static func cidToGIDMap(_ fonts: [(usage: FontUsage, program: RenderCache.FontProgram)]) -> [UInt8] {
        let count = fonts.map(\.usage.cidCount).max() ?? 1
        var out = [UInt8](repeating: 0, count: count * 2)
        for (usage, program) in fonts {
            for cid in 1..<max(1, usage.cidCount) {
                let glyph = usage.glyphForCID[cid]
                guard glyph != 0 else { continue }  // another font's CID
                var lo = 0, hi = program.glyphs.count - 1, newID: UInt16 = 0
                while lo <= hi {
                    let mid = (lo + hi) / 2
                    if program.glyphs[mid] == glyph { newID = program.newGlyphIDs[mid]; break }
                    if program.glyphs[mid] < glyph { lo = mid + 1 } else { hi = mid - 1 }
                }
                out[cid * 2] = UInt8(newID >> 8)
                out[cid * 2 + 1] = UInt8(newID & 0xFF)
            }
        }
        return out
    }

    /// The text of every CID of fonts numbered apart: each CID's text comes from the font it belongs to.
    static func texts(_ usages: [FontUsage]) -> [String] {
        guard usages.count > 1 else { return usages.first?.textForCID ?? [""] }
        var texts = [String](repeating: "", count: usages.map(\.cidCount).max() ?? 1)
        for usage in usages {
            for (cid, text) in usage.textForCID.enumerated() where !text.isEmpty { texts[cid] = text }
        }
        return texts
    }

    /// The ToUnicode CMap (§9.10.3): each CID to the UTF-16BE text of the cluster it was drawn for
    /// (`textForCID`, "" for a CID without text).
    static func toUnicodeCMap(_ textForCID: [String]) -> [UInt8] {
        var b = ByteBuffer(capacity: 256 + textForCID.count * 16)
        // The fixed header in one copy (`append(raw:)` goes byte by byte, for short constants).
        Self.cmapHeader.withUTF8Buffer { b.bytes.append(contentsOf: $0) }
        // Blocks of at most 100 entries (§9.10.3 and Adobe TN 5014); each block's entries are written
        // first and its count put in front after, so the CIDs with text are found in one pass.
        textForCID.withUnsafeBufferPointer { texts in
            var cid = 1
            while cid < texts.count {
                var entries = ByteBuffer(capacity: 100 * 16)
                var n = 0
                while cid < texts.count && n < 100 {
                    let text = texts[cid]
                    if !text.isEmpty {
                        // `<cccc> <uuuu…>\n`: four hex digits per UTF-16 unit, and a text has at most
                        // as many UTF-16 units as UTF-8 bytes.
                        let c = UInt16(cid)
                        entries.write(upTo: 10 + 4 * text.utf8.count) { w in
                            w.byte(UInt8(ascii: "<"))
                            Self.writeHex16(c, to: &w)
                            w.raw("> <")
                            for unit in text.utf16 { Self.writeHex16(unit, to: &w) }
                            w.raw(">\n")
                        }
                        n += 1
                    }
                    cid += 1
                }
                guard n > 0 else { break }
                b.append(int: n)
                b.append(raw: " beginbfchar\n")
                b.bytes.append(contentsOf: entries.bytes)
                b.append(raw: "endbfchar\n")
            }
        }
        b.append(raw: "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return b.bytes
    }

    private static let cmapHeader: StaticString = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """

    /// Four upper-case hex digits, as `<…>` strings in a CMap want them.
    private static func writeHex16(_ v: UInt16, to w: inout PointerWriter) {
        w.byte(ByteBuffer.hexDigit(UInt8(v >> 12)))
        w.byte(ByteBuffer.hexDigit(UInt8(v >> 8 & 0xF)))
        w.byte(ByteBuffer.hexDigit(UInt8(v >> 4 & 0xF)))
        w.byte(ByteBuffer.hexDigit(UInt8(v & 0xF)))
    }

    /// Rounds the glyph set up to whole aligned blocks of `granularity` glyph ids. Documents of a batch
    /// then share a few glyph sets instead of each having its own, so the subset (hb-subset, then
    /// deflate) is made once per run and reused from the cache: the price is a few unused glyphs.
    static func rounded(_ glyphs: [UInt16], granularity: Int, glyphCount: Int) -> [UInt16] {
        guard granularity > 1 else { return glyphs }
        var out: [UInt16] = []
        var lastBlock = -1
        for g in glyphs {
            let block = Int(g) / granularity
            guard block != lastBlock else { continue }
            lastBlock = block
            let end = min(glyphCount, (block + 1) * granularity)
            for id in (block * granularity)..<end { out.append(UInt16(id)) }
        }
        return out
    }

    /// Six capital letters from the glyph-set hash (§9.6.4): stable across runs, different per subset.
    static func subsetTag(_ h: UInt64) -> String {
        var v = h
        var s = ""
        for _ in 0..<6 {
            s.append(Character(Unicode.Scalar(UInt8(65 + v % 26))))
            v /= 26
        }
        return s
    }
}

/// A stream's data as it goes into the file: Flate-encoded, or stored as is when too short for that to
/// pay (`Deflater.storedBelow`). Made once, it can be written into many documents.
struct EncodedStream: Sendable {
    let bytes: [UInt8]
    let filtered: Bool

    init(_ data: [UInt8], _ deflater: Deflater) {
        if let encoded = deflater.compressUnlessSmall(data) {
            bytes = encoded
            filtered = true
        } else {
            bytes = data
            filtered = false
        }
    }
}

extension PDFFileWriter {
    /// Writes an encoded stream with no other dictionary entry than its filter.
    mutating func encodedStream(_ ref: Ref, _ encoded: EncodedStream) {
        stream(ref, data: encoded.bytes) { d in
            if encoded.filtered { d.pair("Filter", name: "FlateDecode") }
        }
    }

    /// Writes `data` as a stream, Flate-encoded unless it is too short for that to pay
    /// (`Deflater.storedBelow`): then stored as is, without `/Filter`, which every reader reads (§7.3.8.2).
    mutating func flateStream(_ ref: Ref, data: [UInt8], deflater: Deflater, _ dict: (inout DictWriter) -> Void) {
        guard let encoded = deflater.compressUnlessSmall(data) else {
            stream(ref, data: data, dict)
            return
        }
        stream(ref, data: encoded) { d in
            dict(&d)
            d.pair("Filter", name: "FlateDecode")
        }
    }
}
