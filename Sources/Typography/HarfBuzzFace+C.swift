import CHarfBuzz

/// Owns the HarfBuzz blob, face and font of one font file. All three are made immutable after
/// creation, which makes them safe to share between threads for shaping and subsetting.
final class HarfBuzzFace: @unchecked Sendable {
    let blob: OpaquePointer
    let face: OpaquePointer
    let font: OpaquePointer
    /// The font bytes, kept alive for as long as HarfBuzz reads them (the blob does not copy).
    private let storage: UnsafeMutableBufferPointer<UInt8>

    init(bytes: [UInt8], path: String) throws(TypographyError) {
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        let raw = UnsafeRawPointer(storage.baseAddress!).assumingMemoryBound(to: CChar.self)
        blob = hb_blob_create_or_fail(raw, UInt32(bytes.count), HB_MEMORY_MODE_READONLY, nil, nil)
            ?? hb_blob_get_empty()
        let created = hb_face_create(blob, 0)!
        guard hb_face_get_glyph_count(created) > 0 else {
            hb_face_destroy(created)
            hb_blob_destroy(blob)
            storage.deallocate()
            throw TypographyError(.fontCorrupt, "\(path) has no glyphs HarfBuzz can read")
        }
        // Subsetting repeatedly from one face is much faster once its acceleration data is built.
        if let preprocessed = hb_subset_preprocess(created) {
            hb_face_destroy(created)
            face = preprocessed
        } else {
            face = created
        }
        hb_face_make_immutable(face)
        font = hb_font_create(face)
        hb_ot_font_set_funcs(font)
        hb_font_make_immutable(font)
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
        storage.deallocate()
    }

    var glyphCount: Int { Int(hb_face_get_glyph_count(face)) }

    func allAdvances() -> [Int32] {
        let n = glyphCount
        var glyphs = [hb_codepoint_t](0..<hb_codepoint_t(n))
        var out = [hb_position_t](repeating: 0, count: n)
        glyphs.withUnsafeMutableBufferPointer { g in
            out.withUnsafeMutableBufferPointer { o in
                hb_font_get_glyph_h_advances(font, UInt32(n), g.baseAddress, UInt32(MemoryLayout<hb_codepoint_t>.stride),
                                             o.baseAddress, UInt32(MemoryLayout<hb_position_t>.stride))
            }
        }
        return out.map { Int32($0) }
    }

    func coverage() -> ([UInt64], Set<UInt32>) {
        var bmp = [UInt64](repeating: 0, count: 1024)
        var astral = Set<UInt32>()
        let set = hb_set_create()
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(face, set)
        var cp: hb_codepoint_t = hb_codepoint_t.max  // HB_SET_VALUE_INVALID starts the iteration
        while hb_set_next(set, &cp) != 0 {
            if cp < 0x10000 { bmp[Int(cp >> 6)] |= 1 << UInt64(cp & 63) } else { astral.insert(cp) }
        }
        return (bmp, astral)
    }
}
