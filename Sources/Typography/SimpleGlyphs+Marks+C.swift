import CHarfBuzz

extension SimpleGlyphs {
    /// The glyphs of the mark coverages of every GPOS lookup that attaches marks (MarkBasePos,
    /// MarkLigPos, MarkMarkPos, lookup types 4 to 6, directly or through an extension, type 9), by
    /// lookup index. These are the only glyphs at which HarfBuzz applies such a lookup: it starts
    /// from a glyph in the mark coverage and looks back for the base, ligature or mark to attach it
    /// to (OpenType GPOS §Lookup types 4–6; hb-ot-layout-gpos-table.hh `MarkBasePosFormat1::apply`).
    /// `hb_ot_layout_lookup_collect_glyphs` also returns their base coverages, which list every digit
    /// and letter that can carry an accent: reading the table here keeps those off the exclusion list.
    /// A lookup missing from the result (another type, or a form not read here) has all its glyphs
    /// collected by the caller.
    static func markAttachmentCoverages(_ face: OpaquePointer) -> [UInt32: [hb_codepoint_t]] {
        let blob = hb_face_reference_table(face, gpos)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [:] }
        let table = TableReader(bytes: UnsafeRawBufferPointer(start: data, count: Int(length)))
        guard let lookupList = table.u16(8), lookupList != 0, let count = table.u16(lookupList) else { return [:] }
        var result: [UInt32: [hb_codepoint_t]] = [:]
        for i in 0..<count {
            guard let offset = table.u16(lookupList + 2 + 2 * i), offset != 0,
                  let marks = markCoverage(table, lookup: lookupList + offset)
            else { continue }
            result[UInt32(i)] = marks
        }
        return result
    }

    /// The mark coverage glyphs of all subtables of the lookup at `lookup`, or nil when it is not a
    /// mark-attachment lookup in format 1 throughout.
    private static func markCoverage(_ table: TableReader, lookup: Int) -> [hb_codepoint_t]? {
        guard let type = table.u16(lookup), let subtables = table.u16(lookup + 4) else { return nil }
        var glyphs: [hb_codepoint_t] = []
        for s in 0..<subtables {
            guard let offset = table.u16(lookup + 6 + 2 * s) else { return nil }
            var subtable = lookup + offset
            var subtype = type
            if type == 9 {
                guard table.u16(subtable) == 1, let extensionType = table.u16(subtable + 2),
                      let extensionOffset = table.u32(subtable + 4)
                else { return nil }
                subtype = extensionType
                subtable += extensionOffset
            }
            // Format 1 is the only format of types 4 to 6; the mark (mark1) coverage comes first.
            guard (4...6).contains(subtype), table.u16(subtable) == 1, let coverage = table.u16(subtable + 2)
            else { return nil }
            if coverage == 0 { continue }  // a null coverage covers nothing
            guard table.coverage(at: subtable + coverage, into: &glyphs) else { return nil }
        }
        return glyphs
    }
}

/// Big-endian reads in an OpenType table, nil past its end.
struct TableReader {
    let bytes: UnsafeRawBufferPointer

    func u16(_ at: Int) -> Int? {
        at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : nil
    }

    func u32(_ at: Int) -> Int? {
        guard let high = u16(at), let low = u16(at + 2) else { return nil }
        return high << 16 | low
    }

    /// Appends the glyphs of the Coverage table at `at` (formats 1 and 2); false for another format
    /// or a table running past the end.
    func coverage(at: Int, into glyphs: inout [hb_codepoint_t]) -> Bool {
        guard let format = u16(at), let count = u16(at + 2) else { return false }
        switch format {
        case 1:
            for i in 0..<count {
                guard let glyph = u16(at + 4 + 2 * i) else { return false }
                glyphs.append(hb_codepoint_t(glyph))
            }
        case 2:
            for i in 0..<count {
                guard let start = u16(at + 4 + 6 * i), let end = u16(at + 6 + 6 * i) else { return false }
                if start <= end { glyphs += (start...end).map { hb_codepoint_t($0) } }
            }
        default:
            return false
        }
        return true
    }
}
