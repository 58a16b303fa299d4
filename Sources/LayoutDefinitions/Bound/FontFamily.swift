import Synchronization

/// A font family name, interned: a number that stands for the name in this process. A `TextStyle`
/// then holds no string, so copying a style (a span, a cell: hundreds per statement) retains nothing,
/// and the layout engine's cache keys and font lookups compare one integer instead of the name's bytes.
///
/// Numbers are given in the order names are first seen, so they may differ between runs: they
/// select fonts and cache entries, never anything written to a document.
public struct FontFamily: Sendable, Hashable, CustomStringConvertible {
    /// The number of the name: equal names (as Swift compares strings) get equal numbers.
    public let id: UInt32

    /// Every name seen so far, by number, and its number by name.
    private static let table = Mutex<(names: [String], ids: [String: UInt32])>(([], [:]))

    /// Interns `name` (under a lock: families are named when layouts are parsed, not per document).
    public init(_ name: String) {
        id = Self.table.withLock { t in
            if let id = t.ids[name] { return id }
            let id = UInt32(t.names.count)
            t.names.append(name)
            t.ids[name] = id
            return id
        }
    }

    public var name: String { Self.table.withLock { $0.names[Int(id)] } }

    public var description: String { name }
}
