/// Binding walks the compiled tree once, evaluating expressions into strings and
/// expanding loops and conditions. Static blocks are appended as they are.
extension BindContext {
    mutating func bind(_ blocks: [CompiledBlock]) throws(LayoutError) -> [BoundBlock] {
        var out: [BoundBlock] = []
        out.reserveCapacity(blocks.count)
        try bind(blocks, into: &out)
        return out
    }

    mutating func bind(_ blocks: [CompiledBlock], into out: inout [BoundBlock]) throws(LayoutError) {
        for block in blocks { try bind(block, into: &out) }
    }

    mutating func bind(_ block: CompiledBlock, into out: inout [BoundBlock]) throws(LayoutError) {
        switch block {
        case .fixed(let b):
            out.append(b)
        case .paragraph(let role, let spans, let style):
            out.append(.paragraph(BoundParagraph(role: role, spans: try bind(spans), style: style)))
        case .table(let table):
            out.append(.table(try bind(table)))
        case .qrCode(let text, let size, let alt, let alignment):
            out.append(.qrCode(BoundQRCode(text: try render(text), size: size, alt: try render(alt), alignment: alignment)))
        case .box(let children, let background, let border, let borderColor, let padding, let radius):
            out.append(.box(BoundBox(children: try bind(children), background: background,
                                     border: border > 0 ? (border, borderColor) : nil, padding: padding, cornerRadius: radius)))
        case .keepTogether(let children):
            out.append(.keepTogether(try bind(children)))
        case .list(let marker, let items, let markerStyle):
            var bound: [[BoundBlock]] = []
            for item in items {
                switch item {
                case .item(let blocks): bound.append(try bind(blocks))
                case .loop(let slot, let list, let body):
                    try forEach(slot, list) { (ctx: inout BindContext) throws(LayoutError) in bound.append(try ctx.bind(body)) }
                }
            }
            out.append(.list(BoundList(marker: marker, items: bound, markerStyle: markerStyle)))
        case .columns(let columns):
            var bound: [BoundColumn] = []
            for column in columns { bound.append(BoundColumn(width: column.width, blocks: try bind(column.blocks))) }
            out.append(.columns(bound))
        case .conditional(let condition, let then, let otherwise):
            try bind(try truthy(condition) ? then : otherwise, into: &out)
        case .loop(let slot, let list, let body):
            try forEach(slot, list) { (ctx: inout BindContext) throws(LayoutError) in try ctx.bind(body, into: &out) }
        }
    }

    /// Runs `body` once per element of `list`, with the element in `slot`. A missing
    /// optional list (`lignes?`) is no elements.
    mutating func forEach(_ slot: Int, _ list: Expr,
                          _ body: (inout BindContext) throws(LayoutError) -> Void) throws(LayoutError) {
        let items: [DataValue]
        switch try evaluate(list) {
        case .array(let a): items = a
        case .null: return
        case let other:
            throw LayoutError(.dataType, "'for' needs a list, got \(other.kindName)",
                              at: .data(path: dataPath(of: list) ?? "(value)", source: source(of: list)))
        }
        for (i, item) in items.enumerated() {
            slots[slot] = item
            indices[slot] = i
            try body(&self)
        }
    }

    func bind(_ spans: [CompiledSpan]) throws(LayoutError) -> SpanList {
        if spans.count == 1, case .text(let template, let style) = spans[0] {
            return SpanList(BoundSpan(content: .text(try render(template)), style: style))
        }
        var out = SpanList()
        for span in spans {
            switch span {
            case .text(let template, let style): out.append(BoundSpan(content: .text(try render(template)), style: style))
            case .pageNumber(let style): out.append(BoundSpan(content: .pageNumber, style: style))
            case .pageCount(let style): out.append(BoundSpan(content: .pageCount, style: style))
            }
        }
        return out
    }

    mutating func bind(_ region: CompiledRegions) throws(LayoutError) -> PageRegions {
        PageRegions(header: try bind(region.header.blocks), headerHeight: region.header.height,
                    headerOffset: region.header.offset, footer: try bind(region.footer.blocks),
                    footerHeight: region.footer.height, footerOffset: region.footer.offset,
                    background: try bind(region.background.blocks))
    }
}
