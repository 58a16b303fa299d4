/// Writes PDF tokens through a raw pointer into space reserved by `ByteBuffer.append(upTo:)`: for
/// objects written by the hundred (structure elements, the parent tree), where each typed setter's own
/// capacity and uniqueness checks cost more than the bytes. The caller reserves enough space; nothing
/// is checked here but by `append(upTo:)` after the fact.
public struct PointerWriter {
    public let start: UnsafeMutablePointer<UInt8>
    public var count = 0

    @inlinable public init(_ start: UnsafeMutablePointer<UInt8>) { self.start = start }

    /// Bytes of a constant (a key, a delimiter, an operator).
    @inlinable @inline(__always) public mutating func raw(_ s: StaticString) {
        // A few bytes each: a loop the compiler unrolls for the constant beats a call to memmove.
        let n = s.utf8CodeUnitCount, from = s.utf8Start, to = start + count
        for i in 0..<n { to[i] = from[i] }
        count &+= n
    }

    @inlinable @inline(__always) public mutating func byte(_ b: UInt8) {
        start[count] = b
        count &+= 1
    }

    /// Bytes already known to be valid where they go (a name's characters checked by `isPlainName`).
    @inlinable @inline(__always) public mutating func bytes(_ b: UnsafeBufferPointer<UInt8>) {
        let to = start + count
        for i in 0..<b.count { to[i] = b[i] }
        count &+= b.count
    }

    /// A decimal integer (at most 20 bytes).
    @inlinable @inline(__always) public mutating func int(_ v: Int) { count &+= ByteBuffer.write(int: v, to: start + count) }

    /// `n 0 R` (at most 15 bytes).
    @inlinable @inline(__always) public mutating func ref(_ r: Ref) {
        int(Int(r.number))
        raw(" 0 R")
    }

    /// True when `name` can follow a `/` as is: no byte needs `#xx` escaping (§7.3.5).
    @inlinable public static func isPlainName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.allSatisfy(ByteBuffer.isPlainNameByte)
    }
}
