import LayoutDefinitions
import Synchronization

/// Laid-out paragraphs by content, style and width, shared by every document and thread. Table cells
/// repeat across statements (dates, names of acts, rates, first names), and a cached cell costs one
/// hash lookup instead of segmenting, shaping and breaking again. Bounded like the shape cache.
final class ParagraphCache: Sendable {
    private let table = Mutex(DigestTable<CacheKey, LaidParagraph>())
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func get(_ key: CacheKey) -> LaidParagraph? { table.withLock { $0.get(key) } }

    func put(_ key: CacheKey, _ value: LaidParagraph) {
        table.withLock { t in
            if t.count >= limit { t.removeAll() }
            t.put(key, value)
        }
    }

    /// The key of `paragraph` laid out at `width`: everything `ParagraphLayout.breakLines` reads. Nil for
    /// a paragraph that prints a page number: it is not cached.
    static func key(_ paragraph: BoundParagraph, width: Double, alignment: Alignment?) -> CacheKey? {
        let fixed = 8 + 1 + 1 + ParagraphStyle.keySize + 8
        var size = fixed
        for span in paragraph.spans {
            guard case .text(let text) = span.content else { return nil }
            size += span.style.keySize + CacheKeyWriter.textSize(text)
        }
        return CacheKey(size: size) { w in
            w.number(width)
            w.byte(alignment.map(\.ordinal) ?? 0)
            w.byte(paragraph.role.ordinal)
            paragraph.style.write(to: &w)
            w.word(UInt64(paragraph.spans.count))
            for span in paragraph.spans {
                span.style.write(to: &w)
                if case .text(let text) = span.content { w.text(text) }
            }
        }
    }
}

// The key's fields. A field added to these styles must be added here too
// (`TextSegmenterTests.cacheKeyCoversEveryStyleField` counts them).

extension ParagraphStyle {
    static let keySize = 1 + 3 * 8 + 1

    func write(to w: inout CacheKeyWriter) {
        w.byte(alignment.ordinal)
        w.number(lineHeight)
        w.number(spaceBefore)
        w.number(spaceAfter)
        w.flag(keepWithNext)
    }
}

extension TextStyle {
    var keySize: Int { CacheKeyWriter.textSize(fontFamily) + 2 + 4 * 8 }

    func write(to w: inout CacheKeyWriter) {
        w.text(fontFamily)
        w.flag(bold)
        w.flag(italic)
        w.number(size)
        w.number(color.r)
        w.number(color.g)
        w.number(color.b)
    }
}

extension Alignment {
    /// 1 to 4 (0 is « none » in a key).
    var ordinal: UInt8 {
        switch self {
        case .left: 1
        case .right: 2
        case .center: 3
        case .justify: 4
        }
    }
}

extension ParagraphRole {
    var ordinal: UInt8 {
        switch self {
        case .p: 0
        case .h1: 1
        case .h2: 2
        case .h3: 3
        }
    }
}
