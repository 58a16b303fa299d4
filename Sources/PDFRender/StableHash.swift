/// A fast, stable 128-bit hash of bytes (two 64-bit lanes, 8 bytes a step, murmur-style mixing).
/// Stable means the same bytes give the same value on every run and machine: it names document IDs and
/// subset tags, never anything security-related.
struct StableHash {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i + 8 <= n {
            mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            mix(tail ^ 0xFF)
        }
        length &+= UInt64(n)
    }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { update($0) } }

    mutating func update(_ value: UInt64) {
        mix(value)
        length &+= 8
    }

    private mutating func mix(_ w: UInt64) {
        a = (a ^ (w &* 0x87C3_7B91_1142_53D5)).rotateLeft(31) &* 0x4CF5_AD43_2745_937F
        b = (b ^ (w &* 0x4CF5_AD43_2745_937F)).rotateLeft(33) &* 0x87C3_7B91_1142_53D5 &+ a
    }

    func finish() -> (UInt64, UInt64) {
        var x = a ^ length, y = b ^ (length << 1)
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
