/// The spans of a paragraph: a random-access collection that stores a single span
/// inline. Almost every paragraph of a statement (each table cell) has exactly one span,
/// and not allocating an array for it halves the allocations of `bind`.
public struct SpanList: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Hashable {
    @usableFromInline
    enum Storage: Sendable, Hashable {
        case empty
        case one(BoundSpan)
        case many([BoundSpan])
    }

    @usableFromInline
    var storage: Storage

    /// The span of a one-span list (a table cell), nil otherwise: read without an iterator.
    @inlinable
    public var only: BoundSpan? {
        if case .one(let span) = storage { return span }
        return nil
    }

    public init() { storage = .empty }

    public init(_ span: BoundSpan) { storage = .one(span) }

    public init<S: Sequence<BoundSpan>>(_ spans: S) {
        let array = Array(spans)
        switch array.count {
        case 0: storage = .empty
        case 1: storage = .one(array[0])
        default: storage = .many(array)
        }
    }

    public init(arrayLiteral elements: BoundSpan...) { self.init(elements) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .empty: return 0
        case .one: return 1
        case .many(let a): return a.count
        }
    }

    public subscript(position: Int) -> BoundSpan {
        switch storage {
        case .one(let span) where position == 0: return span
        case .many(let a): return a[position]
        default: preconditionFailure("SpanList index \(position) out of range")
        }
    }

    public mutating func append(_ span: BoundSpan) {
        switch storage {
        case .empty: storage = .one(span)
        case .one(let first): storage = .many([first, span])
        case .many(var a):
            storage = .empty
            a.append(span)
            storage = .many(a)
        }
    }
}
