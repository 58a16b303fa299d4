/// The ICC profile of the PDF/A output intent: a compact ICC v2 display profile for sRGB (IEC 61966-2-1),
/// built here from the standard's parameters rather than shipped as a file: D50-adapted primaries
/// (Bradford, as in the reference v2 sRGB profile), D65 media white point, and the sRGB transfer curve
/// sampled at 128 points (linear interpolation between them stays within 0.2 % of the exact curve).
/// 744 bytes, against 6.9 KB for the usual profile: every document embeds it, so it counts.
enum SRGBProfile {
    static let bytes: [UInt8] = build()

    private static func build() -> [UInt8] {
        var tags: [(String, [UInt8])] = []
        tags.append(("desc", textDescription("sRGB IEC61966-2.1 (Paperasse)")))
        tags.append(("cprt", text("No copyright, use freely")))
        tags.append(("wtpt", xyz(0.9505, 1.0, 1.0891)))
        tags.append(("rXYZ", xyz(0.4361, 0.2225, 0.0139)))
        tags.append(("gXYZ", xyz(0.3851, 0.7169, 0.0971)))
        tags.append(("bXYZ", xyz(0.1431, 0.0606, 0.7141)))
        let trc = curve(points: 128)
        // rTRC, gTRC and bTRC share one curve (tags may point to the same data, ICC.1 §7.3.1).
        let tagCount = tags.count + 3
        var offset = 128 + 4 + 12 * tagCount
        var table: [UInt8] = be32(UInt32(tagCount))
        var data: [UInt8] = []
        for (signature, body) in tags {
            table += ascii4(signature) + be32(UInt32(offset)) + be32(UInt32(body.count))
            data += body
            offset += body.count
            while data.count % 4 != 0 { data.append(0); offset += 1 }
        }
        for signature in ["rTRC", "gTRC", "bTRC"] {
            table += ascii4(signature) + be32(UInt32(offset)) + be32(UInt32(trc.count))
        }
        data += trc
        while data.count % 4 != 0 { data.append(0) }
        let size = 128 + table.count + data.count
        var header = [UInt8](repeating: 0, count: 128)
        func put(_ bytes: [UInt8], at i: Int) { for (k, b) in bytes.enumerated() { header[i + k] = b } }
        put(be32(UInt32(size)), at: 0)
        put(be32(0x0210_0000), at: 8)           // version 2.1
        put(ascii4("mntr"), at: 12)              // display device
        put(ascii4("RGB "), at: 16)
        put(ascii4("XYZ "), at: 20)
        put(be16(2026) + be16(1) + be16(1) + be16(0) + be16(0) + be16(0), at: 24)  // fixed: no clock
        put(ascii4("acsp"), at: 36)
        put(s15f16(0.9642) + s15f16(1.0) + s15f16(0.8249), at: 68)  // PCS illuminant D50
        return header + table + data
    }

    /// The sRGB electro-optical transfer function (IEC 61966-2-1 §5.2): linear toe, then 2.4 power.
    static func decode(_ v: Double) -> Double {
        v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    private static func curve(points: Int) -> [UInt8] {
        var out = ascii4("curv") + be32(0) + be32(UInt32(points))
        for i in 0..<points {
            let y = decode(Double(i) / Double(points - 1))
            out += be16(UInt16((y * 65535).rounded()))
        }
        return out
    }

    private static func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
        ascii4("XYZ ") + be32(0) + s15f16(x) + s15f16(y) + s15f16(z)
    }

    private static func text(_ s: String) -> [UInt8] {
        ascii4("text") + be32(0) + Array(s.utf8) + [0]
    }

    /// textDescriptionType (ICC.1:2001 §6.5.17): ASCII, then empty Unicode and ScriptCode parts.
    private static func textDescription(_ s: String) -> [UInt8] {
        let ascii = Array(s.utf8) + [0]
        return ascii4("desc") + be32(0) + be32(UInt32(ascii.count)) + ascii + be32(0) + be32(0)
            + be16(0) + [0] + [UInt8](repeating: 0, count: 67)
    }

    private static func s15f16(_ v: Double) -> [UInt8] { be32(UInt32(bitPattern: Int32((v * 65536).rounded()))) }
    private static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    private static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    private static func ascii4(_ s: String) -> [UInt8] { Array(s.utf8) }
}

#if canImport(Glibc)
import Glibc
#endif
