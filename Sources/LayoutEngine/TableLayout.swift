import Graphics
import LayoutDefinitions

/// The table phases: measure columns, distribute the width, lay out each row's cells, then paginate
/// row by row, repeating the header rows at the top of every page (as pagination artifacts after the
/// first page: the structure tree holds them once). A row is never split across pages.
struct TableLayout {
    let engine: LayoutEngine

    /// A cell's content laid out: nearly always one paragraph, kept as is (a `Stack` of one part cost
    /// an array per cell to make and to free).
    enum CellBody {
        case paragraph(LaidParagraph)
        case stack(Stack)

        var height: Double {
            switch self {
            case .paragraph(let p): p.height
            case .stack(let s): s.height
            }
        }

        var stack: Stack {
            switch self {
            case .paragraph(let p): Stack(height: p.height, parts: [(0, .paragraph(p))])
            case .stack(let s): s
            }
        }

        /// Emits the content at (x, y) inside the cell's structure element `parent`.
        func emit(x: Double, y: Double, flow: inout Flow, parent: Int) {
            switch self {
            case .paragraph(let p): Stack.emitLines(p, x: x, y: y, flow: &flow)
            case .stack(let s): s.emit(x: x, y: y, flow: &flow, parent: parent, inline: true)
            }
        }
    }

    struct LaidCell {
        var x: Double
        var width: Double
        var body: CellBody
        var isHeader: Bool
        var scope: BoundCell.Scope?
        var colspan: Int
    }

    struct LaidRow {
        var height: Double
        var cells: [LaidCell]
        var background: RGB?
        var isHeader: Bool
    }

    /// Column widths: fixed ones as given, automatic ones at their content's natural width, and the
    /// rest shared by the proportional ones (weight-wise); if nothing is proportional, autos stretch.
    static func distribute(_ specs: [ColumnWidth], total: Double, natural: (Int) -> Double) -> [Double] {
        var widths = [Double](repeating: 0, count: specs.count)
        var weights = 0.0
        for (i, spec) in specs.enumerated() {
            switch spec {
            case .fixed(let w): widths[i] = w
            case .auto: widths[i] = natural(i)
            case .proportional(let weight): weights += weight
            }
        }
        let left = max(0, total - widths.reduce(0, +))
        if weights > 0 {
            for (i, spec) in specs.enumerated() {
                if case .proportional(let weight) = spec { widths[i] = left * weight / weights }
            }
        }
        return widths
    }

    func laidRows(_ table: BoundTable, width: Double) throws(LayoutEngineError) -> (widths: [Double], header: [LaidRow], body: [LaidRow]) {
        let padH = table.style.paddingH, padV = table.style.paddingV
        var natural = [Double](repeating: 0, count: table.columns.count)
        if table.columns.contains(where: { $0.width == .auto }) {
            for row in table.headerRows + table.rows {
                var c = 0
                for cell in row.cells {
                    if cell.colspan == 1, c < natural.count, table.columns[c].width == .auto {
                        let stack = try Stack.make(cell.content, width: 10_000, engine: engine)
                        let w = stack.parts.reduce(0.0) { m, p in
                            if case .paragraph(let lp) = p.part { return max(m, lp.lines.map(\.width).max() ?? 0) }
                            return m
                        }
                        natural[c] = max(natural[c], w + 2 * padH + 0.5)
                    }
                    c += cell.colspan
                }
            }
        }
        let widths = Self.distribute(table.columns.map(\.width), total: width, natural: { natural[$0] })
        func lay(_ row: BoundRow, header: Bool) throws(LayoutEngineError) -> LaidRow {
            var cells: [LaidCell] = []
            cells.reserveCapacity(row.cells.count)
            var c = 0, x = 0.0, height = 0.0
            // By index: a `for cell in` loop copied every cell (its paragraph, spans and strings) twice.
            for i in row.cells.indices {
                let cellAlignment = row.cells[i].alignment, cellSpan = row.cells[i].colspan
                let span = max(1, min(cellSpan, widths.count - c))
                let w = widths[c..<(c + span)].reduce(0, +)
                let alignment = cellAlignment ?? table.columns[min(c, table.columns.count - 1)].alignment
                let body: CellBody
                // A switch on the content itself: `paragraph` (a computed property) copied the whole cell.
                switch row.cells[i].content {
                case .paragraph(let p):
                    body = .paragraph(try ParagraphLayout(engine: engine).layout(p, width: max(1, w - 2 * padH), alignment: alignment))
                case .blocks(let blocks):
                    body = .stack(try Stack.make(blocks, width: max(1, w - 2 * padH), engine: engine, alignment: alignment))
                }
                let bodyHeight = body.height
                cells.append(LaidCell(x: x, width: w, body: body, isHeader: row.cells[i].isHeader || header,
                                      scope: row.cells[i].scope ?? (header ? .column : nil), colspan: span))
                height = max(height, bodyHeight + 2 * padV)
                x += w
                c += span
            }
            return LaidRow(height: height, cells: cells, background: row.background, isHeader: header)
        }
        var header: [LaidRow] = []
        for row in table.headerRows { header.append(try lay(row, header: true)) }
        var body: [LaidRow] = []
        body.reserveCapacity(table.rows.count)
        for row in table.rows { body.append(try lay(row, header: false)) }
        return (widths, header, body)
    }

    /// Paginates the table in the flow.
    func place(_ table: BoundTable, in flow: inout Flow, parent: Int) throws(LayoutEngineError) {
        let (widths, header, body) = try laidRows(table, width: flow.width)
        let tableWidth = widths.reduce(0, +)
        let headerHeight = header.reduce(0) { $0 + $1.height }
        // The table's nodes: a TR per row and a TH or TD per cell (repeated headers add none).
        let rowNodes = header.reduce(0) { $0 + 1 + $1.cells.count } + body.reduce(0) { $0 + 1 + $1.cells.count }
        flow.tree.reserveCapacity(flow.tree.nodes.count + 1 + rowNodes)
        let node = flow.tree.add("Table", under: parent)
        // Start on a new page if not even the header and the first row fit here.
        flow.ensure(headerHeight + (body.first?.height ?? 0))
        var segment: [(y: Double, row: LaidRow)] = []
        var firstHeader = true
        func emitHeader(_ flow: inout Flow) {
            for row in header {
                if firstHeader { _ = emitRow(row, y: flow.y, flow: &flow, table: node, style: table.style) } else {
                    flow.emit(.beginArtifact(pagination: true))
                    _ = emitRow(row, y: flow.y, flow: &flow, table: nil, style: table.style)
                    flow.emit(.endArtifact)
                }
                segment.append((flow.y, row))
                flow.y += row.height
                flow.pageHasContent = true
            }
            firstHeader = false
        }
        emitHeader(&flow)
        let roomBelowHeader = flow.pageBodyHeight - headerHeight
        for row in body {
            // Move on only if the row fits under the repeated header of a fresh page: otherwise a page
            // would hold the header alone (a taller row is split below instead).
            if row.height > flow.remaining + 0.001 && flow.pageHasContent && row.height <= roomBelowHeader + 0.001 {
                drawGrid(segment, x: flow.left, width: tableWidth, flow: &flow, style: table.style)
                segment.removeAll()
                flow.newPage()
                emitHeader(&flow)
            }
            // A row taller than a page is the one row that is split: the lines that fit stay here, the
            // rest continue under the repeated header, in the same TR and TD elements.
            var rest = row
            var rowNode: Int?
            while rest.height > flow.remaining + 0.001, let (head, tail) = Self.split(rest, height: flow.remaining, style: table.style) {
                rowNode = emitRow(head, y: flow.y, flow: &flow, table: node, style: table.style, rowNode: rowNode)
                segment.append((flow.y, head))
                flow.y += head.height
                drawGrid(segment, x: flow.left, width: tableWidth, flow: &flow, style: table.style)
                segment.removeAll()
                flow.newPage()
                emitHeader(&flow)
                rest = tail
            }
            _ = emitRow(rest, y: flow.y, flow: &flow, table: node, style: table.style, rowNode: rowNode)
            segment.append((flow.y, rest))
            flow.y += rest.height
            flow.pageHasContent = true
        }
        drawGrid(segment, x: flow.left, width: tableWidth, flow: &flow, style: table.style)
    }

    /// A table inside an unbreakable block: all rows one under the other.
    func stackedRows(_ table: BoundTable, width: Double) throws(LayoutEngineError) -> Atom {
        let (widths, header, body) = try laidRows(table, width: width)
        let rows = header + body
        let height = rows.reduce(0) { $0 + $1.height }
        let style = table.style
        return Atom(height: height) { x, y, flow, parent in
            let node = flow.tree.add("Table", under: parent)
            var segment: [(y: Double, row: LaidRow)] = []
            var cy = y
            for row in rows {
                _ = TableLayout.emitRow(row, x: x, y: cy, flow: &flow, table: node, style: style)
                segment.append((cy, row))
                cy += row.height
            }
            TableLayout.drawGrid(segment, x: x, width: widths.reduce(0, +), flow: &flow, style: style)
        }
    }

    private func emitRow(_ row: LaidRow, y: Double, flow: inout Flow, table: Int?, style: TableStyle,
                         rowNode: Int? = nil) -> Int? {
        Self.emitRow(row, x: flow.left, y: y, flow: &flow, table: table, style: style, rowNode: rowNode)
    }

    /// Splits a row so that its first part is `height` tall: each cell keeps the lines that fit.
    /// Nil when nothing would fit (not even one line of every cell that has content).
    static func split(_ row: LaidRow, height: Double, style: TableStyle) -> (LaidRow, LaidRow)? {
        let room = height - 2 * style.paddingV
        guard room > 0 else { return nil }
        var head = row, tail = row
        var moved = false
        for (i, cell) in row.cells.enumerated() {
            let (a, b) = cell.body.stack.split(at: room)
            head.cells[i].body = .stack(a)
            tail.cells[i].body = .stack(b)
            if a.height > 0 { moved = true }
        }
        guard moved else { return nil }
        head.height = height
        tail.height = tail.cells.map(\.body.height).max().map { $0 + 2 * style.paddingV } ?? 0
        tail.background = row.background
        return (head, tail)
    }

    private func drawGrid(_ segment: [(y: Double, row: LaidRow)], x: Double, width: Double, flow: inout Flow, style: TableStyle) {
        Self.drawGrid(segment, x: x, width: width, flow: &flow, style: style)
    }

    /// Draws a row: its background (an artifact), then each cell's content marked as TH or TD under a
    /// TR of `table` (or as plain content inside an artifact when `table` is nil: a repeated header).
    /// Returns the TR, whose children are the cells' nodes: the rest of a split row, given it as
    /// `rowNode`, continues in the same TR and cell elements. (Returning the cells' nodes cost an array
    /// per row, for the rare row that splits.)
    @discardableResult
    static func emitRow(_ row: LaidRow, x: Double, y: Double, flow: inout Flow, table: Int?, style: TableStyle,
                        rowNode: Int? = nil) -> Int? {
        if let bg = row.background {
            let rect = Rect(x: x, y: y, width: row.cells.reduce(0) { $0 + $1.width }, height: row.height)
            if table != nil { flow.emit(.beginArtifact(pagination: false)) }
            flow.emit(.path(Path(rect: rect), PathStyle(fill: bg.color)))
            if table != nil { flow.emit(.endArtifact) }
        }
        let tr = rowNode ?? table.map { flow.tree.add("TR", under: $0, childCapacity: row.cells.count) }
        // By index: a `for cell in` loop copied each cell (retaining its laid-out body) only to read it.
        for index in row.cells.indices {
            var dy = style.paddingV
            let free = row.height - 2 * style.paddingV - row.cells[index].body.height
            switch style.verticalAlignment {
            case .middle: dy += free / 2
            case .bottom: dy += free
            case .top: break
            }
            let cellX = x + row.cells[index].x + style.paddingH
            if table != nil {
                let node: Int
                if let rowNode { node = flow.tree.nodes[rowNode].children[index] } else {
                    let isHeader = row.cells[index].isHeader
                    let scope: StructureTree.HeaderScope? = isHeader ? (row.cells[index].scope == .row ? .row : .column) : nil
                    node = flow.tree.add(isHeader ? "TH" : "TD", under: tr!, scope: scope, columnSpan: row.cells[index].colspan)
                }
                flow.emit(.beginStructure(node: node))
                row.cells[index].body.emit(x: cellX, y: y + dy, flow: &flow, parent: node)
                flow.emit(.endStructure)
            } else {
                row.cells[index].body.emit(x: cellX, y: y + dy, flow: &flow, parent: 0)
            }
        }
        return tr
    }

    /// The grid of one page's part of the table, as a single stroked path (an artifact): a rule above
    /// each row and below the last, and each column boundary as one line for as many consecutive rows
    /// as have it (a subtotal row spanning columns interrupts some). The PDF writer would join the
    /// pieces of a boundary drawn row by row too, but by sorting every segment of the page.
    static func drawGrid(_ segment: [(y: Double, row: LaidRow)], x: Double, width: Double, flow: inout Flow, style: TableStyle) {
        guard style.borderWidth > 0, let last = segment.last else { return }
        var path = Path()
        path.reserveCapacity(4 * segment.count + 8)
        // The boundaries drawn down to the current row: x (relative to the table) and where they began,
        // in x order, like a row's cells. By index: iterating rows and cells copied each one (and
        // retained its cells' bodies) to read two numbers.
        var open: [(x: Double, from: Double)] = [], next: [(x: Double, from: Double)] = []
        open.reserveCapacity(16)
        next.reserveCapacity(16)
        func close(_ boundary: (x: Double, from: Double), at y: Double) {
            path.move(to: Point(x: x + boundary.x, y: boundary.from))
            path.line(to: Point(x: x + boundary.x, y: y))
        }
        var above = segment[0].y  // the bottom of the row above
        for s in segment.indices {
            let y = segment[s].y
            path.move(to: Point(x: x, y: y))
            path.line(to: Point(x: x + width, y: y))
            // A boundary goes on only across rows that touch.
            if y != above {
                for boundary in open { close(boundary, at: above) }
                open.removeAll(keepingCapacity: true)
            }
            // This row's boundaries, left to right: each cell's left edge, then the table's right edge.
            next.removeAll(keepingCapacity: true)
            var k = 0
            let cells = segment[s].row.cells.count
            for c in 0...cells {
                let bx = c < cells ? segment[s].row.cells[c].x : width
                while k < open.count && open[k].x < bx {
                    close(open[k], at: y)
                    k += 1
                }
                if k < open.count && open[k].x == bx {
                    next.append(open[k])
                    k += 1
                } else {
                    next.append((bx, y))
                }
            }
            while k < open.count {
                close(open[k], at: y)
                k += 1
            }
            swap(&open, &next)
            above = y + segment[s].row.height
        }
        let bottom = last.y + last.row.height
        for boundary in open { close(boundary, at: bottom) }
        path.move(to: Point(x: x, y: bottom))
        path.line(to: Point(x: x + width, y: bottom))
        flow.emit(.beginArtifact(pagination: false))
        flow.emit(.path(path, PathStyle(stroke: Stroke(color: style.borderColor.color, width: style.borderWidth))))
        flow.emit(.endArtifact)
    }
}
