import CHarfBuzz
import Synchronization

/// A TrueType subset: the font program and, for each kept glyph, its new glyph id.
public struct FontSubset: Sendable {
    public let bytes: [UInt8]
    /// New glyph id of each requested glyph, in the order the glyphs were requested.
    public let newGlyphIDs: [UInt16]
}

/// Makes a TrueType subset of a face with hb-subset. Hinting and layout tables are dropped: shaping
/// is done before embedding, and PDF readers rasterise unhinted outlines well. So are `cmap`, `name`,
/// `post`, `OS/2` and `gasp`: a CIDFontType2 reaches glyphs through CIDToGIDMap and takes its metrics
/// from the PDF (ISO 32000-1 §9.9 lists the tables a reader needs), which saves 0.5 KB per font;
/// poppler, MuPDF and PDFium render and extract such subsets. `.notdef` (glyph 0) is
/// always kept and stays glyph 0. Glyphs are renumbered compactly (the PDF's CIDToGIDMap says where
/// each CID went), which keeps `loca` and `hmtx` small.
public enum Subsetter {
    /// - Parameter standalone: keep the tables a font needs outside a PDF (`cmap`, `name`, `post`,
    ///   `OS/2`), for a subset to be loaded as a font of its own (tests build a Latin-only face so).
    public static func subset(_ face: Face, glyphs: [UInt16], standalone: Bool = false) throws(TypographyError) -> FontSubset {
        if standalone {
            guard let input = hb_subset_input_create_or_fail() else {
                throw TypographyError(.subsetFailed, "hb-subset could not start for \(face.path)")
            }
            defer { hb_subset_input_destroy(input) }
            configure(input, pdfOnly: false)
            return try subset(face.hb.face, input: input, glyphs: glyphs, path: face.path)
        }
        // PDF subsets take a configured input from a pool: inputs differ only by their glyph set,
        // which is emptied and refilled here, so a reused input plans exactly what a new one would.
        let input = try inputs.take(path: face.path)
        defer { inputs.give(input) }
        hb_set_clear(hb_subset_input_glyph_set(input.pointer))
        return try subset(face.hb.face, input: input.pointer, glyphs: glyphs, path: face.path)
    }

    /// Flags and dropped tables shared by every subset.
    static func configure(_ input: OpaquePointer, pdfOnly: Bool) {
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        let pdfTables = pdfOnly ? ["name", "post", "cmap", "OS/2", "gasp"] : []
        for tag in ["GSUB", "GPOS", "GDEF", "kern", "BASE", "JSTF", "MATH", "hdmx", "VDMX", "LTSH", "DSIG", "FFTM"] + pdfTables {
            hb_set_add(drop, tagValue(tag))
        }
    }

    private static let inputs = SubsetInputPool()

    private static func subset(_ source: OpaquePointer, input: OpaquePointer, glyphs: [UInt16],
                               path: String) throws(TypographyError) -> FontSubset {
        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_add(glyphSet, 0)
        for g in glyphs { hb_set_add(glyphSet, hb_codepoint_t(g)) }
        guard let plan = hb_subset_plan_create_or_fail(source, input) else {
            throw TypographyError(.subsetFailed, "hb-subset could not plan a subset of \(path)")
        }
        defer { hb_subset_plan_destroy(plan) }
        let map = hb_subset_plan_old_to_new_glyph_mapping(plan)
        var newIDs: [UInt16] = []
        newIDs.reserveCapacity(glyphs.count)
        for g in glyphs {
            let new = hb_map_get(map, hb_codepoint_t(g))
            guard new != hb_codepoint_t.max else {
                throw TypographyError(.subsetFailed, "glyph \(g) of \(path) did not survive subsetting")
            }
            newIDs.append(UInt16(truncatingIfNeeded: new))
        }
        guard let subsetFace = hb_subset_plan_execute_or_fail(plan) else {
            throw TypographyError(.subsetFailed, "hb-subset failed on \(path) for \(glyphs.count) glyphs")
        }
        defer { hb_face_destroy(subsetFace) }
        let blob = hb_face_reference_blob(subsetFace)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            throw TypographyError(.subsetFailed, "hb-subset produced an empty font from \(path)")
        }
        let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
        return FontSubset(bytes: bytes, newGlyphIDs: newIDs)
    }

    static func tagValue(_ s: String) -> hb_codepoint_t {
        s.utf8.reduce(0) { $0 << 8 | hb_codepoint_t($1) }
    }
}

/// One `hb_subset_input_t` configured for PDF subsets, owned so that `deinit` frees it.
final class SubsetInput: @unchecked Sendable {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { hb_subset_input_destroy(pointer) }
}

/// Configured inputs kept between subsets: making one (default name ids, dropped tables, flags) cost
/// about as much as planning a small subset. A thread takes one for the duration of a subset, so no
/// input is ever used by two threads at once; at most a few per worker thread are kept.
final class SubsetInputPool: Sendable {
    private let free = Mutex<[SubsetInput]>([])

    func take(path: String) throws(TypographyError) -> SubsetInput {
        if let input = free.withLock({ $0.popLast() }) { return input }
        guard let pointer = hb_subset_input_create_or_fail() else {
            throw TypographyError(.subsetFailed, "hb-subset could not start for \(path)")
        }
        Subsetter.configure(pointer, pdfOnly: true)
        return SubsetInput(pointer: pointer)
    }

    func give(_ input: SubsetInput) {
        free.withLock { if $0.count < 16 { $0.append(input) } }
    }
}
