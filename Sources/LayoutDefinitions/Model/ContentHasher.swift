import Crypto

/// SHA-256 (swift-crypto) over named, length-prefixed records: a layout version covers its file, its
/// partials, assets and fonts, and moving bytes from one file to another changes it.
struct ContentHasher {
    private var hash = SHA256()

    mutating func record(_ name: String, _ bytes: [UInt8]) {
        hash.update(data: Array(name.utf8) + [0] + Array(String(bytes.count).utf8) + [0])
        hash.update(data: bytes)
    }

    func finalize() -> [UInt8] { Array(hash.finalize()) }

    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
