#if canImport(Glibc)
import Glibc
#endif
import Graphics

/// A cache key written out as bytes: every field that decides the cached value, in a fixed order,
/// numbers by their bit patterns and texts by their UTF-8 bytes after their length (so no two
/// different field lists write the same bytes). Equal keys are equal bytes.
///
/// Comparing two keys is then a digest check and one `memcmp`. Comparing the fields
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

    /// A key of `bytes` (written by a `CacheKeyWriter`, whose digest is `digest`).
    init(copying bytes: UnsafeRawBufferPointer, digest: UInt64) {
        let size = bytes.count
        storage = unsafeDowncast(KeyBytes.create(minimumCapacity: size) { _ in size }, to: KeyBytes.self)
        storage.withUnsafeMutablePointerToElements { start in
            UnsafeMutableRawPointer(start).copyMemory(from: bytes.baseAddress!, byteCount: size)
        }
        self.digest = digest
    }

    /// The digest of a key's bytes, eight at a time (`KeyHasher`).
    static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = KeyHasher()
        h.raw(bytes)
        return h.digest.value
    }

    /// Whether this key's bytes are `bytes`.
    func equals(_ bytes: UnsafeRawBufferPointer) -> Bool {
        withBytes { x in x.count == bytes.count && (x.count == 0 || memcmp(x.baseAddress!, bytes.baseAddress!, x.count) == 0) }
    }

    static func == (a: CacheKey, b: CacheKey) -> Bool {
        guard a.digest == b.digest else { return false }
        return a.withBytes { x in
            b.withBytes { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }
}

/// The digest of a key's fields, field by field (a text by its count and its bytes eight at a time).
struct KeyHasher {
    var digest = KeyDigest()

    @inline(__always)
    mutating func word(_ value: UInt64) { digest.add(value) }

    /// The count, then the bytes: what `text` adds for the same bytes.
    @inline(__always)
    mutating func bytes(_ raw: UnsafeRawBufferPointer) {
        digest.add(UInt64(raw.count))
        add(raw)
    }

    @inline(__always)
    mutating func raw(_ raw: UnsafeRawBufferPointer) { add(raw) }

    @inline(__always)
    private mutating func add(_ raw: UnsafeRawBufferPointer) {
        // Counted by whole words with wrapping arithmetic: the loop is a load, a xor and a multiply
        // (a `while i + 8 <= count` loop checked overflow and the base address at every word).
        let words = raw.count / 8
        if words > 0 {
            let base = raw.baseAddress!
            for w in 0..<words { digest.add(base.loadUnaligned(fromByteOffset: w &* 8, as: UInt64.self)) }
        }
        var i = words &* 8
        if i < raw.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            digest.add(tail)
        }
    }
}

/// A key's bytes in one allocation, their count as the header. Not an `[UInt8]`: building an array of
/// uninitialized bytes goes through the standard library's unspecialized allocator, whose run-time
/// lookup of the storage type cost more than writing the whole key. Never mutated after `CacheKey.init`.
final class KeyBytes: ManagedBuffer<Int, UInt8> {}

/// Writes the fields of a `CacheKey`, word by word, into a buffer of exactly the key's size (computed
/// first: no bounds check per field). A text is its byte count, then its bytes padded with zeros to a
/// whole word, so that a key is whole words and its digest never hashes a tail byte by byte.
struct CacheKeyWriter {
    fileprivate let buffer: UnsafeMutableRawBufferPointer
    private(set) var offset = 0

    init(buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    static func textSize(_ text: String) -> Int { 8 + (text.utf8.count + 7) & ~7 }

    @inline(__always)
    mutating func word(_ value: UInt64) {
        buffer.storeBytes(of: value, toByteOffset: offset, as: UInt64.self)
        offset += 8
    }

    /// 0 and -0 compare equal, so they write alike.
    @inline(__always)
    mutating func number(_ value: Double) { word(value == 0 ? 0 : value.bitPattern) }

    @inline(__always)
    mutating func text(_ value: String) {
        let count = value.utf8.count
        word(UInt64(count))
        guard count > 0 else { return }
        let padded = (count + 7) & ~7
        // The last word zeroed first, then the bytes over it.
        buffer.storeBytes(of: 0, toByteOffset: offset + padded - 8, as: UInt64.self)
        let target = UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        if value.utf8.withContiguousStorageIfAvailable({ target.copyMemory(from: UnsafeRawBufferPointer($0)) }) == nil {
            for (i, b) in value.utf8.enumerated() { target[i] = b }
        }
        offset += padded
    }
}
