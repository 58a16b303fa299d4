/// A fast, stable 128-bit hash of bytes (two 64-bit lanes, 8 bytes a step, murmur-style mixing).
/// Stable means the same bytes give the same value on every run and machine: it names document IDs and
/// subset tags, never anything security-related.
struct StableHash {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0
    private var carry: UInt64 = 0
    private var carryCount: UInt64 = 0

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Bytes that do not fill a word wait in `carry` for the next update (or `finish`), so the
        // value depends only on the bytes, not on how they were split: a document streamed to a file
        // in chunks must get the same `/ID` as the same document rendered in memory in one piece.
        var i = 0
        let n = bytes.count
        while carryCount > 0 && i < n {
            append(bytes[i])
            i += 1
        }
        // Whole words in a counted loop over a raw pointer: no bounds check per word (the whole
        // document passes through here for its /ID, about 2,900 words a relevé).
        if let base = UnsafeRawPointer(bytes.baseAddress), n - i >= 8 {
            let words = (n - i) / 8
            var p = base + i
            for _ in 0..<words {
                mix(UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))
                p += 8
            }
            i += words * 8
        }
        while i < n {
            append(bytes[i])
            i += 1
        }
        length &+= UInt64(n)
    }

    private mutating func append(_ byte: UInt8) {
        carry |= UInt64(byte) << (carryCount * 8)
        carryCount += 1
        if carryCount == 8 {
            mix(carry)
            carry = 0
            carryCount = 0
        }
    }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { update($0) } }

    mutating func update(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { update($0.bindMemory(to: UInt8.self)) }
    }

    private mutating func mix(_ w: UInt64) {
        a = (a ^ (w &* 0x87C3_7B91_1142_53D5)).rotateLeft(31) &* 0x4CF5_AD43_2745_937F
        b = (b ^ (w &* 0x4CF5_AD43_2745_937F)).rotateLeft(33) &* 0x87C3_7B91_1142_53D5 &+ a
    }

    func finish() -> (UInt64, UInt64) {
        var s = self
        if s.carryCount > 0 { s.mix(s.carry ^ 0xFF) }
        var x = s.a ^ length, y = s.b ^ (length << 1)
        x = Self.fmix(x &+ y)
        y = Self.fmix(y &+ x)
        return (x, y)
    }

    static func fmix(_ v: UInt64) -> UInt64 {
        var k = v
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    /// Sixteen bytes, for a trailer `/ID`.
    func bytes() -> [UInt8] {
        let (x, y) = finish()
        return (0..<8).map { UInt8(x >> (UInt64($0) * 8) & 0xFF) } + (0..<8).map { UInt8(y >> (UInt64($0) * 8) & 0xFF) }
    }
}

extension UInt64 {
    @inline(__always) func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
