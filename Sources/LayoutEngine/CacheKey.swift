#if canImport(Glibc)
import Glibc
#endif
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

/// Where a key's fields go, in order: into a key's bytes (`CacheKeyWriter`) or into a digest only
/// (`KeyHasher`).
protocol KeyFieldSink {
    mutating func byte(_ value: UInt8)
    mutating func word(_ value: UInt64)
    /// The count, then the UTF-8 bytes.
    mutating func text(_ value: String)
}

extension KeyFieldSink {
    /// 0 and -0 compare equal, so they write alike.
    @inline(__always)
    mutating func number(_ value: Double) { word(value == 0 ? 0 : value.bitPattern) }

    @inline(__always)
    mutating func flag(_ value: Bool) { byte(value ? 1 : 0) }
}

/// The digest of a key's fields, field by field (a text by its count and its bytes eight at a time).
struct KeyHasher: KeyFieldSink {
    var digest = KeyDigest()

    @inline(__always)
    mutating func byte(_ value: UInt8) { digest.add(UInt64(value)) }

    @inline(__always)
    mutating func word(_ value: UInt64) { digest.add(value) }

    @inline(__always)
    mutating func text(_ value: String) {
        digest.add(UInt64(value.utf8.count))
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { add(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(value.utf8).withUnsafeBytes { add($0) } }
    }

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
        var i = 0
        while i + 8 <= raw.count {
            digest.add(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
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

/// Writes the fields of a `CacheKey` into a buffer (hashed whole, once written). Past the buffer's end
/// it stops writing and sets `overflowed` (a lookup writes into a fixed scratch buffer first).
struct CacheKeyWriter: KeyFieldSink {
    fileprivate let buffer: UnsafeMutableRawBufferPointer
    private(set) var offset = 0
    private(set) var overflowed = false

    init(buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    static let wordSize = 8
    static func textSize(_ text: String) -> Int { wordSize + text.utf8.count }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[..<offset]) }

    @inline(__always)
    private mutating func fits(_ count: Int) -> Bool {
        if offset + count > buffer.count { overflowed = true }
        return !overflowed
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        guard fits(1) else { return }
        buffer[offset] = value
        offset += 1
    }

    @inline(__always)
    mutating func word(_ value: UInt64) {
        guard fits(8) else { return }
        buffer.storeBytes(of: value, toByteOffset: offset, as: UInt64.self)
        offset += 8
    }

    @inline(__always)
    mutating func text(_ value: String) {
        let count = value.utf8.count
        guard fits(8 + count) else { return }
        buffer.storeBytes(of: UInt64(count), toByteOffset: offset, as: UInt64.self)
        offset += 8
        let target = UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        if value.utf8.withContiguousStorageIfAvailable({ target.copyMemory(from: UnsafeRawBufferPointer($0)) }) == nil {
            for (i, b) in value.utf8.enumerated() { target[i] = b }
        }
        offset += count
    }
}
