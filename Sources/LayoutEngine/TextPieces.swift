import Graphics
import LayoutDefinitions
import Typography

/// A piece of text between two line-break opportunities, shaped once: a word, a run of spaces, or a
/// forced line end. Widths are per point of font size (em fractions), so one shaping serves all sizes.
struct TextPiece: Sendable {
    enum Kind: Sendable { case word, space, newline }
    let kind: Kind
    let runs: [ShapedText]
    /// Advance per point of size.
    let widthPerPoint: Double
}

/// Where a piece lies in its span's text (UTF-8 offsets) and what its last character allows. The line
/// breaker needs no `Character` of the piece: the segmenter already looked at them.
struct PieceBounds: Equatable {
    var start: Int
    var end: Int
    var kind: TextPiece.Kind
    /// A word ending in a soft hyphen (U+00AD): a hyphen is drawn if the line breaks after it.
    var softHyphen = false
    /// A word after which a line may break although no space follows: it ends with a hyphen, a slash, a
    /// soft hyphen or a zero-width space.
    var breakAfter = false
}

/// Splits text into pieces at break opportunities (after spaces, after a hyphen or slash between two
/// letters or digits, at line feeds: the common cases of Unicode line breaking, UAX #14, for French).
/// No-break spaces (U+00A0, U+202F) never break: « 1 234,56 € » stays whole.
///
/// The rules are defined on `Character`s (grapheme clusters, so that « - » followed by a combining
/// accent is not a hyphen). Iterating characters cost more than shaping, so text made only of
/// "simple" scalars — each one a grapheme cluster on its own (`isSimple`), which is every French
/// statement — is split by walking its UTF-8 bytes; anything else takes the `Character` path. Both give
/// the same pieces (`TextSegmenterTests` compares them over every simple scalar).
enum TextSegmenter {
    /// The pieces of `utf8`, the bytes of a `String` (so valid UTF-8).
    static func pieces(_ utf8: [UInt8]) -> [PieceBounds] {
        var out: [PieceBounds] = []
        out.reserveCapacity(4)
        let simple = utf8.withUnsafeBufferPointer { scalarPieces($0, into: &out) }
        if simple { return out }
        return characterPieces(String(decoding: utf8, as: UTF8.self))
    }

    /// Whether `v` is always a grapheme cluster of its own (no Extend, ZWJ, SpacingMark, Prepend,
    /// regional indicator, Hangul or Indic conjunct class, UAX #29), CR LF aside. Below U+0300 (Latin,
    /// Latin-1, IPA, spacing modifiers), general punctuation (dashes, quotes, U+202F) but the two
    /// joiners, and currency signs (€): what French data holds.
    static func isSimple(_ v: UInt32) -> Bool {
        v < 0x300 || (0x2000...0x206F).contains(v) && v != 0x200C && v != 0x200D || (0x20A0...0x20CF).contains(v)
    }

    /// Mandatory breaks of UAX #14 (BK, CR, LF, NL), as `Character.isNewline` has them.
    static func isNewline(_ v: UInt32) -> Bool {
        (0x0A...0x0D).contains(v) || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// The byte path: false (with `out` unspecified) as soon as a scalar is not simple.
    private static func scalarPieces(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [PieceBounds]) -> Bool {
        let n = bytes.count
        var start = 0
        var inSpace = false
        var previous: UInt32?
        var i = 0
        func emit(_ a: Int, _ b: Int, _ kind: TextPiece.Kind) {
            var piece = PieceBounds(start: a, end: b, kind: kind)
            if kind == .word { (piece.softHyphen, piece.breakAfter) = endFlags(bytes, end: b) }
            out.append(piece)
        }
        while i < n {
            let (v, length) = UTF8Scalar.decode(bytes, at: i)
            guard isSimple(v) else { return false }
            var next = i + length
            if isNewline(v) {
                // CR LF is one Character, so one newline piece.
                if v == 0x0D && next < n && bytes[next] == 0x0A { next += 1 }
                if start < i { emit(start, i, inSpace ? .space : .word) }
                emit(i, next, .newline)
                start = next
                inSpace = false
            } else if v == 0x20 {
                if !inSpace {
                    if start < i { emit(start, i, .word) }
                    start = i
                    inSpace = true
                }
            } else {
                if inSpace {
                    emit(start, i, .space)
                    start = i
                    inSpace = false
                }
                if v == 0xAD || v == 0x200B, next < n {
                    emit(start, next, .word)
                    start = next
                    previous = v
                    i = next
                    continue
                }
                if v == 0x2D || v == 0x2F, let p = previous, isLetter(p) || isNumber(p), next < n {
                    let following = UTF8Scalar.decode(bytes, at: next).scalar
                    if isLetter(following) && !isNumber(following) {
                        emit(start, next, .word)
                        start = next
                    }
                }
            }
            previous = v
            i = next
        }
        if start < n { emit(start, n, inSpace ? .space : .word) }
        return true
    }

    /// (soft hyphen, break after) for a word ending at `end`, from its last scalar (UTF-8 is
    /// self-synchronising: a suffix of bytes is a suffix of scalars).
    private static func endFlags(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> (Bool, Bool) {
        let last = bytes[end - 1]
        if last == 0x2D || last == 0x2F { return (false, true) }
        if end >= 2 && last == 0xAD && bytes[end - 2] == 0xC2 { return (true, true) }
        if end >= 3 && last == 0x8B && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2 { return (false, true) }
        return (false, false)
    }

    /// `Character.isLetter` of a one-scalar character (ASCII answered without building one).
    private static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        return Unicode.Scalar(v).map { Character($0).isLetter } ?? false
    }

    /// `Character.isNumber` of a one-scalar character.
    private static func isNumber(_ v: UInt32) -> Bool {
        if v < 0x80 { return (0x30...0x39).contains(v) }
        return Unicode.Scalar(v).map { Character($0).isNumber } ?? false
    }

    /// The `Character` path: any text (combining accents, emoji sequences, other scripts).
    static func characterPieces(_ text: String) -> [PieceBounds] {
        var out: [PieceBounds] = []
        func offset(_ i: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: i) }
        func emit(_ a: String.Index, _ b: String.Index, _ kind: TextPiece.Kind) {
            var piece = PieceBounds(start: offset(a), end: offset(b), kind: kind)
            if kind == .word, let last = text[a..<b].last {
                piece.softHyphen = last == "\u{00AD}"
                piece.breakAfter = last == "-" || last == "/" || last == "\u{00AD}" || last == "\u{200B}"
            }
            out.append(piece)
        }
        var start = text.startIndex
        var inSpace = false
        var previous: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            // Every mandatory break of UAX #14 (BK, CR, LF, NL: CR LF, which is one Character in Swift,
            // CR, VT, FF, U+0085, U+2028, U+2029) ends a line: data from other systems carries them, and
            // shaping them failed as an uncovered character.
            if c.isNewline {
                if start < i { emit(start, i, inSpace ? .space : .word) }
                emit(i, next, .newline)
                start = next
                inSpace = false
            } else if c == " " {
                if !inSpace {
                    if start < i { emit(start, i, .word) }
                    start = i
                    inSpace = true
                }
            } else {
                if inSpace {
                    emit(start, i, .space)
                    start = i
                    inSpace = false
                }
                // A soft hyphen (U+00AD, UAX #14 class BA) and a zero-width space (U+200B, class ZW)
                // are break opportunities after them.
                if c == "\u{00AD}" || c == "\u{200B}", next < text.endIndex {
                    emit(start, next, .word)
                    start = next
                    previous = c
                    i = next
                    continue
                }
                // Not before a digit (UAX #14 LB25: HY × NU, SY × NU): a date such as 01/10/2026 or
                // 2026-11-26, or a file number, ended a line with « 01/10/ ».
                if (c == "-" || c == "/"), let p = previous, p.isLetter || p.isNumber,
                   next < text.endIndex, text[next].isLetter && !text[next].isNumber {
                    emit(start, next, .word)
                    start = next
                }
            }
            previous = c
            i = next
        }
        if start < text.endIndex { emit(start, text.endIndex, inSpace ? .space : .word) }
        return out
    }
}
