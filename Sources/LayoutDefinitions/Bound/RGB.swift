/// An sRGB colour with components in 0…1, written `#1F3A5F` (or `#RGB`) in layouts.
public struct RGB: Sendable, Hashable {
    public var r: Double
    public var g: Double
    public var b: Double

    public init(r: Double, g: Double, b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    public static let black = RGB(r: 0, g: 0, b: 0)
    public static let white = RGB(r: 1, g: 1, b: 1)

    /// Parses `#RRGGBB` or `#RGB` (case-insensitive); nil for anything else.
    public init?(hex: String) {
        let chars = Array(hex.utf8)
        guard chars.first == UInt8(ascii: "#") else { return nil }
        var nibbles: [UInt8] = []
        for c in chars.dropFirst() {
            switch c {
            case 0x30...0x39: nibbles.append(c - 0x30)
            case 0x41...0x46: nibbles.append(c - 0x37)
            case 0x61...0x66: nibbles.append(c - 0x57)
            default: return nil
            }
        }
        if nibbles.count == 3 { nibbles = nibbles.flatMap { [$0, $0] } }
        guard nibbles.count == 6 else { return nil }
        func channel(_ i: Int) -> Double { Double(nibbles[i] * 16 + nibbles[i + 1]) / 255 }
        self.init(r: channel(0), g: channel(2), b: channel(4))
    }
}
