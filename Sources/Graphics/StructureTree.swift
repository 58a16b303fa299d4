/// The logical structure of a document (ISO 32000-1 §14.7–14.8), built by layout in reading order.
/// Node 0 is the root (`Document`); frames refer to nodes by index with `.beginStructure(node:)`.
public struct StructureTree: Sendable {
    /// A structure element: a standard role (`Document`, `H1`…`H3`, `P`, `Table`, `TR`, `TH`, `TD`,
    /// `L`, `LI`, `Lbl`, `LBody`, `Figure`, `Sect`, `Div`, `Span`…).
    public struct Node: Sendable {
        public var role: StructureRole
        public var parent: Int?
        public var children: [Int] = []
        /// Alternate description, required for `Figure` (PDF/UA, WCAG 1.1.1).
        public var alt: String?
        /// `Column` or `Row` for header cells (§14.8.5.7).
        public var scope: HeaderScope?
        public var columnSpan: Int = 1
        public init(role: StructureRole, parent: Int?, alt: String? = nil, scope: HeaderScope? = nil, columnSpan: Int = 1) {
            self.role = role
            self.parent = parent
            self.alt = alt
            self.scope = scope
            self.columnSpan = columnSpan
        }
    }

    public enum HeaderScope: Sendable { case column, row, both }

    public private(set) var nodes: [Node]

    public init(rootRole: StructureRole = "Document") {
        nodes = [Node(role: rootRole, parent: nil)]
    }

    public var root: Int { 0 }

    /// Adds a node under `parent` and returns its index.
    @discardableResult
    public mutating func add(_ role: StructureRole, under parent: Int, alt: String? = nil,
                             scope: HeaderScope? = nil, columnSpan: Int = 1) -> Int {
        nodes.append(Node(role: role, parent: parent, alt: alt, scope: scope, columnSpan: columnSpan))
        let index = nodes.count - 1
        nodes[parent].children.append(index)
        return index
    }

    /// Adds a node under `parent` with room for `childCapacity` children (a table row's cells), so that
    /// its children array is allocated once.
    @discardableResult
    public mutating func add(_ role: StructureRole, under parent: Int, childCapacity: Int) -> Int {
        let index = add(role, under: parent)
        nodes[index].children.reserveCapacity(childCapacity)
        return index
    }

    /// The role of `node`, or nil for an index outside the tree.
    public func role(of node: Int) -> StructureRole? { nodes.indices.contains(node) ? nodes[node].role : nil }

    /// Makes room for `count` nodes in all.
    public mutating func reserveCapacity(_ count: Int) { nodes.reserveCapacity(count) }
}
