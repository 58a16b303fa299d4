import Graphics
import PDFSyntax

extension PDFDocumentWriter {
    /// Writes the structure tree (ISO 32000-1 §14.7.2): one StructElem per node, its kids being its
    /// marked content (MCIDs, or MCR dictionaries for content on another page than `/Pg`) followed by
    /// its child elements, and the parent tree that maps each page's MCIDs back to their elements.
    func writeStructure(_ tree: StructureTree) -> Ref {
        let rootRef = file.allocate()
        let parentTreeRef = file.allocate()
        let refs = tree.nodes.map { _ in file.allocate() }
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
        // One element writer serves every element (hundreds per statement).
        var e = StructElem()
        for i in tree.nodes.indices {
            let marked = byNode[start[i]..<start[i + 1]]
            let firstPage = marked.first.map { Int($0.page) }
            e.removeAll()
            e.role(tree.nodes[i].role, parent: tree.nodes[i].parent.map { refs[$0] } ?? rootRef,
                   page: firstPage.map { pages[$0] })
            if let alt = tree.nodes[i].alt { e.alt(alt) }
            let scope = tree.nodes[i].scope, columnSpan = tree.nodes[i].columnSpan
            if scope != nil || columnSpan > 1 {
                let name: StaticString? = switch scope {
                case .column: "Column"
                case .row: "Row"
                case .both: "Both"
                case nil: nil
                }
                e.tableAttributes(scope: name, columnSpan: columnSpan)
            }
            let children = tree.nodes[i].children
            e.kids(count: marked.count + children.count) { k in
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
                for child in children { k.ref(refs[child]) }
            }
            file.write(refs[i], e)
        }
        let perPage = mcidNodes
        file.dictionary(parentTreeRef) { d in
            d.array("Nums") { a in
                for (page, nodes) in perPage.enumerated() where !nodes.isEmpty {
                    a.int(page)
                    a.array { inner in nodes.forEach { inner.ref(refs[$0]) } }
                }
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
}
