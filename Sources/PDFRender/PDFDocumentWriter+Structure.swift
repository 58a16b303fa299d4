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
        for (i, node) in tree.nodes.enumerated() {
            let marked = nodeContent[i] ?? []
            let firstPage = marked.first.map { pageRefs[$0.page] }
            let parentRef = node.parent.map { refs[$0] } ?? rootRef
            let pages = pageRefs
            file.write(refs[i], as: StructElem.self) { e in
                e.role(node.role)
                e.parent(parentRef)
                if let firstPage { e.page(firstPage) }
                if let alt = node.alt { e.alt(alt) }
                if node.scope != nil || node.columnSpan > 1 {
                    let scope: StaticString? = switch node.scope {
                    case .column: "Column"
                    case .row: "Row"
                    case .both: "Both"
                    case nil: nil
                    }
                    e.tableAttributes(scope: scope, columnSpan: node.columnSpan)
                }
                e.dict.array("K") { k in
                    for m in marked {
                        if pages[m.page] == firstPage {
                            k.int(m.mcid)
                        } else {
                            k.dict { d in
                                d.pair("Type", name: "MCR")
                                d.pair("Pg", ref: pages[m.page])
                                d.pair("MCID", int: m.mcid)
                            }
                        }
                    }
                    for child in node.children { k.ref(refs[child]) }
                }
            }
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
