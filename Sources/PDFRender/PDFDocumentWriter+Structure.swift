import Graphics
import PDFSyntax

extension PDFDocumentWriter {
    /// Writes the structure tree (ISO 32000-1 §14.7.2): one StructElem per node, its kids being its
    /// marked content (MCIDs, or MCR dictionaries for content on another page than `/Pg`) followed by
    /// its child elements, and the parent tree that maps each page's MCIDs back to their elements.
    func writeStructure(_ tree: StructureTree) -> Ref {
        let rootRef = file.allocate()
        let parentTreeRef = file.allocate()
        let refs = (0..<tree.nodes.count).map { _ in file.allocate() }  // not over the nodes: no copies
        // Group the marks by node, keeping their order (a counting sort): node i's marked content is
        // byNode[start[i]..<start[i + 1]]. `finish` checked that every marked node is in the tree.
        var start = [Int](repeating: 0, count: tree.nodes.count + 1)
        for m in marks { start[Int(m.node) + 1] += 1 }
        for i in 0..<tree.nodes.count { start[i + 1] += start[i] }
        var next = start
        var byNode = [Mark](repeating: Mark(node: 0, page: 0, mcid: 0), count: marks.count)
        for m in marks {
            byNode[next[Int(m.node)]] = m
            next[Int(m.node)] += 1
        }
        let pages = pageRefs
        // Each element is written straight into the object stream by a typed writer that borrows its
        // buffer; the nodes are read through a buffer pointer, so no node (with its role string and
        // children array) is copied, retained and released per element.
        byNode.withUnsafeBufferPointer { byNode in
            tree.nodes.withUnsafeBufferPointer { nodes in
                for i in nodes.indices {
                    let marked = byNode[start[i]..<start[i + 1]]
                    let firstPage = marked.first.map { Int($0.page) }
                    if nodes[i].alt == nil, marked.allSatisfy({ Int($0.page) == firstPage }),
                       writeElement(refs[i], role: nodes[i].role, parent: nodes[i].parent.map { refs[$0] } ?? rootRef,
                                    page: firstPage.map { pages[$0] }, scope: nodes[i].scope,
                                    columnSpan: nodes[i].columnSpan, marked: marked, children: nodes[i].children,
                                    refs: refs) {
                        continue
                    }
                    file.write(refs[i], as: StructElem.self) { e in
                        e.role(nodes[i].role.description, parent: nodes[i].parent.map { refs[$0] } ?? rootRef,
                               page: firstPage.map { pages[$0] })
                        if let alt = nodes[i].alt { e.alt(alt) }
                        let scope = nodes[i].scope, columnSpan = nodes[i].columnSpan
                        if scope != nil || columnSpan > 1 {
                            let name: StaticString? = switch scope {
                            case .column: "Column"
                            case .row: "Row"
                            case .both: "Both"
                            case nil: nil
                            }
                            e.tableAttributes(scope: name, columnSpan: columnSpan)
                        }
                        let childCount = nodes[i].children.count
                        e.kids(count: marked.count + childCount) { k in
                            for m in marked {
                                if Int(m.page) == firstPage {
                                    k.int(Int(m.mcid))
                                } else {
                                    k.dict { d in
                                        d.pair("Type", name: "MCR")
                                        d.pair("Pg", ref: pages[Int(m.page)])
                                        d.pair("MCID", int: Int(m.mcid))
                                    }
                                }
                            }
                            if childCount > 0 {
                                nodes[i].children.withUnsafeBufferPointer { children in
                                    for child in children { k.ref(refs[child]) }
                                }
                            }
                        }
                    }
                }
            }
        }
        // The parent tree (§14.7.4.4) in one pointer pass: `<</Nums[0[r r …]1[…]]>>`.
        let perPage = mcidNodes
        let total = perPage.reduce(0) { $0 + 24 + 16 * $1.count }
        refs.withUnsafeBufferPointer { refs in
            file.object(parentTreeRef, upTo: total + 16) { w in
                w.raw("<</Nums[")
                var first = true
                for (page, nodes) in perPage.enumerated() where !nodes.isEmpty {
                    if !first { w.byte(UInt8(ascii: " ")) }
                    first = false
                    w.int(page)
                    w.byte(UInt8(ascii: "["))
                    for (k, node) in nodes.enumerated() {
                        if k > 0 { w.byte(UInt8(ascii: " ")) }
                        w.ref(refs[node])
                    }
                    w.byte(UInt8(ascii: "]"))
                }
                w.raw("]>>")
            }
        }
        let pageCount = pageRefs.count
        file.dictionary(rootRef) { d in
            d.pair("Type", name: "StructTreeRoot")
            d.array("K") { $0.ref(refs[tree.root]) }
            d.pair("ParentTree", ref: parentTreeRef)
            d.pair("ParentTreeNextKey", int: pageCount)
        }
        return rootRef
    }

    /// Writes a structure element whose kids are its marked content on one page and its child elements,
    /// in one pointer pass: `<</S/TD/P 12 0 R/Pg 8 0 R/A<</O/Table/Scope/Column>>/K[3 41 0 R]>>`. No
    /// space where a delimiter (`/`, `<`, `[`) already separates tokens (ISO 32000-1 §7.2.2): a
    /// statement has hundreds of elements, and every byte is compressed. Returns false, writing
    /// nothing, for a role name that needs escaping (the typed writer handles it).
    private func writeElement(_ ref: Ref, role: StructureRole, parent: Ref, page: Ref?, scope: StructureTree.HeaderScope?,
                              columnSpan: Int, marked: Slice<UnsafeBufferPointer<Mark>>, children: [Int], refs: [Ref]) -> Bool {
        role.name.withUTF8Buffer { roleBytes -> Bool in
            guard PointerWriter.isPlainName(roleBytes) else { return false }
            let kidCount = marked.count + children.count
            file.object(ref, upTo: roleBytes.count + 128 + 16 * kidCount) { w in
                w.raw("<</S/")
                w.bytes(roleBytes)
                w.raw("/P ")
                w.ref(parent)
                if let page {
                    w.raw("/Pg ")
                    w.ref(page)
                }
                if scope != nil || columnSpan > 1 {
                    w.raw("/A<</O/Table")
                    switch scope {
                    case .column: w.raw("/Scope/Column")
                    case .row: w.raw("/Scope/Row")
                    case .both: w.raw("/Scope/Both")
                    case nil: break
                    }
                    if columnSpan > 1 {
                        w.raw("/ColSpan ")
                        w.int(columnSpan)
                    }
                    w.raw(">>")
                }
                // Table 323: a single kid stands without an array; an element without kids has no /K.
                if kidCount == 1 {
                    w.raw("/K ")
                } else if kidCount > 1 {
                    w.raw("/K[")
                }
                var separate = false
                for m in marked {
                    if separate { w.byte(UInt8(ascii: " ")) }
                    separate = true
                    w.int(Int(m.mcid))
                }
                refs.withUnsafeBufferPointer { refs in
                    children.withUnsafeBufferPointer { children in
                        for child in children {
                            if separate { w.byte(UInt8(ascii: " ")) }
                            separate = true
                            w.ref(refs[child])
                        }
                    }
                }
                if kidCount > 1 { w.byte(UInt8(ascii: "]")) }
                w.raw(">>")
            }
            return true
        }
    }
}
