/// A point in page space. Frames use **top-left** coordinates in PostScript points (1/72 in), y growing
/// downwards, as layout thinks; the PDF renderer flips them to PDF's bottom-left user space.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public static let zero = Point(x: 0, y: 0)
}

/// A width and a height in points.
public struct Size: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    /// ISO 216 A4 portrait, 210 × 297 mm.
    public static let a4 = Size(width: 595.2756, height: 841.8898)
}

/// An axis-aligned rectangle, origin at its top-left corner.
public struct Rect: Sendable, Hashable {
    public var origin: Point
    public var size: Size
    public init(x: Double, y: Double, width: Double, height: Double) {
        origin = Point(x: x, y: y)
        size = Size(width: width, height: height)
    }
    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.width }
    public var maxY: Double { origin.y + size.height }
    public var width: Double { size.width }
    public var height: Double { size.height }
}

/// A device-independent colour: grey or RGB components in 0…1, painted in the document's sRGB output
/// intent (PDF/A-2 §6.2.4.3 lets DeviceRGB and DeviceGray stand when the intent is RGB).
public enum Color: Sendable, Hashable {
    case gray(Double)
    case rgb(Double, Double, Double)

    public static let black = Color.gray(0)
    public static let white = Color.gray(1)

    /// `#RRGGBB` → RGB; nil when malformed.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.first == "#" { s = s.dropFirst() }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self = .rgb(Double(v >> 16 & 0xFF) / 255, Double(v >> 8 & 0xFF) / 255, Double(v & 0xFF) / 255)
    }
}
