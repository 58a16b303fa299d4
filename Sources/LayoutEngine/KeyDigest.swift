/// A 64-bit FNV-1a digest (word by word) of a cache key, computed once when the key is made: a lookup
/// and the insertion after a miss then hash one integer, and `==` rejects most other keys on it.
///
/// Swift's own hashing of the fields cost more than the lookups they served: `String` hashing
/// normalises non-ASCII text (`_withNFCCodeUnits` in the profile), enums with `String` raw values hash
/// their raw value, and every `Hasher.combine` is a SipHash round. Texts enter by their UTF-8 bytes, so
/// two canonically equivalent spellings (é as U+00E9, or e + U+0301) make two keys: HarfBuzz shapes
/// bytes, so each is laid out from its own, which is what a fresh computation gives.
struct KeyDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    mutating func add(_ word: UInt64) { value = (value ^ word) &* Self.prime }

    /// The bytes and their count (so that « ab »+« c » and « a »+« bc » differ).
    mutating func add(_ text: String) {
        add(UInt64(text.utf8.count))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { value = (value ^ UInt64(byte)) &* Self.prime }
        }
        if done == nil { for byte in text.utf8 { value = (value ^ UInt64(byte)) &* Self.prime } }
    }

    /// Byte equality of two texts (`String.==` compares canonical equivalence, normalising).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                for i in 0..<x.count where x[i] != y[i] { return false }
                return true
            }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}
