/// A cache key written out as bytes: every field that decides the cached value, in a fixed order,
/// numbers by their bit patterns and texts by their UTF-8 bytes after their length (so no two
/// different field lists write the same bytes). Equal keys are equal bytes.
///
/// Comparing two keys is then a digest check and one `memcmp`-like loop. Comparing the fields
/// themselves copied the spans out of their enums and went through `String.==` (canonical
/// equivalence, normalising non-ASCII text) and the raw-value enums' `String` comparisons.
///
/// `@unchecked Sendable`: its storage is written once, in `init`, before the key is shared.
struct CacheKey: Digested, @unchecked Sendable {
    private let storage: KeyBytes
    let digest: UInt64

    /// Writes a key of exactly `size` bytes with `write`, which must fill them all.
    init(size: Int, _ write: (inout CacheKeyWriter) -> Void) {
        storage = unsafeDowncast(KeyBytes.create(minimumCapacity: size) { _ in size }, to: KeyBytes.self)
        digest = storage.withUnsafeMutablePointerToElements { start in
            let buffer = UnsafeMutableRawBufferPointer(start: start, count: size)
            var writer = CacheKeyWriter(buffer: buffer)
            write(&writer)
            precondition(writer.offset == size, "cache key: wrote \(writer.offset) bytes of \(size)")
            return Self.digest(UnsafeRawBufferPointer(buffer))
        }
    }

    private func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        storage.withUnsafeMutablePointers { count, start in body(UnsafeRawBufferPointer(start: start, count: count.pointee)) }
    }

    private static func digest(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var d = KeyDigest()
        var i = 0
        while i + 8 <= raw.count {
            d.add(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        while i < raw.count {
            d.add(UInt64(raw[i]))
            i += 1
        }
        return d.value
    }

    static func == (a: CacheKey, b: CacheKey) -> Bool {
        guard a.digest == b.digest else { return false }
        return a.withBytes { x in
            b.withBytes { y in
                guard x.count == y.count else { return false }
                var i = 0
                while i + 8 <= x.count {
                    if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                        return false
                    }
                    i += 8
                }
                while i < x.count {
                    if x[i] != y[i] { return false }
                    i += 1
                }
                return true
            }
        }
    }
}

/// A key's bytes in one allocation, their count as the header. Not an `[UInt8]`: building an array of
/// uninitialized bytes goes through the standard library's unspecialized allocator, whose run-time
/// lookup of the storage type cost more than writing the whole key. Never mutated after `CacheKey.init`.
final class KeyBytes: ManagedBuffer<Int, UInt8> {}

/// Writes the fields of a `CacheKey` into its storage.
struct CacheKeyWriter {
    fileprivate let buffer: UnsafeMutableRawBufferPointer
    fileprivate(set) var offset = 0

    fileprivate init(buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    static let wordSize = 8
    static func textSize(_ text: String) -> Int { wordSize + text.utf8.count }

    mutating func byte(_ value: UInt8) {
        buffer[offset] = value
        offset += 1
    }

    mutating func word(_ value: UInt64) {
        buffer.storeBytes(of: value, toByteOffset: offset, as: UInt64.self)
        offset += 8
    }

    /// 0 and -0 compare equal, so they write alike.
    mutating func number(_ value: Double) { word(value == 0 ? 0 : value.bitPattern) }

    mutating func flag(_ value: Bool) { byte(value ? 1 : 0) }

    mutating func text(_ value: String) {
        let count = value.utf8.count
        word(UInt64(count))
        let target = UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        if value.utf8.withContiguousStorageIfAvailable({ target.copyMemory(from: UnsafeRawBufferPointer($0)) }) == nil {
            for (i, b) in value.utf8.enumerated() { target[i] = b }
        }
        offset += count
    }
}
