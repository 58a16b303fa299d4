import CHarfBuzz
import Graphics
import Synchronization

/// Shapes text with HarfBuzz (kerning and standard ligatures on, as HarfBuzz defaults), one face at a
/// time. The script (and so the direction) is the one the font chain itemized, else guessed from the
/// text; the language is given (French by default), so the same text always shapes the same way
/// whatever the machine's locale.
public enum Shaper {
    /// The Unicode script of `scalar` (UAX #24) as HarfBuzz's tag, or nil for Common, Inherited and
    /// Unknown, which take the script of the text around them.
    public static func script(of scalar: Unicode.Scalar) -> UInt32? {
        let script = hb_unicode_script(hb_unicode_funcs_get_default(), hb_codepoint_t(scalar.value))
        if script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN { return nil }
        return script.rawValue
    }

    /// Text made only of the face's simple characters (amounts, dates, numbers) is shaped by
    /// concatenation, which gives exactly what HarfBuzz gives (see `SimpleGlyphs`); anything else goes
    /// through HarfBuzz.
    public static func shape(_ text: String, face: Face, language: String = "fr", script: UInt32? = nil) -> ShapedText {
        shapeSimple(text, face: face, script: script)
            ?? shapeWithHarfBuzz(text, face: face, language: language, script: script)
    }

    /// Always HarfBuzz: the reference the simple path is tested against, and what builds its table.
    static func shapeWithHarfBuzz(_ text: String, face: Face, language: String, script: UInt32?) -> ShapedText {
        let buffer = BufferPool.shared.take()
        defer { BufferPool.shared.give(buffer) }
        var text = text
        text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                hb_buffer_add_utf8(buffer, chars.baseAddress, Int32(chars.count), 0, Int32(chars.count))
            }
        }
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        language.withCString { hb_buffer_set_language(buffer, hb_language_from_string($0, -1)) }
        if let script {
            let tag = hb_script_t(rawValue: script)
            hb_buffer_set_script(buffer, tag)
            hb_buffer_set_direction(buffer, hb_script_get_horizontal_direction(tag))
        }
        hb_buffer_guess_segment_properties(buffer)
        let rightToLeft = hb_buffer_get_direction(buffer) == HB_DIRECTION_RTL
        hb_shape(face.hb.font, buffer, nil, 0)

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        let n = Int(count)
        var offsets: [SIMD2<Int32>] = []
        for i in 0..<n where positions[i].x_offset != 0 || positions[i].y_offset != 0 {
            if offsets.isEmpty { offsets = [SIMD2<Int32>](repeating: .zero, count: n) }
            offsets[i] = SIMD2(positions[i].x_offset, positions[i].y_offset)
        }
        let shaped = ShapedGlyphs(count: n, text: text, offsets: offsets) { f in
            for i in 0..<n {
                f.glyphs[i] = UInt16(truncatingIfNeeded: infos[i].codepoint)
                f.clusters[i] = infos[i].cluster
                f.advances[i] = positions[i].x_advance
            }
            return ShapedGlyphs.findTexts(f, text: text)
        }
        return ShapedText(face: face, shaped: shaped, isRightToLeft: rightToLeft)
    }
}

/// HarfBuzz buffers kept between shapings: creating and destroying one cost as much as filling it
/// with a short word. A buffer is taken by one thread at a time and reset when given back
/// (`hb_buffer_reset` returns it to the state `hb_buffer_create` gives), so reuse changes no output.
private final class BufferPool: Sendable {
    static let shared = BufferPool()

    /// `hb_buffer_t` pointers, each owned by the pool while in it.
    private struct Buffers: @unchecked Sendable {
        var free: [OpaquePointer] = []
    }

    private let buffers = Mutex(Buffers())
    private static let limit = 16

    func take() -> OpaquePointer {
        if let buffer = buffers.withLock({ $0.free.popLast() }) { return buffer }
        return hb_buffer_create()
    }

    func give(_ buffer: OpaquePointer) {
        hb_buffer_reset(buffer)
        let kept = buffers.withLock { b -> Bool in
            guard b.free.count < Self.limit else { return false }
            b.free.append(buffer)
            return true
        }
        if !kept { hb_buffer_destroy(buffer) }
    }
}
