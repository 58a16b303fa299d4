/// A table whose header rows repeat at the top of every page it spans.
public struct BoundTable: Sendable {
    public var columns: [TableColumn]
    public var headerRows: [BoundRow]
    public var rows: [BoundRow]
    public var style: TableStyle

    public init(columns: [TableColumn], headerRows: [BoundRow] = [], rows: [BoundRow], style: TableStyle = TableStyle()) {
        self.columns = columns
        self.headerRows = headerRows
        self.rows = rows
        self.style = style
    }
}

/// A table column: width and the default alignment of its cells.
public struct TableColumn: Sendable, Hashable {
    public var width: ColumnWidth
    public var alignment: Alignment

    public init(width: ColumnWidth, alignment: Alignment = .left) {
        self.width = width
        self.alignment = alignment
    }
}

/// Grid and padding of a table. Row backgrounds (header, zebra, totals) are already
/// resolved into `BoundRow.background`; `zebra` is kept for information only.
public struct TableStyle: Sendable, Hashable {
    public var borderWidth: Double
    public var borderColor: RGB
    public var headerBackground: RGB?
    public var zebra: RGB?
    /// Horizontal cell padding (left and right), in points.
    public var paddingH: Double
    /// Vertical cell padding (top and bottom), in points.
    public var paddingV: Double
    /// Vertical alignment of cell content.
    public var verticalAlignment: VerticalAlignment

    public init(borderWidth: Double = 0.5, borderColor: RGB = .black, headerBackground: RGB? = nil, zebra: RGB? = nil,
                paddingH: Double = 3, paddingV: Double = 2, verticalAlignment: VerticalAlignment = .middle) {
        self.borderWidth = borderWidth
        self.borderColor = borderColor
        self.headerBackground = headerBackground
        self.zebra = zebra
        self.paddingH = paddingH
        self.paddingV = paddingV
        self.verticalAlignment = verticalAlignment
    }
}

/// Vertical alignment of cells in a row.
public enum VerticalAlignment: String, Sendable, Hashable {
    case top, middle, bottom
}

/// One table row.
public struct BoundRow: Sendable {
    public enum Kind: String, Sendable, Hashable { case header, body, groupHeader, subtotal, total }
    public var kind: Kind
    public var cells: [BoundCell]
    /// Fill of the whole row (header background, zebra stripe, totals), nil = none.
    public var background: RGB?

    public init(kind: Kind = .body, cells: [BoundCell], background: RGB? = nil) {
        self.kind = kind
        self.cells = cells
        self.background = background
    }
}

/// One table cell. Its content is almost always one paragraph, stored inline
/// (`CellContent.paragraph`) so that a cell costs no allocation; `blocks` gives the general view.
public struct BoundCell: Sendable {
    /// Structure scope of a header cell (TH `/Scope`, ISO 32000-1 §14.8.5.7).
    public enum Scope: String, Sendable, Hashable { case column, row }
    public var content: CellContent
    public var colspan: Int
    /// Overrides the column's alignment when set.
    public var alignment: Alignment?
    /// A TH cell (tagged as header, with `scope`) rather than TD.
    public var isHeader: Bool
    public var scope: Scope?

    public init(content: CellContent, colspan: Int = 1, alignment: Alignment? = nil, isHeader: Bool = false, scope: Scope? = nil) {
        self.content = content
        self.colspan = colspan
        self.alignment = alignment
        self.isHeader = isHeader
        self.scope = scope
    }

    /// The content as blocks (allocates an array for a paragraph cell: prefer `content`).
    public var blocks: [BoundBlock] {
        switch content {
        case .paragraph(let p): return [.paragraph(p)]
        case .blocks(let b): return b
        }
    }
}

/// What a table cell holds.
public enum CellContent: Sendable {
    case paragraph(BoundParagraph)
    case blocks([BoundBlock])
}

extension BoundCell {
    /// The cell's one paragraph, or nil for blocks: read in place, without a copy of the whole cell.
    @inlinable
    public var paragraph: BoundParagraph? {
        if case .paragraph(let p) = content { return p }
        return nil
    }
}
