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

/// Splits text into pieces at break opportunities (after spaces, after a hyphen or slash between two
/// letters or digits, at line feeds: the common cases of Unicode line breaking, UAX #14, for French).
/// No-break spaces (U+00A0, U+202F) never break: « 1 234,56 € » stays whole.
enum TextSegmenter {
    static func pieces(_ text: String) -> [(Substring, TextPiece.Kind)] {
        var out: [(Substring, TextPiece.Kind)] = []
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
                if start < i { out.append((text[start..<i], inSpace ? .space : .word)) }
                out.append((text[i..<next], .newline))
                start = next
                inSpace = false
            } else if c == " " {
                if !inSpace {
                    if start < i { out.append((text[start..<i], .word)) }
                    start = i
                    inSpace = true
                }
            } else {
                if inSpace {
                    out.append((text[start..<i], .space))
                    start = i
                    inSpace = false
                }
                // A soft hyphen (U+00AD, UAX #14 class BA) and a zero-width space (U+200B, class ZW)
                // are break opportunities after them.
                if c == "\u{00AD}" || c == "\u{200B}", next < text.endIndex {
                    out.append((text[start..<next], .word))
                    start = next
                    previous = c
                    i = next
                    continue
                }
                // Not before a digit (UAX #14 LB25: HY × NU, SY × NU): a date such as 01/10/2026 or
                // 2026-11-26, or a file number, ended a line with « 01/10/ ».
                if (c == "-" || c == "/"), let p = previous, p.isLetter || p.isNumber,
                   next < text.endIndex, text[next].isLetter && !text[next].isNumber {
                    out.append((text[start..<next], .word))
                    start = next
                }
            }
            previous = c
            i = next
        }
        if start < text.endIndex { out.append((text[start...], inSpace ? .space : .word)) }
        return out
    }
}
