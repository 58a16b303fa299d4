import LayoutDefinitions
import Synchronization

/// Laid-out paragraphs by content, style and width, shared by every document and thread. Table cells
/// repeat across statements (dates, names of acts, rates, first names), and a cached cell costs one
/// hash lookup instead of segmenting, shaping and breaking again. Bounded like the shape cache.
final class ParagraphCache: Sendable {
    private let table = Mutex(DigestTable<CacheKey, LaidParagraph>())
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// What a lookup found: the laid-out paragraph, or the key to `put` its layout under, or nothing
    /// for a paragraph that is not cached.
    enum Lookup {
        case hit(LaidParagraph)
        case miss(CacheKey)
        case uncached
    }

    /// Room for the key of a table cell or a short paragraph, on the stack.
    static let scratchSize = 512

    /// Looks `paragraph` up at `width`. Its key is written into a scratch buffer on the stack in one
    /// pass over the spans and compared there: a key object (a heap allocation and a copy of every
    /// span's text) is made only after a miss, to be stored. A longer key is built on the heap.
    func get(_ paragraph: BoundParagraph, width: Double, alignment: Alignment?) -> Lookup {
        withUnsafeTemporaryAllocation(byteCount: Self.scratchSize, alignment: 8) { scratch in
            var w = CacheKeyWriter(buffer: scratch)
            guard Self.fields(paragraph, width: width, alignment: alignment, into: &w) else { return .uncached }
            guard !w.overflowed else {
                guard let key = Self.key(paragraph, width: width, alignment: alignment) else { return .uncached }
                return get(key).map { .hit($0) } ?? .miss(key)
            }
            let bytes = w.written, digest = CacheKey.digest(bytes)
            if let found = table.withLock({ t in t.get(digest: digest) { $0.equals(bytes) } }) { return .hit(found) }
            return .miss(CacheKey(copying: bytes, digest: digest))
        }
    }

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
        return CacheKey(size: size) { w in _ = fields(paragraph, width: width, alignment: alignment, into: &w) }
    }

    /// Gives the key's fields to `sink` in order; false, at the first span that is not text, for a
    /// paragraph that is not cached.
    @inline(__always)
    static func fields<Sink: KeyFieldSink>(_ paragraph: BoundParagraph, width: Double, alignment: Alignment?,
                                          into w: inout Sink) -> Bool {
        w.number(width)
        w.byte(alignment.map(\.ordinal) ?? 0)
        w.byte(paragraph.role.ordinal)
        paragraph.style.write(to: &w)
        if let span = paragraph.spans.only {
            // A table cell: one span, read without iterating the list.
            w.word(1)
            guard case .text(let text) = span.content else { return false }
            span.style.write(to: &w)
            w.text(text)
            return true
        }
        w.word(UInt64(paragraph.spans.count))
        for span in paragraph.spans {
            guard case .text(let text) = span.content else { return false }
            span.style.write(to: &w)
            w.text(text)
        }
        return true
    }
}

// The key's fields. A field added to these styles must be added here too
// (`TextSegmenterTests.cacheKeyCoversEveryStyleField` counts them).

extension ParagraphStyle {
    static let keySize = 1 + 3 * 8 + 1

    @inline(__always)
    func write<Sink: KeyFieldSink>(to w: inout Sink) {
        w.byte(alignment.ordinal)
        w.number(lineHeight)
        w.number(spaceBefore)
        w.number(spaceAfter)
        w.flag(keepWithNext)
    }
}

extension TextStyle {
    var keySize: Int { CacheKeyWriter.textSize(fontFamily) + 2 + 4 * 8 }

    @inline(__always)
    func write<Sink: KeyFieldSink>(to w: inout Sink) {
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
