/// One Unicode scalar decoded from UTF-8 bytes in place: for the byte paths that read a `String`'s
/// UTF-8 (valid by construction) without the scalar view's iterator, which costs several times more a
/// scalar (segmenting text into pieces, finding each glyph's text, testing a word's fonts).
public enum UTF8Scalar {
    /// The scalar whose encoding starts at `i` and its length in bytes. A sequence cut short by the
    /// end of `utf8` (never in a `String`'s bytes) gives its lead byte alone.
    @inlinable public static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            guard i + 1 < utf8.count else { return (b0, 1) }
            return ((b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < utf8.count else { return (b0, 1) }
            return ((b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F), 3)
        }
        guard i + 3 < utf8.count else { return (b0, 1) }
        return ((b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F), 4)
    }
}
