import Graphics
import LayoutDefinitions

/// Header, footer and background of one page, laid out once the page count is known so that
/// « Page X / N » is true. They are pagination artifacts: outside the logical structure.
struct RegionLayout {
    let engine: LayoutEngine
    let template: PageTemplate

    func place(_ regions: PageRegions, page: (number: Int, count: Int), into frame: inout Frame,
               body: [FrameItem]) throws(LayoutEngineError) {
        var flow = Flow(engine: engine, template: template)
        let width = template.contentWidth
        if !regions.background.isEmpty {
            try region(regions.background, y: template.marginTop, width: width, page: page, flow: &flow, pagination: false)
        }
        flow.pages[0].append(contentsOf: body)
        if !regions.header.isEmpty {
            let top = template.marginTop - regions.headerOffset - regions.headerHeight
            try region(regions.header, y: top, width: width, page: page, flow: &flow, pagination: true)
        }
        if !regions.footer.isEmpty {
            let top = template.height - template.marginBottom + regions.footerOffset
            try region(regions.footer, y: top, width: width, page: page, flow: &flow, pagination: true)
        }
        frame.items = flow.pages[0]
    }

    private func region(_ blocks: [BoundBlock], y: Double, width: Double, page: (number: Int, count: Int),
                        flow: inout Flow, pagination: Bool) throws(LayoutEngineError) {
        let resolved = blocks.map { Self.resolvePageNumbers($0, page: page) }
        let stack = try Stack.make(resolved, width: width, engine: engine)
        flow.emit(.beginArtifact(pagination: pagination))
        var scratch = flow
        let before = scratch.pages[0].count
        stack.emit(x: template.marginLeft, y: y, flow: &scratch, parent: 0, inline: true)
        // Inside an artifact nothing is tagged: keep only the drawing items.
        for item in scratch.pages[0][before...] {
            switch item {
            case .beginStructure, .endStructure: continue
            default: flow.emit(item)
            }
        }
        flow.emit(.endArtifact)
    }

    /// Replaces page-number spans by their text for this page.
    static func resolvePageNumbers(_ block: BoundBlock, page: (number: Int, count: Int)) -> BoundBlock {
        switch block {
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
                c.blocks = c.blocks.map { resolvePageNumbers($0, page: page) }
                return c
            })
        case .box(var box):
            box.children = box.children.map { resolvePageNumbers($0, page: page) }
            return .box(box)
        case .keepTogether(let blocks):
            return .keepTogether(blocks.map { resolvePageNumbers($0, page: page) })
        // Tables and lists in a header or footer (a footer laid out as a grid) printed « 0 / 0 ».
        case .table(var table):
            func resolve(_ rows: [BoundRow]) -> [BoundRow] {
                rows.map { row in
                    var row = row
                    row.cells = row.cells.map { cell in
                        var cell = cell
                        switch cell.content {
                        case .paragraph(let p):
                            if case .paragraph(let resolved) = resolvePageNumbers(.paragraph(p), page: page) {
                                cell.content = .paragraph(resolved)
                            }
                        case .blocks(let blocks):
                            cell.content = .blocks(blocks.map { resolvePageNumbers($0, page: page) })
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
            list.items = list.items.map { $0.map { resolvePageNumbers($0, page: page) } }
            return .list(list)
        default:
            return block
        }
    }
}
