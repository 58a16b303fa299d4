/// A structure type (ISO 32000-1 §14.8.4): `P`, `H1`, `Table`, `TR`, `TD`, `Figure`… Always a
/// literal, kept as a `StaticString`: a node is then copied, and its role written as a tag or a
/// `/S` name, without reference counting — a statement has hundreds of nodes and marks.
public struct StructureRole: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: StaticString

    public init(stringLiteral name: StaticString) { self.name = name }

    public static func == (a: StructureRole, b: StructureRole) -> Bool {
        a.name.withUTF8Buffer { x in b.name.withUTF8Buffer { y in x.elementsEqual(y) } }
    }

    public var description: String { name.description }
}
