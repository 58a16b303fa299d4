import Graphics
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

    /// Looks `paragraph` up at `width`. Its key is written into a scratch buffer on the stack and
    /// compared there: a key object (a heap allocation and a copy of the bytes) is made only after a
    /// miss, to be stored. A longer key is built on the heap.
    func get(_ paragraph: BoundParagraph, width: Double, alignment: Alignment?) -> Lookup {
        guard let size = Self.keySize(paragraph) else { return .uncached }
        guard size <= Self.scratchSize else {
            let key = Self.key(paragraph, size: size, width: width, alignment: alignment)
            return get(key).map { .hit($0) } ?? .miss(key)
        }
        return withUnsafeTemporaryAllocation(byteCount: Self.scratchSize, alignment: 8) { scratch in
            let buffer = UnsafeMutableRawBufferPointer(rebasing: scratch[..<size])
            var w = CacheKeyWriter(buffer: buffer)
            Self.write(paragraph, width: width, alignment: alignment, into: &w)
            let bytes = UnsafeRawBufferPointer(buffer), digest = CacheKey.digest(bytes)
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
        keySize(paragraph).map { key(paragraph, size: $0, width: width, alignment: alignment) }
    }

    /// The key on the heap, `size` being `keySize(paragraph)`.
    private static func key(_ paragraph: BoundParagraph, size: Int, width: Double, alignment: Alignment?) -> CacheKey {
        CacheKey(size: size) { w in write(paragraph, width: width, alignment: alignment, into: &w) }
    }

    /// The size of the key of `paragraph`, nil for a paragraph that is not cached (a span is not text).
    /// Known before writing, the writer then needs no bounds check per field.
    @inline(__always)
    static func keySize(_ paragraph: BoundParagraph) -> Int? {
        let fixed = 2 * 8 + ParagraphStyle.keySize
        if let span = paragraph.spans.only {
            // A table cell: one span, read without iterating the list.
            guard case .text(let text) = span.content else { return nil }
            return fixed + TextStyle.keySize + CacheKeyWriter.textSize(text)
        }
        var size = fixed
        for span in paragraph.spans {
            guard case .text(let text) = span.content else { return nil }
            size += TextStyle.keySize + CacheKeyWriter.textSize(text)
        }
        return size
    }

    /// Writes the key's fields (every span is text: `keySize` checked it), word by word.
    @inline(__always)
    static func write(_ paragraph: BoundParagraph, width: Double, alignment: Alignment?, into w: inout CacheKeyWriter) {
        w.number(width)
        w.word(UInt64(alignment.map(\.ordinal) ?? 0) | UInt64(paragraph.role.ordinal) << 8
               | UInt64(paragraph.spans.count) << 16)
        paragraph.style.write(to: &w)
        if let span = paragraph.spans.only {
            span.write(to: &w)
            return
        }
        for span in paragraph.spans { span.write(to: &w) }
    }
}

// The key's fields. A field added to these styles must be added here too
// (`TextSegmenterTests.cacheKeyCoversEveryStyleField` counts them). Small fields share a word: the key
// is whole words, each hashed in one step.

extension ParagraphStyle {
    static let keySize = 4 * 8

    @inline(__always)
    func write(to w: inout CacheKeyWriter) {
        w.word(UInt64(alignment.ordinal) | UInt64(keepWithNext ? 1 : 0) << 8)
        w.number(lineHeight)
        w.number(spaceBefore)
        w.number(spaceAfter)
    }
}

extension TextStyle {
    static let keySize = 5 * 8

    @inline(__always)
    func write(to w: inout CacheKeyWriter) {
        w.word(UInt64(family.id) | UInt64(bold ? 1 : 0) << 32 | UInt64(italic ? 1 : 0) << 33)
        w.number(size)
        w.number(color.r)
        w.number(color.g)
        w.number(color.b)
    }
}

extension BoundSpan {
    @inline(__always)
    func write(to w: inout CacheKeyWriter) {
        style.write(to: &w)
        if case .text(let text) = content { w.text(text) }
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
