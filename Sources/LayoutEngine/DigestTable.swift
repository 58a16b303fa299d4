/// A cache key that carries its own `KeyDigest`.
protocol Digested: Equatable, Sendable {
    var digest: UInt64 { get }
}

/// The table behind the shape and paragraph caches: entries found by their key's digest, then
/// confirmed by full key equality, so a lookup returns only what an exact key stored.
///
/// A `Dictionary` keyed by the keys themselves copied every key it probed out of its storage and
/// compared it in full (two per lookup on average); keyed by the digest, probing compares integers and
/// the one candidate is compared once. Keys whose digests collide share a bucket.
struct DigestTable<Key: Digested, Value: Sendable>: Sendable {
    private var buckets: [UInt64: [(key: Key, value: Value)]] = [:]
    private(set) var count = 0

    func get(_ key: Key) -> Value? {
        guard let entries = buckets[key.digest] else { return nil }
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    /// Stores `value` for `key`, replacing the value of an equal key (two threads that missed the same
    /// key computed the same value).
    mutating func put(_ key: Key, _ value: Value) {
        var inserted = false
        update(&buckets[key.digest, default: []], key, value, inserted: &inserted)
        if inserted { count += 1 }
    }

    private func update(_ entries: inout [(key: Key, value: Value)], _ key: Key, _ value: Value, inserted: inout Bool) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = value
        } else {
            entries.append((key, value))
            inserted = true
        }
    }

    mutating func removeAll() {
        buckets.removeAll(keepingCapacity: true)
        count = 0
    }
}
