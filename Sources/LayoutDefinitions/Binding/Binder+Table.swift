/// Table rows: loops, filters, groups with header and subtotal rows, zebra stripes.
extension BindContext {
    mutating func bind(_ table: CompiledTable) throws(LayoutError) -> BoundTable {
        var headerRows: [BoundRow] = []
        for row in table.headerRows { headerRows.append(try bind(row)) }
        var rows: [BoundRow] = []
        var bodyIndex = 0
        for source in table.rows {
            switch source {
            case .row(let row):
                if let condition = row.condition, !(try truthy(condition)) { continue }
                rows.append(try bind(row))
            case .loop(let loop):
                try bind(loop, zebra: table.style.zebra, bodyIndex: &bodyIndex, into: &rows)
            }
        }
        return BoundTable(columns: table.columns, headerRows: headerRows, rows: rows, style: table.style)
    }

    mutating func bind(_ loop: CompiledRowLoop, zebra: RGB?, bodyIndex: inout Int, into rows: inout [BoundRow]) throws(LayoutError) {
        let items: [DataValue]
        switch try evaluate(loop.list) {
        case .array(let a): items = a
        case .null: return
        case let other:
            throw LayoutError(.dataType, "'for' needs a list, got \(other.kindName)",
                              at: .data(path: dataPath(of: loop.list) ?? "(value)", source: source(of: loop.list)))
        }
        rows.reserveCapacity(rows.count + items.count)
        func bodyRow(_ ctx: inout BindContext, _ index: Int) throws(LayoutError) -> BoundRow {
            var row = try ctx.bind(loop.row)
            if row.background == nil, let zebra, bodyIndex % 2 == 1 { row.background = zebra }
            bodyIndex += 1
            return row
        }
        guard let keyExpr = loop.groupKey else {
            for (i, item) in items.enumerated() {
                slots[loop.slot] = item
                indices[loop.slot] = i
                if let filter = loop.filter, !(try truthy(filter)) { continue }
                rows.append(try bodyRow(&self, i))
            }
            return
        }
        // Groups in order of first appearance; few groups per table, so a linear search.
        var groups: [(key: DataValue, members: [Int])] = []
        for (i, item) in items.enumerated() {
            slots[loop.slot] = item
            indices[loop.slot] = i
            if let filter = loop.filter, !(try truthy(filter)) { continue }
            let key = try evaluate(keyExpr)
            if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].members.append(i) } else { groups.append((key, [i])) }
        }
        for group in groups {
            let members = group.members.map { items[$0] }
            slots[loop.groupSlot] = .object([(key: "key", value: group.key), (key: "items", value: .array(members)),
                                             (key: "count", value: .int(Int64(members.count)))])
            if let header = loop.groupHeader { rows.append(try bind(header)) }
            for i in group.members {
                slots[loop.slot] = items[i]
                indices[loop.slot] = i
                rows.append(try bodyRow(&self, i))
            }
            if let subtotal = loop.subtotal { rows.append(try bind(subtotal)) }
        }
    }

    func bind(_ row: CompiledRow) throws(LayoutError) -> BoundRow {
        var cells: [BoundCell] = []
        cells.reserveCapacity(row.cells.count)
        for cell in row.cells {
            if cell.isFixed {
                cells.append(cell.fixed!)
                continue
            }
            let spans: SpanList
            if cell.fieldSlot >= 0, case .object(let members) = slots[cell.fieldSlot],
               case .string(let text)? = Self.member(members, cell.fieldKey, cell.fieldKeyLength) {
                spans = SpanList(BoundSpan(content: .text(text), style: cell.singleStyle))
            } else if let path = cell.singlePath {
                spans = SpanList(BoundSpan(content: .text(try text(of: try resolve(path), path)), style: cell.singleStyle))
            } else {
                spans = try bind(cell.spans)
            }
            // Moved, not copied, into the paragraph and the cell (a copy of a span list is an outlined
            // copy of its enum, and its destruction another).
            let paragraph = BoundParagraph(role: .p, spans: consume spans, style: cell.paragraph)
            cells.append(BoundCell(content: .paragraph(consume paragraph), colspan: cell.colspan, alignment: cell.alignment,
                                   isHeader: cell.isHeader, scope: cell.scope))
        }
        return BoundRow(kind: row.kind, cells: cells, background: row.background)
    }
}
