import CHarfBuzz

/// Shapes text with HarfBuzz (kerning and standard ligatures on, as HarfBuzz defaults), one face at a
/// time. Script and direction are guessed from the text; the language is given (French by default),
/// so the same text always shapes the same way whatever the machine's locale.
public enum Shaper {
    public static func shape(_ text: String, face: Face, language: String = "fr") -> ShapedText {
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        var text = text
        text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                hb_buffer_add_utf8(buffer, chars.baseAddress, Int32(chars.count), 0, Int32(chars.count))
            }
        }
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        language.withCString { hb_buffer_set_language(buffer, hb_language_from_string($0, -1)) }
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(face.hb.font, buffer, nil, 0)

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        let n = Int(count)
        var glyphs = [UInt16](repeating: 0, count: n)
        var advances = [Int32](repeating: 0, count: n)
        var clusters = [UInt32](repeating: 0, count: n)
        var offsets: [SIMD2<Int32>] = []
        for i in 0..<n {
            glyphs[i] = UInt16(truncatingIfNeeded: infos[i].codepoint)
            clusters[i] = infos[i].cluster
            advances[i] = positions[i].x_advance
            if positions[i].x_offset != 0 || positions[i].y_offset != 0 {
                if offsets.isEmpty { offsets = [SIMD2<Int32>](repeating: .zero, count: n) }
                offsets[i] = SIMD2(positions[i].x_offset, positions[i].y_offset)
            }
        }
        return ShapedText(face: face, text: text, glyphs: glyphs, advances: advances, offsets: offsets,
                          clusters: clusters)
    }
}
