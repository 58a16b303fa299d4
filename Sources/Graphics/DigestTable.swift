/// A cache key that carries its own digest (a hash of everything that makes it equal to another).
public protocol Digested: Equatable, Sendable {
    var digest: UInt64 { get }
}

/// The table behind the layout's shape and paragraph caches and the renderer's TJ operations: entries found by their key's digest, then
/// confirmed by full key equality, so a lookup returns only what an exact key stored.
///
/// Open addressing over the digests themselves: the digest is already a hash, and hashing it again
/// (a `Dictionary<UInt64, …>` runs SipHash on every probe) cost more than the probe. A lookup can also
/// be made without a key (`get(digest:where:)`): the paragraph cache then never builds one for a hit.
/// Keys whose digests collide are both kept, each confirmed by its own comparison.
public struct DigestTable<Key: Digested, Value: Sendable>: Sendable {
    // Inlinable, with its storage usable from inline code: the caches of other modules probe it for
    // every cell and line, and an unspecialised generic call cost several times the probe.
    @usableFromInline var entries: [(key: Key, value: Value)] = []
    /// Index + 1 of an entry in `entries`, 0 for an empty slot; a power of two long.
    @usableFromInline var slots: [Int32] = []
    public init() {}

    @inlinable public var count: Int { entries.count }

    @inlinable public func get(_ key: Key) -> Value? {
        get(digest: key.digest) { $0 == key }
    }

    /// The value of the first key with `digest` that `matches` accepts.
    @inlinable public func get(digest: UInt64, where matches: (Key) -> Bool) -> Value? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Self.start(digest, mask)
        while true {
            let slot = Int(slots[i])
            if slot == 0 { return nil }
            if entries[slot - 1].key.digest == digest && matches(entries[slot - 1].key) { return entries[slot - 1].value }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key`, replacing the value of an equal key (two threads that missed the same
    /// key computed the same value).
    @inlinable public mutating func put(_ key: Key, _ value: Value) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Self.start(key.digest, mask)
        while true {
            let slot = Int(slots[i])
            if slot == 0 {
                entries.append((key, value))
                slots[i] = Int32(entries.count)
                return
            }
            if entries[slot - 1].key == key {
                entries[slot - 1].value = value
                return
            }
            i = (i + 1) & mask
        }
    }

    @inlinable public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
    }

    /// The first slot to probe: the digest's high bits after a multiplicative mix (FNV's low bits
    /// alone cluster on keys that differ in their last byte).
    @inlinable static func start(_ digest: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (digest &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inlinable mutating func grow() {
        let capacity = max(64, slots.count * 2)
        slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        // By index, reading only the digest: `for entry in entries` copied (retained and released)
        // every key and value.
        for n in entries.indices {
            var i = Self.start(entries[n].key.digest, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(n + 1)
        }
    }
}
