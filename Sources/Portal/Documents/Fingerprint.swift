import Crypto

/// The SHA-256 fingerprint of an issued file (swift-crypto), as lowercase hex: what the portal returns
/// and will archive, and what `sha256sum` prints.
enum Fingerprint {
    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { b in
            let s = String(b, radix: 16)
            return b < 16 ? "0" + s : s
        }.joined()
    }
}
