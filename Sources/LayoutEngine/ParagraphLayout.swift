import Graphics
import LayoutDefinitions
import Typography

/// One line of a paragraph: its glyph runs positioned relative to the line's left edge and baseline.
struct LaidLine: Sendable {
    var height: Double
    /// Distance from the line's top to its baseline.
    var baseline: Double
    var width: Double
    var runs: [GlyphRun]
}

/// A paragraph broken into lines for one width.
struct LaidParagraph: Sendable {
    var role: ParagraphRole
    var lines: [LaidLine]
    var spaceBefore: Double
    var spaceAfter: Double
    var keepWithNext: Bool
    var height: Double { lines.reduce(0) { $0 + $1.height } }
}

/// The paragraph phases: collect pieces per span, break into lines greedily (first fit), then place
/// each line (alignment, justification by widening spaces) and merge adjacent pieces of the same face,
/// size and colour into one glyph run.
struct ParagraphLayout {
    let engine: LayoutEngine

    private struct Placed {
        var piece: TextPiece
        var style: TextStyle
        var extra: Double = 0
        /// The piece ends with a soft hyphen (U+00AD): a hyphen is drawn if the line breaks after it.
        var softHyphen = false
    }

    /// Page numbers are resolved before layout (`BoundBlock.resolvingPageNumbers`); a span still unresolved
    /// prints « 0 », and such a paragraph is not cached.
    func layout(_ paragraph: BoundParagraph, width: Double, alignment: Alignment? = nil) throws(LayoutEngineError) -> LaidParagraph {
        switch engine.paragraphs.get(paragraph, width: width, alignment: alignment) {
        case .hit(let laid):
            return laid
        case .uncached:
            return try breakLines(paragraph, width: width, alignment: alignment)
        case .miss(let key):
            let laid = try breakLines(paragraph, width: width, alignment: alignment)
            engine.paragraphs.put(key, laid)
            return laid
        }
    }

    private func breakLines(_ paragraph: BoundParagraph, width: Double, alignment: Alignment?) throws(LayoutEngineError) -> LaidParagraph {
        let align = alignment ?? paragraph.style.alignment
        var lines: [LaidLine] = []
        var current: [Placed] = []
        current.reserveCapacity(8)
        var currentWidth = 0.0
        var pendingSpace: Placed?
        var breakAllowed = true
        // Read once: reading them in `flush` copied the paragraph (its spans and styles) at each line.
        let lineHeight = paragraph.style.lineHeight
        let fallbackSize = paragraph.spans.first?.style.size

        func flush(justify: Bool) {
            lines.append(place(current, width: width, lineWidth: currentWidth,
                               alignment: align == .justify && !justify ? .left : align,
                               lineHeight: lineHeight, fallbackSize: fallbackSize))
            current.removeAll(keepingCapacity: true)
            currentWidth = 0
            pendingSpace = nil
        }

        for span in paragraph.spans {
            let bytes = Self.utf8(of: span.content)
            let font = try engine.font(FontKey(span.style))
            for bounds in TextSegmenter.pieces(bytes) {
                let piece = try shape(bytes[bounds.start..<bounds.end], kind: bounds.kind, font: font)
                switch bounds.kind {
                case .newline:
                    flush(justify: false)
                    breakAllowed = true
                case .space:
                    if !current.isEmpty { pendingSpace = Placed(piece: piece, style: span.style) }
                    breakAllowed = true
                case .word:
                    let w = piece.widthPerPoint * span.style.size
                    let sp = pendingSpace.map { $0.piece.widthPerPoint * $0.style.size } ?? 0
                    // A syllable ending in a soft hyphen needs room for the hyphen drawn if the line
                    // breaks after it.
                    let softHyphen = bounds.softHyphen
                    let reserve = softHyphen ? try hyphen(span.style).widthPerPoint * span.style.size : 0
                    if !current.isEmpty && breakAllowed && currentWidth + sp + w + reserve > width + 0.001 {
                        if let last = current.last, last.softHyphen {
                            let h = try hyphen(last.style)
                            current.append(Placed(piece: h, style: last.style))
                            currentWidth += h.widthPerPoint * last.style.size
                        }
                        flush(justify: true)
                    }
                    if current.isEmpty && w > width + 0.001 {
                        // An over-long word (an IBAN, a URL) is broken rather than overflowing.
                        let word = String(decoding: bytes[bounds.start..<bounds.end], as: UTF8.self)
                        for part in try splitLongWord(word[...], style: span.style, font: font, width: width) {
                            if !current.isEmpty { flush(justify: false) }
                            current.append(Placed(piece: part, style: span.style))
                            currentWidth = part.widthPerPoint * span.style.size
                        }
                    } else {
                        if let space = pendingSpace, !current.isEmpty {
                            current.append(space)
                            currentWidth += sp
                        }
                        current.append(Placed(piece: piece, style: span.style, softHyphen: softHyphen))
                        currentWidth += w
                    }
                    pendingSpace = nil
                    // A break is allowed after a hyphen, slash, soft hyphen or zero-width space piece,
                    // not between two spans of one word.
                    breakAllowed = bounds.breakAfter
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { flush(justify: false) }
        return LaidParagraph(role: paragraph.role, lines: lines, spaceBefore: paragraph.style.spaceBefore,
                             spaceAfter: paragraph.style.spaceAfter, keepWithNext: paragraph.style.keepWithNext)
    }

    /// The UTF-8 bytes of a span's text; a page number still unresolved prints « 0 ». A tab in data is
    /// white space, not a glyph to find in a font (it failed as uncovered): it becomes a space, byte for
    /// byte (a tab is a grapheme cluster of its own, so this is the same as replacing the character).
    private static func utf8(of content: SpanContent) -> [UInt8] {
        guard case .text(let text) = content else { return [0x30] }
        var bytes = Array(text.utf8)
        if bytes.contains(0x09) {
            for i in bytes.indices where bytes[i] == 0x09 { bytes[i] = 0x20 }
        }
        return bytes
    }

    /// The piece of `bytes` (a piece of a span's text), looked up by its bytes.
    private func shape(_ bytes: ArraySlice<UInt8>, kind: TextPiece.Kind, font: ResolvedFont) throws(LayoutEngineError) -> TextPiece {
        let result: Result<TextPiece, TypographyError> = bytes.withUnsafeBytes { raw in
            do throws(TypographyError) {
                return .success(try engine.shapes.piece(bytes: raw, kind: kind, font: font))
            } catch { return .failure(error) }
        }
        switch result {
        case .success(let piece): return piece
        case .failure(let error): throw LayoutEngineError(.font, error.reason)
        }
    }

    private func shape(_ text: String, kind: TextPiece.Kind, font: ResolvedFont) throws(LayoutEngineError) -> TextPiece {
        do { return try engine.shapes.piece(text, kind: kind, font: font) } catch {
            throw LayoutEngineError(.font, error.reason)
        }
    }

    /// The hyphen drawn at a line break on a soft hyphen.
    private func hyphen(_ style: TextStyle) throws(LayoutEngineError) -> TextPiece {
        try shape("-", kind: .word, font: try engine.font(FontKey(style)))
    }

    private func splitLongWord(_ word: Substring, style: TextStyle, font: ResolvedFont,
                               width: Double) throws(LayoutEngineError) -> [TextPiece] {
        var parts: [TextPiece] = []
        var start = word.startIndex
        var end = word.startIndex
        var last: TextPiece?
        while end < word.endIndex {
            let next = word.index(after: end)
            let candidate = try shape(String(word[start..<next]), kind: .word, font: font)
            if candidate.widthPerPoint * style.size > width, let fitted = last {
                parts.append(fitted)
                start = end
                last = nil
                continue
            }
            last = candidate
            end = next
        }
        if let last { parts.append(last) }
        return parts
    }

    private func place(_ logical: [Placed], width: Double, lineWidth: Double, alignment: Alignment,
                       lineHeight: Double, fallbackSize: Double?) -> LaidLine {
        let pieces = Self.visualOrder(logical)
        var ascent = 0.0, descent = 0.0, size = fallbackSize ?? 10
        for p in pieces {
            size = max(size, p.style.size)
            for run in p.piece.runs {
                let m = run.face.lineMetrics(size: p.style.size)
                ascent = max(ascent, m.ascent)
                descent = max(descent, m.descent)
            }
        }
        if ascent == 0 { ascent = size * 0.8; descent = size * 0.2 }
        let height = max(size * lineHeight, ascent + descent)
        let baseline = (height - ascent - descent) / 2 + ascent
        var x: Double
        var extraPerSpace = 0.0
        switch alignment {
        case .left: x = 0
        case .right: x = width - lineWidth
        case .center: x = (width - lineWidth) / 2
        case .justify:
            x = 0
            let spaces = pieces.filter { $0.piece.kind == .space }.count
            if spaces > 0 { extraPerSpace = max(0, width - lineWidth) / Double(spaces) }
        }
        var runs: [GlyphRun] = []
        var lastRightToLeft = false
        // The last run's advance sum (its width, without summing its glyphs at each piece), and the
        // shaped runs it takes in while they continue it (made into one `ShapedGlyphs` when it ends).
        var lastSum: Int64 = 0
        var gathered: GatheredGlyphs?
        var lineRuns = 0
        for i in pieces.indices { lineRuns += pieces[i].piece.runs.count }
        // At most one run per shaped run (fewer when they merge): the array is allocated once.
        runs.reserveCapacity(lineRuns)
        // Widened spaces are whole font units. Rounding each space on its own let the error add up
        // (half a unit per space: 0.015 pt on a 10 pt line of 12 spaces), so justified lines missed the
        // right margin; rounding the running total keeps the line's error under half a unit.
        var extraWanted = 0.0, extraGiven = 0.0
        // By index: a `for` loop over the pieces and their runs copied each one out only to read them.
        for i in pieces.indices {
            let size = pieces[i].style.size, kind = pieces[i].piece.kind
            let color = Color.rgb(pieces[i].style.color.r, pieces[i].style.color.g, pieces[i].style.color.b)
            let shapedRuns = pieces[i].piece.runs
            for k in shapedRuns.indices {
                let rightToLeft = shapedRuns[k].isRightToLeft
                let unitsPerEm = shapedRuns[k].face.unitsPerEm
                let shaped = shapedRuns[k].shaped
                // A widened space: whole font units added to its last advance.
                var extraUnits: Int32 = 0
                if kind == .space && extraPerSpace > 0, shaped.count > 0 {
                    extraWanted += extraPerSpace
                    let perUnit = size / Double(unitsPerEm)
                    let units = ((extraWanted - extraGiven) / perUnit).rounded()
                    extraUnits = Int32(units)
                    extraGiven += units * perUnit
                }
                let sum = shaped.advanceSum + Int64(extraUnits)
                let origin = Point(x: x, y: baseline)
                // `GlyphRun.width`, from the sum just made.
                x += Double(sum) * size / Double(unitsPerEm)
                // Right-to-left runs stay whole: their clusters decrease, and a merged run must map its
                // glyphs back to text in one direction (ToUnicode, ISO 32000-1 §9.10).
                if !runs.isEmpty, !rightToLeft, !lastRightToLeft,
                   canMerge(runs[runs.count - 1], width: Double(lastSum) * runs[runs.count - 1].size
                                / Double(runs[runs.count - 1].unitsPerEm),
                            font: shapedRuns[k].face.handle, hasOffsets: !shaped.offsets.isEmpty,
                            size: size, origin: origin, color: color) {
                    if gathered == nil {
                        gathered = GatheredGlyphs(runs[runs.count - 1].shaped, runs: lineRuns)
                    }
                    gathered!.append(shaped, extraUnits: extraUnits)
                    lastSum += sum
                } else {
                    if let glyphs = gathered {
                        runs[runs.count - 1].shaped = glyphs.make()
                        gathered = nil
                    }
                    var run = shapedRuns[k].glyphRun(size: size, origin: origin, color: color)
                    if extraUnits != 0 { run.shaped = shaped.widened(by: extraUnits) }
                    runs.append(run)
                    lastSum = sum
                }
                lastRightToLeft = rightToLeft
            }
        }
        if let glyphs = gathered { runs[runs.count - 1].shaped = glyphs.make() }
        return LaidLine(height: height, baseline: baseline, width: lineWidth, runs: runs)
    }

    /// Lines are left to right (French paragraphs); a sequence of right-to-left words with the spaces
    /// between them (« אבי כהן ») is shown in reverse order, as the Unicode bidi algorithm's rule L2 does
    /// for one embedding level. Each word was already shaped right to left by its script.
    private static func visualOrder(_ pieces: [Placed]) -> [Placed] {
        func isRTL(_ p: Placed) -> Bool {
            p.piece.kind == .word && !p.piece.runs.isEmpty && p.piece.runs.allSatisfy(\.isRightToLeft)
        }
        guard pieces.contains(where: isRTL) else { return pieces }
        var out = pieces
        var i = 0
        while i < out.count {
            guard isRTL(out[i]) else { i += 1; continue }
            var end = i
            var j = i + 1
            while j < out.count && (isRTL(out[j]) || out[j].piece.kind == .space) {
                if isRTL(out[j]) { end = j }
                j += 1
            }
            out[i...end].reverse()
            i = end + 1
        }
        return out
    }

    /// Whether a shaped run in `font` (with offsets or not), placed at `origin` in `size` and `color`,
    /// continues `a` (whose width, `width`, the caller knows).
    private func canMerge(_ a: GlyphRun, width: Double, font: FontHandle, hasOffsets: Bool, size: Double,
                          origin: Point, color: Color) -> Bool {
        a.font == font && a.size == size && a.color == color && a.shaped.offsets.isEmpty && !hasOffsets
            && abs(a.origin.x + width - origin.x) < 0.001
    }
}

/// The glyphs of a run that takes in the shaped runs after it (the words and spaces of a line in one
/// face, size and colour): the parts are listed, then copied once into a `ShapedGlyphs` of the run's
/// exact size (a merged copy per piece made every line quadratic in its pieces). Merged runs are left
/// to right, so a glyph's text (`GlyphText`) is the one it had in its part: the next part starts where
/// the part's text ended.
private struct GatheredGlyphs {
    /// Each part and the whole font units that widen its last advance (a justified space).
    var parts: [(glyphs: ShapedGlyphs, extraUnits: Int32)] = []

    init(_ first: ShapedGlyphs, runs: Int) {
        parts.reserveCapacity(runs)
        parts.append((first, 0))
    }

    mutating func append(_ s: ShapedGlyphs, extraUnits: Int32) { parts.append((s, extraUnits)) }

    func make() -> ShapedGlyphs {
        var count = 0, bytes = 0, eachGlyphHasText = true
        for part in parts {
            count += part.glyphs.count
            bytes += part.glyphs.text.utf8.count
            eachGlyphHasText = eachGlyphHasText && part.glyphs.eachGlyphHasText
        }
        // The parts' texts copied into one string made at its final size: appending them one by one
        // (`+=`, ~320 instructions a part) cost about 25 K instructions a relevé.
        let text = String(unsafeUninitializedCapacity: bytes) { out in
            var end = 0
            for part in parts {
                var partText = part.glyphs.text
                end = partText.withUTF8 { utf8 in UnsafeMutableBufferPointer(rebasing: out[end...]).initialize(fromContentsOf: utf8) + end }
            }
            return end
        }
        return ShapedGlyphs(count: count, text: text) { f in
            var start = 0, shift: UInt32 = 0
            for part in parts {
                part.glyphs.write(into: f, at: start, clusterShift: shift)
                start += part.glyphs.count
                if part.extraUnits != 0 { f.advances[start - 1] += part.extraUnits }
                shift += UInt32(part.glyphs.text.utf8.count)
            }
            return eachGlyphHasText
        }
    }
}

extension ShapedGlyphs {
    /// These glyphs with `extraUnits` added to the last advance (a justified space).
    func widened(by extraUnits: Int32) -> ShapedGlyphs {
        ShapedGlyphs(count: count, text: text, offsets: offsets) { f in
            write(into: f, at: 0, clusterShift: 0)
            f.advances[count - 1] += extraUnits
            return eachGlyphHasText
        }
    }
}
