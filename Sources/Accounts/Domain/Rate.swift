/// A rate in basis points (1 % = 100): 70 % is `Rate(basisPoints: 7000)`, CSG 6,2 % is 620.
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }
    public init(percent: Int) { self.basisPoints = percent * 100 }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.basisPoints < rhs.basisPoints }

    public var description: String {
        let f = basisPoints % 100
        return f == 0 ? "\(basisPoints / 100) %" : "\(basisPoints / 100).\(f < 10 ? "0" : "")\(f) %"
    }
}
