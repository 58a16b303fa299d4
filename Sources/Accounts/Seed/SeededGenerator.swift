/// A deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64), so that the
/// same seed gives the same population on every machine and toolchain.
///
/// It deliberately does not lean on the standard library's `random(in:using:)`, whose reduction
/// algorithm is an implementation detail that may change between Swift releases; ranges are
/// reduced here with Lemire's multiply-shift (bias below 2⁻³² for our small ranges).
/// Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators" (2018).
package struct SeededGenerator {
    private var s0, s1, s2, s3: UInt64

    /// A generator for one stream: `seed` and `stream` (the account index) are mixed so that
    /// accounts can be generated independently and in any order.
    package init(seed: UInt64, stream: UInt64 = 0) {
        var sm = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03
        func splitmix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    package mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `range`.
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        let high = next().multipliedFullWidth(by: width).high
        return range.lowerBound + Int(high)
    }

    /// `true` with probability `percent` %.
    package mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    package mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A string of `count` decimal digits.
    package mutating func digits(_ count: Int) -> String {
        var s = ""
        for _ in 0..<count { s.append(Character(Unicode.Scalar(UInt8(48 + int(0...9))))) }
        return s
    }
}
