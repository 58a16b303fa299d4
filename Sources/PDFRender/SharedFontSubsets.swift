import Graphics
import PDFSyntax
import Synchronization
import Typography

/// Font subsets made once for a kind of document and embedded, byte for byte, in every document of
/// that kind. Built from the frames of a reference document (a layout's sample): for each face it drew,
/// the glyphs and texts it drew become a fixed subset, compressed once at the highest level, with its
/// widths, CIDToGIDMap and ToUnicode CMap. A document then draws each glyph from the shared subset when
/// it is there, and only the other glyphs (a name's letters the sample lacks) from a subset of its own,
/// a second font of the same face: on the relevé benchmark its own subsets hold one to nine glyphs
/// (four on average) instead of some sixty, and with them shrinks the work of subsetting and
/// compressing per document.
///
/// The output stays a function of its inputs: the shared subsets depend only on the reference frames
/// (so, for a layout, on its version, which covers its sample) and the fonts.
public final class SharedFontSubsets: Sendable {
    let subsets: [SharedSubset]

    /// - Parameter compressionLevel: the documents' level; 0 (no compression) stays 0, any other
    ///   compresses the shared programs at level 12, once.
    public init(frames: [Frame], fonts: FontRegistry, compressionLevel: Int32) throws(PDFRenderError) {
        var usages: [FontUsage] = []
        var codes: [UInt16] = []
        for frame in frames {
            for item in frame.items {
                guard case .glyphs(let run) = item, run.shaped.count > 0 else { continue }
                let i: Int
                if let found = usages.firstIndex(where: { $0.face.handle == run.font }) {
                    i = found
                } else {
                    i = usages.count
                    // Used only to number the reference's glyphs: no resource name, no object of its own.
                    usages.append(FontUsage(face: fonts.face(run.font), resourceName: "", ref: Ref(1)))
                }
                _ = usages[i].encode(run, into: &codes)
            }
        }
        let deflater = Deflater(level: compressionLevel == 0 ? 0 : 12)
        var subsets: [SharedSubset] = []
        for usage in usages where usage.cidCount > 1 {
            subsets.append(try SharedSubset(usage, deflater: deflater))
        }
        self.subsets = subsets
    }

    /// The shared subset of the face `handle`, if the reference document drew with it.
    func subset(for handle: FontHandle) -> SharedSubset? {
        subsets.first { $0.face.handle == handle }
    }

    /// Number of glyphs (with `.notdef`) in the shared subset of each face, for tests.
    public var glyphCounts: [FontHandle: Int] {
        Dictionary(uniqueKeysWithValues: subsets.map { ($0.face.handle, $0.glyphCount) })
    }
}

/// One face's shared subset: its CIDs (fixed, in the reference document's order of first use) and
/// every part of its font objects but their object numbers.
final class SharedSubset: Sendable {
    let face: Face
    let baseFont: String
    /// The first CID of each glyph (0: none), and the next CID of the same glyph for another text.
    let firstCID: [UInt16]
    let nextCID: [UInt16]
    let glyphTexts: [GlyphText]
    /// Each CID's advance in thousandths of an em, as /W gives it (`FontUsage.naturalForCID`).
    let naturalForCID: [Int32]
    /// The same advances as /W takes them.
    let widths: [Int]
    let glyphCount: Int
    let program: EncodedStream
    let programLength: Int
    let cidToGIDMap: EncodedStream
    let toUnicode: EncodedStream

    init(_ usage: FontUsage, deflater: Deflater) throws(PDFRenderError) {
        face = usage.face
        let glyphs = usage.sortedGlyphs
        let subset: FontSubset
        do throws(TypographyError) {
            subset = try Subsetter.subset(face, glyphs: glyphs)
        } catch {
            throw PDFRenderError(.fontEmbedding, "\(face.path): \(error.reason)")
        }
        let program = RenderCache.FontProgram(encoded: EncodedStream(subset.bytes, deflater), length: subset.bytes.count,
                                              glyphs: glyphs, newGlyphIDs: subset.newGlyphIDs, tag: 0)
        // Tagged apart from a document's own subset of the same glyphs: two fonts of one file never
        // share a name.
        var hash = StableHash()
        hash.update(face.digest)
        hash.update(UInt64(0x5348_4152_4544))  // "SHARED"
        for g in glyphs { hash.update(UInt64(g)) }
        baseFont = FontEmbedding.subsetTag(hash.finish().0) + "+" + face.postScriptName
        firstCID = usage.cidForGlyph
        nextCID = usage.nextCIDForGlyph
        glyphTexts = usage.glyphTextForCID
        naturalForCID = usage.naturalForCID
        widths = usage.naturalForCID.map { Int($0) }
        glyphCount = glyphs.count
        self.program = program.encoded
        programLength = program.length
        cidToGIDMap = EncodedStream(FontEmbedding.cidToGIDMap([(usage, program)]), deflater)
        toUnicode = EncodedStream(FontEmbedding.toUnicodeCMap(usage.textForCID), deflater)
    }

    /// The TJ operations (`[(…)…]TJ`) written for runs drawn from this subset alone, by the identity
    /// of their shaped glyphs: a cached paragraph's lines are drawn in many documents with the same
    /// CIDs and adjustments each time, so they are encoded once. Shared by the threads that render
    /// documents of this kind.
    private let showOperations = Mutex(ShowOperations())

    /// The TJ operation written earlier for `shaped`, if any.
    func showOperation(for shaped: ShapedGlyphs) -> [UInt8]? {
        showOperations.withLock { $0[shaped] }
    }

    /// Remembers the TJ operation just written for `shaped`, drawn from this subset alone.
    func remember(showOperation bytes: ArraySlice<UInt8>, for shaped: ShapedGlyphs) {
        let copy = Array(bytes)
        showOperations.withLock { $0.insert(shaped, copy) }
    }

    /// The CID of `glyph` drawn for `text`, or nil when the shared subset does not hold that pair.
    /// Glyph 0 (`.notdef`) is CID 0 of every font.
    @inline(__always)
    func cid(glyph: UInt16, text: GlyphText) -> UInt16? {
        if glyph == 0 { return 0 }
        guard Int(glyph) < firstCID.count else { return nil }
        var cid = firstCID[Int(glyph)]
        while cid != 0 {
            if glyphTexts[Int(cid)] == text { return cid }
            cid = nextCID[Int(cid)]
        }
        return nil
    }

    /// Writes the CIDs of the glyphs of `shaped` into `codes` (already long enough) up to the first
    /// glyph this subset lacks; returns that glyph's index, or the glyph count.
    func encode(_ shaped: ShapedGlyphs, into codes: inout [UInt16]) -> Int {
        codes.withUnsafeMutableBufferPointer { out in
            firstCID.withUnsafeBufferPointer { first in
                glyphTexts.withUnsafeBufferPointer { textOf in
                    shaped.withArrays { a in
                        for i in 0..<a.count {
                            let glyph = Int(a.glyphs[i])
                            guard glyph < first.count else { return i }
                            let cid = first[glyph]
                            if cid != 0 && textOf[Int(cid)] == a.texts[i] {
                                out[i] = cid
                            } else if glyph == 0 {
                                out[i] = 0
                            } else if let other = self.cid(glyph: a.glyphs[i], text: a.texts[i]) {
                                out[i] = other
                            } else {
                                return i
                            }
                        }
                        return a.count
                    }
                }
            }
        }
    }

    func write(into file: inout PDFFileWriter, ref: Ref) {
        let cidMap = file.allocate(), toUnicodeRef = file.allocate()
        FontEmbedding.writeObjects(into: &file, ref: ref, face: face, baseFont: baseFont,
                                   widths: widths, program: program,
                                   programLength: programLength, cidToGIDMap: cidMap, toUnicode: toUnicodeRef)
        file.encodedStream(cidMap, cidToGIDMap)
        file.encodedStream(toUnicodeRef, toUnicode)
    }
}

/// TJ operations by the identity of the shaped glyphs they draw (`ShapedGlyphs.identity`), in a
/// `DigestTable` whose digest is the identity's address: hashed by one multiplication instead of a
/// dictionary's SipHash (the lookup runs for every line of every document). An entry keeps its glyphs
/// alive, so their identity cannot pass to other glyphs while it is here. Emptied when full, like the
/// layout caches.
struct ShowOperations {
    /// Shaped glyphs, equal only to themselves and their copies.
    struct Key: Digested, @unchecked Sendable {
        // @unchecked for the same reason as `ShapedGlyphs`: immutable once made.
        let glyphs: ShapedGlyphs
        let digest: UInt64

        init(_ glyphs: ShapedGlyphs) {
            self.glyphs = glyphs
            digest = UInt64(UInt(bitPattern: glyphs.identity))
        }

        static func == (a: Key, b: Key) -> Bool { a.glyphs.identity == b.glyphs.identity }
    }

    private var table = DigestTable<Key, [UInt8]>()
    static let limit = 1 << 16
    var count: Int { table.count }

    subscript(glyphs: ShapedGlyphs) -> [UInt8]? {
        let id = glyphs.identity
        return table.get(digest: UInt64(UInt(bitPattern: id))) { $0.glyphs.identity == id }
    }

    mutating func insert(_ glyphs: ShapedGlyphs, _ bytes: [UInt8]) {
        if table.count >= Self.limit { table.removeAll() }
        table.put(Key(glyphs), bytes)
    }
}
