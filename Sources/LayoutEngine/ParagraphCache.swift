import LayoutDefinitions
import Synchronization

/// Laid-out paragraphs by content, style and width, shared by every document and thread. Table cells
/// repeat across statements (dates, names of acts, rates, first names), and a cached cell costs one
/// hash lookup instead of segmenting, shaping and breaking again. Bounded like the shape cache.
final class ParagraphCache: Sendable {
    struct Key: Hashable, Sendable {
        let spans: SpanList
        let style: ParagraphStyle
        let role: ParagraphRole
        let width: Double
        let alignment: Alignment?
    }

    private let table = Mutex<[Key: LaidParagraph]>([:])
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func get(_ key: Key) -> LaidParagraph? { table.withLock { $0[key] } }

    func put(_ key: Key, _ value: LaidParagraph) {
        table.withLock { t in
            if t.count >= limit { t.removeAll(keepingCapacity: true) }
            t[key] = value
        }
    }
}
