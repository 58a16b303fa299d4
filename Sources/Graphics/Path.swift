/// A vector path in frame coordinates (top-left origin): lines, cubic Béziers and rectangles.
public struct Path: Sendable, Hashable {
    public enum Element: Sendable, Hashable {
        case move(Point)
        case line(Point)
        case cubic(Point, Point, Point)
        case rect(Rect)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public init(rect: Rect) { elements = [.rect(rect)] }

    /// Makes room for `count` elements in all (a table's grid knows its count before drawing).
    public mutating func reserveCapacity(_ count: Int) { elements.reserveCapacity(count) }

    public static func line(from a: Point, to b: Point) -> Path {
        var p = Path()
        p.move(to: a)
        p.line(to: b)
        return p
    }

    /// A rectangle with rounded corners of `radius` (cubic approximation with κ = 0.5523).
    public static func roundedRect(_ r: Rect, radius: Double) -> Path {
        let k = 0.5523 * radius
        var p = Path()
        p.move(to: Point(x: r.minX + radius, y: r.minY))
        p.line(to: Point(x: r.maxX - radius, y: r.minY))
        p.cubic(Point(x: r.maxX - radius + k, y: r.minY), Point(x: r.maxX, y: r.minY + radius - k), Point(x: r.maxX, y: r.minY + radius))
        p.line(to: Point(x: r.maxX, y: r.maxY - radius))
        p.cubic(Point(x: r.maxX, y: r.maxY - radius + k), Point(x: r.maxX - radius + k, y: r.maxY), Point(x: r.maxX - radius, y: r.maxY))
        p.line(to: Point(x: r.minX + radius, y: r.maxY))
        p.cubic(Point(x: r.minX + radius - k, y: r.maxY), Point(x: r.minX, y: r.maxY - radius + k), Point(x: r.minX, y: r.maxY - radius))
        p.line(to: Point(x: r.minX, y: r.minY + radius))
        p.cubic(Point(x: r.minX, y: r.minY + radius - k), Point(x: r.minX + radius - k, y: r.minY), Point(x: r.minX + radius, y: r.minY))
        p.close()
        return p
    }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func cubic(_ c1: Point, _ c2: Point, _ to: Point) { elements.append(.cubic(c1, c2, to)) }
    public mutating func addRect(_ r: Rect) { elements.append(.rect(r)) }
    public mutating func close() { elements.append(.close) }
}

/// How a path is stroked.
public struct Stroke: Sendable, Hashable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public init(color: Color = .black, width: Double = 1, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// How a path is painted: fill, stroke, or both.
public struct PathStyle: Sendable, Hashable {
    public var fill: Color?
    public var stroke: Stroke?
    public var evenOdd: Bool
    public init(fill: Color? = nil, stroke: Stroke? = nil, evenOdd: Bool = false) {
        self.fill = fill
        self.stroke = stroke
        self.evenOdd = evenOdd
    }
}
