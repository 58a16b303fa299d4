import LayoutDefinitions

extension BoundBlock {
    /// The block with its page-number spans (`{page}`, `{pages}`) replaced by their text for `page`,
    /// however deeply nested: the one mechanism for page numbers, in regions and in the body alike.
    func resolvingPageNumbers(_ page: (number: Int, count: Int)) -> BoundBlock {
        switch self {
        case .paragraph(var p):
            p.spans = SpanList(p.spans.map { span in
                var s = span
                switch span.content {
                case .pageNumber: s.content = .text(String(page.number))
                case .pageCount: s.content = .text(String(page.count))
                case .text: break
                }
                return s
            })
            return .paragraph(p)
        case .columns(let columns):
            return .columns(columns.map { c in
                var c = c
                c.blocks = c.blocks.map { $0.resolvingPageNumbers(page) }
                return c
            })
        case .box(var box):
            box.children = box.children.map { $0.resolvingPageNumbers(page) }
            return .box(box)
        case .keepTogether(let blocks):
            return .keepTogether(blocks.map { $0.resolvingPageNumbers(page) })
        // Tables and lists in a header or footer (a footer laid out as a grid) printed « 0 / 0 ».
        case .table(var table):
            func resolve(_ rows: [BoundRow]) -> [BoundRow] {
                rows.map { row in
                    var row = row
                    row.cells = row.cells.map { cell in
                        var cell = cell
                        switch cell.content {
                        case .paragraph(let p):
                            if case .paragraph(let resolved) = BoundBlock.paragraph(p).resolvingPageNumbers(page) {
                                cell.content = .paragraph(resolved)
                            }
                        case .blocks(let blocks):
                            cell.content = .blocks(blocks.map { $0.resolvingPageNumbers(page) })
                        }
                        return cell
                    }
                    return row
                }
            }
            table.headerRows = resolve(table.headerRows)
            table.rows = resolve(table.rows)
            return .table(table)
        case .list(var list):
            list.items = list.items.map { $0.map { $0.resolvingPageNumbers(page) } }
            return .list(list)
        default:
            return self
        }
    }
}
