/// An indirect object reference (ISO 32000-1 §7.3.10). Generation is always 0: we only write new files
/// (incremental updates for signatures append new objects, they never reuse numbers).
public struct Ref: Hashable, Sendable, Comparable {
    public let number: Int32

    public init(_ number: Int32) {
        precondition(number > 0, "object number 0 is reserved for the free-list head")
        self.number = number
    }

    public static func < (lhs: Ref, rhs: Ref) -> Bool { lhs.number < rhs.number }
}

/// Hands out consecutive object numbers. Only the render context owns one (one place gives references).
public struct RefAllocator: Sendable {
    public private(set) var last: Int32 = 0

    public init() {}

    public mutating func next() -> Ref {
        last += 1
        return Ref(last)
    }
}
