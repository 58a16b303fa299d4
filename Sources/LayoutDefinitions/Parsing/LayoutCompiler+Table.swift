import Yams

extension LayoutCompiler {
    static let tableKeys = ["columns", "header", "rows", "total", "style", "header_style", "total_style", "group_style",
                            "border", "border_color", "header_background", "zebra", "total_background",
                            "group_background", "padding", "valign"]
    static let columnKeys = ["width", "align", "header", "cell"]
    static let rowKeys = ["for", "if", "cells", "kind", "background", "style", "group_by", "group_header", "subtotal"]
    static let cellKeys = ["text", "colspan", "align", "header"] + StyleSpec.keys.filter { $0 != "parent" } + ["style"]

    /// What a table needs while its rows are compiled.
    struct TableContext {
        var columns: [TableColumn]
        var cellTemplates: [Node?]
        var bodyStyle: ResolvedStyle
    }

    func table(_ node: Node, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> CompiledBlock {
        let entries = try r.entries(node, "table")
        try r.check(entries, allowed: Self.tableKeys, in: "table")
        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
        func named(_ key: String, _ fallback: ResolvedStyle) throws(LayoutError) -> ResolvedStyle {
            guard let n = value(key) else { return fallback }
            return try styles.style(try r.string(n, key), at: n, r)
        }
        func color(_ key: String) throws(LayoutError) -> RGB? { try value(key).map { n throws(LayoutError) in try r.color(n, key) } }

        guard let columnsNode = value("columns") else { throw r.error(.missingAttribute, "a table needs 'columns'", node) }
        let bodyStyle = try named("style", styles.base)
        var headerStyle = bodyStyle
        headerStyle.text.bold = true
        headerStyle = try named("header_style", headerStyle)
        var boldStyle = bodyStyle
        boldStyle.text.bold = true
        let totalStyle = try named("total_style", boldStyle)
        let groupStyle = try named("group_style", boldStyle)

        var context = TableContext(columns: [], cellTemplates: [], bodyStyle: bodyStyle)
        var headers: [Node?] = []
        for column in try r.sequence(columnsNode, "columns") {
            let c = try r.entries(column, "a column")
            try r.check(c, allowed: Self.columnKeys, in: "a table column")
            let width = try c.first { $0.key == "width" }.map { e throws(LayoutError) in try columnWidth(e.value, r) } ?? .auto
            let align = try c.first { $0.key == "align" }.map { e throws(LayoutError) in try r.alignment(e.value) } ?? .left
            context.columns.append(TableColumn(width: width, alignment: align))
            context.cellTemplates.append(c.first { $0.key == "cell" }?.value)
            headers.append(c.first { $0.key == "header" }?.value)
        }
        guard !context.columns.isEmpty else { throw r.error(.invalidValue, "a table needs at least one column", columnsNode) }

        var style = TableStyle(borderWidth: 0.5, borderColor: .black, headerBackground: try color("header_background"),
                               zebra: try color("zebra"), paddingH: 3, paddingV: 2, verticalAlignment: .middle)
        if let n = value("border") { style.borderWidth = try r.nonNegative(n, "border") }
        if let c = try color("border_color") { style.borderColor = c }
        if let n = value("padding") { (style.paddingH, style.paddingV) = try padding(n, r) }
        if let n = value("valign") {
            guard let v = VerticalAlignment(rawValue: try r.string(n, "valign")) else {
                throw r.error(.invalidValue, "valign must be top, middle or bottom", n)
            }
            style.verticalAlignment = v
        }

        var headerRows: [CompiledRow] = []
        let showHeader = try value("header").map { n throws(LayoutError) in try r.bool(n, "header") } ?? true
        if showHeader && headers.contains(where: { $0 != nil }) {
            var cells: [CompiledCell] = []
            for (i, h) in headers.enumerated() {
                var cell = try cellTemplate(h ?? Node(""), r, scope, style: headerStyle, alignment: context.columns[i].alignment)
                cell.isHeader = true
                cell.scope = BoundCell.Scope.column
                cells.append(Self.prebuilt(cell))
            }
            headerRows.append(CompiledRow(kind: .header, cells: cells, background: style.headerBackground, condition: nil))
        }

        var sources: [CompiledRowSource] = []
        if let rowsNode = value("rows") {
            for rowNode in try r.sequence(rowsNode, "rows") {
                sources.append(try rowSource(rowNode, r, scope, context, groupStyle: groupStyle,
                                             groupBackground: try color("group_background"), totalStyle: totalStyle))
            }
        }
        if let totalNode = value("total") {
            var total = try row(kind: .total, cells: totalNode, at: totalNode, r, scope, context, style: totalStyle)
            total.background = try color("total_background")
            sources.append(.row(total))
        }
        return .table(CompiledTable(columns: context.columns, headerRows: headerRows, rows: sources, style: style))
    }

    func padding(_ node: Node, _ r: YAMLReader) throws(LayoutError) -> (Double, Double) {
        if case .scalar = node {
            let p = try r.nonNegative(node, "padding")
            return (p, p)
        }
        let entries = try r.entries(node, "padding")
        try r.check(entries, allowed: ["h", "v"], in: "padding")
        var h = 0.0, v = 0.0
        for e in entries {
            if e.key == "h" { h = try r.nonNegative(e.value, "h") } else { v = try r.nonNegative(e.value, "v") }
        }
        return (h, v)
    }

    func rowSource(_ node: Node, _ r: YAMLReader, _ scope: VariableScope, _ context: TableContext,
                   groupStyle: ResolvedStyle, groupBackground: RGB?, totalStyle: ResolvedStyle) throws(LayoutError) -> CompiledRowSource {
        let entries = try r.entries(node, "a row")
        try r.check(entries, allowed: Self.rowKeys, in: "a table row")
        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
        var kind = BoundRow.Kind.body
        if let n = value("kind") {
            let names = ["body": BoundRow.Kind.body, "group_header": .groupHeader, "subtotal": .subtotal, "total": .total]
            let s = try r.string(n, "kind")
            guard let k = names[s] else { throw r.error(.invalidValue, "kind must be body, group_header, subtotal or total" + Suggestion.hint(for: s, in: Array(names.keys)), n) }
            kind = k
        }
        var rowStyle = kind == .body ? context.bodyStyle : (kind == .total ? totalStyle : groupStyle)
        if let n = value("style") { rowStyle = try styles.style(try r.string(n, "style"), at: n, r) }
        let background = try value("background").map { n throws(LayoutError) in try r.color(n, "background") }

        guard let forNode = value("for") else {
            guard let cellsNode = value("cells") else { throw r.error(.missingAttribute, "a row needs 'cells' (or 'for' to use the columns' 'cell')", node) }
            var row = try row(kind: kind, cells: cellsNode, at: node, r, scope, context, style: rowStyle)
            row.background = background
            row.condition = try value("if").map { n throws(LayoutError) in try expression(n, r, scope) }
            return .row(row)
        }
        let (name, list) = try loopHeader(forNode, r, scope)
        let origin: SlotOrigin = if case .path(let p) = list { .list(p) } else { .named(name) }
        let (slot, itemScope) = bind(name, origin: origin, in: scope)
        let (groupSlot, inner) = bind("group", origin: .named("group"), in: itemScope)
        var body: CompiledRow
        if let cellsNode = value("cells") {
            body = try row(kind: kind, cells: cellsNode, at: node, r, inner, context, style: rowStyle)
        } else {
            guard context.cellTemplates.allSatisfy({ $0 != nil }) else {
                throw r.error(.missingAttribute, "a 'for' row without 'cells' needs a 'cell' on every column", node)
            }
            body = try row(kind: kind, templates: context.cellTemplates.map { $0! }, r, inner, context, style: rowStyle)
        }
        body.background = background
        var loop = CompiledRowLoop(slot: slot, list: list, filter: try value("if").map { n throws(LayoutError) in try expression(n, r, itemScope) },
                                   row: body, groupKey: nil, groupSlot: groupSlot, groupHeader: nil, subtotal: nil)
        if let keyNode = value("group_by") {
            loop.groupKey = try expression(keyNode, r, itemScope)
            if let n = value("group_header") {
                loop.groupHeader = try row(kind: .groupHeader, cells: n, at: n, r, inner, context, style: groupStyle)
                loop.groupHeader?.background = groupBackground
            }
            if let n = value("subtotal") {
                loop.subtotal = try row(kind: .subtotal, cells: n, at: n, r, inner, context, style: groupStyle)
                loop.subtotal?.background = groupBackground
            }
        } else if let n = value("group_header") ?? value("subtotal") {
            throw r.error(.missingAttribute, "'group_header' and 'subtotal' need 'group_by'", n)
        }
        return .loop(loop)
    }

    /// A row from an explicit `cells:` list; colspans must add up to the column count.
    func row(kind: BoundRow.Kind, cells node: Node, at rowNode: Node, _ r: YAMLReader, _ scope: VariableScope,
             _ context: TableContext, style: ResolvedStyle) throws(LayoutError) -> CompiledRow {
        var cells: [CompiledCell] = []
        var column = 0
        for cellNode in try r.sequence(node, "cells") {
            let alignment = column < context.columns.count ? context.columns[column].alignment : .left
            let cell = try cellTemplate(cellNode, r, scope, style: style, alignment: alignment)
            cells.append(Self.prebuilt(cell))
            column += cell.colspan
        }
        guard column == context.columns.count else {
            throw r.error(.invalidValue, "the row's cells span \(column) columns, the table has \(context.columns.count)", node)
        }
        return CompiledRow(kind: kind, cells: cells, background: nil, condition: nil)
    }

    func row(kind: BoundRow.Kind, templates: [Node], _ r: YAMLReader, _ scope: VariableScope,
             _ context: TableContext, style: ResolvedStyle) throws(LayoutError) -> CompiledRow {
        var cells: [CompiledCell] = []
        for (i, t) in templates.enumerated() {
            cells.append(Self.prebuilt(try cellTemplate(t, r, scope, style: style, alignment: context.columns[i].alignment)))
        }
        return CompiledRow(kind: kind, cells: cells, background: nil, condition: nil)
    }

    /// A cell from a string or `{text, colspan, align, style, header, …style keys}`.
    func cellTemplate(_ node: Node, _ r: YAMLReader, _ scope: VariableScope, style: ResolvedStyle,
                      alignment: Alignment) throws(LayoutError) -> CellSpec {
        var base = style
        base.paragraph.alignment = alignment
        if case .scalar = node {
            return CellSpec(spans: try spans(node, r, scope, style: base.text), paragraph: base.paragraph,
                            colspan: 1, alignment: nil, isHeader: false, scope: nil)
        }
        let entries = try r.entries(node, "a cell")
        try r.check(entries, allowed: Self.cellKeys, in: "a table cell")
        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
        let resolved = try resolveStyle(entries.filter { !["text", "colspan", "header"].contains($0.key) }, r, base: base)
        var colspan = 1
        if let n = value("colspan") {
            guard let c = Int(try r.string(n, "colspan")), c >= 1 else { throw r.error(.invalidValue, "colspan must be a positive integer", n) }
            colspan = c
        }
        let isHeader = try value("header").map { n throws(LayoutError) in try r.bool(n, "header") } ?? false
        return CellSpec(spans: try spans(value("text") ?? Node(""), r, scope, style: resolved.text),
                        paragraph: resolved.paragraph, colspan: colspan,
                        alignment: try value("align").map { n throws(LayoutError) in try r.alignment(n) },
                        isHeader: isHeader, scope: isHeader ? .row : nil)
    }

    /// Pre-builds cells without expressions (headers, « Total »).
    static func prebuilt(_ cell: CellSpec) -> CompiledCell {
        var fixed: BoundCell?
        if case .fixed(.paragraph(let paragraph)) = finish(.p, cell.spans, cell.paragraph) {
            fixed = BoundCell(content: .paragraph(paragraph), colspan: cell.colspan, alignment: cell.alignment,
                              isHeader: cell.isHeader, scope: cell.scope)
        }
        return CompiledCell(cell, fixed: fixed)
    }
}
