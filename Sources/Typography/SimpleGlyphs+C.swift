import CHarfBuzz

/// The characters of one face that shape to their own nominal glyph and advance whatever surrounds
/// them, so a string made only of them is shaped by concatenation, without HarfBuzz (the "simple
/// text" path browsers have). Built once per face on first use, immutable after, shared by threads.
///
/// Why concatenation is exact. A character is simple when:
/// - it is in a conservative Latin / punctuation / currency range, is Latin or Common script, and is
///   no mark, format character, separator or default-ignorable: HarfBuzz's normalisation, cluster
///   forming, mark zeroing and fallback positioning then treat it as its own cluster;
/// - its nominal (cmap) glyph is in none of the glyph sets (before, input, after, output) of any
///   lookup of GSUB or GPOS — for mark-attachment lookups, in none of their mark coverages, see
///   `markAttachmentCoverages` — nor in any pair of a legacy `kern` table (unless GPOS has `kern` in
///   every language system, when HarfBuzz never applies that table), and GDEF does not class it as a
///   mark. HarfBuzz tries a lookup subtable at a position only when the glyph there is in its
///   coverage, which `hb_ot_layout_lookup_collect_glyphs` puts in the input set (so the union over
///   all lookups covers every script, language and feature selection, and lookups nested in
///   contextual ones); a mark attachment starts only from a glyph of its mark coverage; a `kern` pair
///   needs both its glyphs. So in a string of simple characters no lookup and no kern pair applies
///   anywhere;
/// - shaped alone (same buffer settings as `Shaper.shape`) it gives exactly that glyph, its `hmtx`
///   advance and no offset: what is left of shaping without lookups is per character.
/// Faces with AAT tables (`morx`, `mort`, `kerx`, `trak`), which HarfBuzz shapes differently, get no
/// simple characters at all, as do faces whose `kern` table HarfBuzz may apply and is not in the one
/// form read here (version 0, format 0 subtables).
final class SimpleGlyphs: Sendable {
    /// Simple code points are all below this: a flat table indexed by code point.
    static let limit: UInt32 = 0x2213

    /// The code point ranges considered at all (inclusive).
    static let candidates: [ClosedRange<UInt32>] = [
        0x0020...0x007E, 0x00A0...0x024F, 0x2010...0x2027, 0x202F...0x202F, 0x2030...0x205E, 0x20A0...0x20CF,
        0x2212...0x2212,  // MINUS SIGN, of negative amounts
    ]

    /// Nominal glyph per code point below `limit`, 0 (.notdef, never simple) when not simple; empty
    /// when the face has no simple path.
    let glyphs: [UInt16]
    /// Advance per code point below `limit`, in font units (meaningful where `glyphs` is not 0).
    let advances: [Int32]

    /// The simple code points, in order (for tests).
    var codePoints: [UInt32] {
        glyphs.indices.filter { glyphs[$0] != 0 }.map { UInt32($0) }
    }

    init(face: Face) {
        guard let excluded = Self.excludedGlyphs(face.hb) else {
            (glyphs, advances) = ([], [])
            return
        }
        defer { hb_set_destroy(excluded) }
        var glyphs = [UInt16](repeating: 0, count: Int(Self.limit))
        var advances = [Int32](repeating: 0, count: Int(Self.limit))
        for range in Self.candidates {
            for v in range {
                guard let glyph = Self.simpleGlyph(v, face: face, excluded: excluded) else { continue }
                glyphs[Int(v)] = glyph
                advances[Int(v)] = face.advance(of: glyph)
            }
        }
        (self.glyphs, self.advances) = (glyphs, advances)
    }

    /// The glyph of `v` when it is simple in `face`.
    private static func simpleGlyph(_ v: UInt32, face: Face, excluded: OpaquePointer) -> UInt16? {
        guard let scalar = Unicode.Scalar(v), isSimpleCharacter(scalar) else { return nil }
        var nominal: hb_codepoint_t = 0
        guard hb_font_get_nominal_glyph(face.hb.font, v, &nominal) != 0, nominal != 0, nominal <= 0xFFFF,
              hb_set_has(excluded, nominal) == 0,
              hb_ot_layout_get_glyph_class(face.hb.face, nominal) != HB_OT_LAYOUT_GLYPH_CLASS_MARK
        else { return nil }
        let glyph = UInt16(nominal)
        let text = String(Character(scalar))
        for script in [nil, HB_SCRIPT_LATIN.rawValue] {
            let alone = Shaper.shapeWithHarfBuzz(text, face: face, language: "fr", script: script)
            guard alone.glyphs == [glyph], alone.advances == [face.advance(of: glyph)], alone.offsets.isEmpty,
                  alone.clusters == [0], !alone.isRightToLeft
            else { return nil }
        }
        return glyph
    }

    /// Letters, digits, punctuation, symbols and spaces of the Latin or Common script: never a mark
    /// (which HarfBuzz attaches to the character before), a format or control character, a line or
    /// paragraph separator, or a default-ignorable (which HarfBuzz hides).
    private static func isSimpleCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let funcs = hb_unicode_funcs_get_default()
        let script = hb_unicode_script(funcs, scalar.value)
        guard script == HB_SCRIPT_LATIN || script == HB_SCRIPT_COMMON else { return false }
        if scalar.properties.isDefaultIgnorableCodePoint { return false }
        // HarfBuzz's own character data, the one its shaping follows (the candidate ranges hold no
        // surrogate or private-use code point).
        switch hb_unicode_general_category(funcs, scalar.value) {
        case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK, HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK,
             HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK, HB_UNICODE_GENERAL_CATEGORY_FORMAT,
             HB_UNICODE_GENERAL_CATEGORY_CONTROL, HB_UNICODE_GENERAL_CATEGORY_UNASSIGNED,
             HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR, HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR:
            return false
        default:
            return true
        }
    }

    // MARK: Glyphs some lookup or kern pair may touch

    private static let gsub: hb_tag_t = 0x4753_5542  // 'GSUB'
    static let gpos: hb_tag_t = 0x4750_4F53  // 'GPOS'
    private static let kern: hb_tag_t = 0x6B65_726E  // 'kern'
    /// 'morx', 'mort', 'kerx', 'trak'.
    private static let aat: [hb_tag_t] = [0x6D6F_7278, 0x6D6F_7274, 0x6B65_7278, 0x7472_616B]

    private static func hasTable(_ face: OpaquePointer, _ tag: hb_tag_t) -> Bool {
        let blob = hb_face_reference_table(face, tag)
        defer { hb_blob_destroy(blob) }
        return hb_blob_get_length(blob) > 0
    }

    /// Every glyph of every lookup of GSUB and GPOS and of every pair of `kern`, as an `hb_set_t` the
    /// caller destroys; nil when the face must have no simple path.
    private static func excludedGlyphs(_ hb: HarfBuzzFace) -> OpaquePointer? {
        let face = hb.face
        // AAT: HarfBuzz shapes with `morx`/`mort` instead of GSUB, `kerx` instead of GPOS, and `trak`.
        for table in aat where hasTable(face, table) { return nil }
        let excluded = hb_set_create()!
        let sets = (0..<4).map { _ in hb_set_create()! }
        defer { sets.forEach { hb_set_destroy($0) } }
        let markLookups = markAttachmentCoverages(face)
        for table in [gsub, gpos] {
            for lookup in 0..<hb_ot_layout_table_get_lookup_count(face, table) {
                if table == gpos, let marks = markLookups[lookup] {
                    marks.forEach { hb_set_add(excluded, $0) }
                } else {
                    hb_ot_layout_lookup_collect_glyphs(face, table, lookup, sets[0], sets[1], sets[2], sets[3])
                }
            }
        }
        sets.forEach { hb_set_union(excluded, $0) }
        guard gposKernsEverywhere(face) || addKernPairs(face, to: excluded),
              hb_set_allocation_successful(excluded) != 0
        else {
            hb_set_destroy(excluded)
            return nil
        }
        return excluded
    }

    /// Whether GPOS has a `latn` script and a `kern` feature in every language system of every script,
    /// so that HarfBuzz never applies the legacy `kern` table to Latin or Common text (it does only
    /// when the language system it selects has no GPOS `kern`, hb-ot-shape.cc `has_gpos_kern`).
    static func gposKernsEverywhere(_ face: OpaquePointer) -> Bool {
        let latn: hb_tag_t = 0x6C61_746E, kernFeature: hb_tag_t = kern
        let scripts = tags { start, count, out in hb_ot_layout_table_get_script_tags(face, gpos, start, count, out) }
        guard scripts.contains(latn) else { return false }
        for script in 0..<UInt32(scripts.count) {
            let languages = tags { start, count, out in
                hb_ot_layout_script_get_language_tags(face, gpos, script, start, count, out)
            }
            let defaultLanguage: UInt32 = 0xFFFF  // HB_OT_LAYOUT_DEFAULT_LANGUAGE_INDEX
            for language in [defaultLanguage] + (0..<UInt32(languages.count)) {
                let features = tags { start, count, out in
                    hb_ot_layout_language_get_feature_tags(face, gpos, script, language, start, count, out)
                }
                if !features.contains(kernFeature) { return false }
            }
        }
        return true
    }

    /// All the tags a HarfBuzz `get_…_tags` function gives, read in one call once the total is known.
    private static func tags(
        _ get: (UInt32, UnsafeMutablePointer<UInt32>, UnsafeMutablePointer<hb_tag_t>?) -> UInt32
    ) -> [hb_tag_t] {
        var zero: UInt32 = 0
        let total = get(0, &zero, nil)
        var count = total
        var out = [hb_tag_t](repeating: 0, count: Int(total))
        _ = out.withUnsafeMutableBufferPointer { get(0, &count, $0.baseAddress) }
        return Array(out.prefix(Int(count)))
    }

    /// Adds both glyphs of every pair of the OpenType `kern` table (version 0, format 0 subtables,
    /// which HarfBuzz applies when GPOS has no `kern` feature for the script). False when the table is
    /// in a form not read here (Apple's version 1, other formats, inconsistent lengths).
    private static func addKernPairs(_ face: OpaquePointer, to set: OpaquePointer) -> Bool {
        let blob = hb_face_reference_table(face, kern)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return true }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(length))
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : nil }
        guard u16(0) == 0, let tables = u16(2) else { return false }
        var offset = 4
        for _ in 0..<tables {
            guard let subtableLength = u16(offset + 2), let coverage = u16(offset + 4), coverage >> 8 == 0,
                  let pairs = u16(offset + 6)
            else { return false }
            let size = 14 + 6 * pairs
            // The 16-bit length overflows on big tables (HarfBuzz then trusts the pair count).
            guard subtableLength == size & 0xFFFF, offset + size <= bytes.count else { return false }
            for p in 0..<pairs {
                hb_set_add(set, hb_codepoint_t(u16(offset + 14 + 6 * p)!))
                hb_set_add(set, hb_codepoint_t(u16(offset + 16 + 6 * p)!))
            }
            offset += size
        }
        return true
    }
}
