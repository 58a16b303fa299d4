/// The layout as a tree ready to bind: styles resolved, expressions compiled, assets
/// read, static blocks pre-built. `bind` walks it once and never parses anything.
indirect enum CompiledBlock: Sendable {
    /// A block without any expression, built once at load and shared by every document.
    case fixed(BoundBlock)
    case paragraph(ParagraphRole, [CompiledSpan], ParagraphStyle)
    case table(CompiledTable)
    case qrCode(text: Template, size: Double, alt: Template, alignment: Alignment)
    case box(children: [CompiledBlock], background: RGB?, border: Double, borderColor: RGB, padding: Double, radius: Double)
    case keepTogether([CompiledBlock])
    case list(BoundList.Marker, [CompiledListItem], markerStyle: TextStyle)
    case columns([(width: ColumnWidth, blocks: [CompiledBlock])])
    /// `if:` on a block; `otherwise` comes from an `else:` attribute.
    case conditional(Expr, then: [CompiledBlock], otherwise: [CompiledBlock])
    /// `for: x in list` on a block: the block repeated with `x` in `slot`.
    case loop(slot: Int, list: Expr, body: [CompiledBlock])
}

/// A run of paragraph text with its concrete style.
enum CompiledSpan: Sendable {
    case text(Template, TextStyle)
    case pageNumber(TextStyle)
    case pageCount(TextStyle)
}

/// One list item, or a loop producing one item per element.
enum CompiledListItem: Sendable {
    case item([CompiledBlock])
    case loop(slot: Int, list: Expr, item: [CompiledBlock])
}

/// A compiled table: static columns and style, rows to expand at bind time.
struct CompiledTable: Sendable {
    var columns: [TableColumn]
    var headerRows: [CompiledRow]
    var rows: [CompiledRowSource]
    var style: TableStyle
}

/// Where body rows come from: a single row, or a loop over a data list.
enum CompiledRowSource: Sendable {
    case row(CompiledRow)
    case loop(CompiledRowLoop)
}

/// `for: l in lignes` rows, optionally grouped (`group_by`) with a group header row and a
/// subtotal row around each group; `group` (its slot) holds `{key, items, count}`.
struct CompiledRowLoop: Sendable {
    var slot: Int
    var list: Expr
    var filter: Expr?
    var row: CompiledRow
    var groupKey: Expr?
    var groupSlot: Int
    var groupHeader: CompiledRow?
    var subtotal: CompiledRow?
}

/// A row template.
struct CompiledRow: Sendable {
    var kind: BoundRow.Kind
    var cells: [CompiledCell]
    var background: RGB?
    var condition: Expr?
}

/// A cell as parsed, before it is frozen into a `CompiledCell`.
struct CellSpec {
    var spans: [CompiledSpan]
    var paragraph: ParagraphStyle
    var colspan: Int
    var alignment: Alignment?
    var isHeader: Bool
    var scope: BoundCell.Scope?
}

/// A cell template, immutable. A class so that binding a row borrows each cell through
/// one reference instead of copying its spans and styles (measured: the copies cost more
/// than the evaluation itself).
final class CompiledCell: Sendable {
    let spans: [CompiledSpan]
    let paragraph: ParagraphStyle
    let colspan: Int
    let alignment: Alignment?
    let isHeader: Bool
    let scope: BoundCell.Scope?
    /// The pre-built cell when it has no expression (headers, « Total »).
    let fixed: BoundCell?
    /// `fixed != nil`, tested first so the hot path never copies the optional cell out.
    let isFixed: Bool
    /// Set when the cell is exactly one field path (`"{l.montant}"`): the fast path.
    let singlePath: DataPath?
    let singleStyle: TextStyle
    /// For `"{l.field}"` on a loop variable: its slot (or -1), key and key length, read
    /// without touching the `DataPath` object.
    let fieldSlot: Int
    let fieldKey: String
    let fieldKeyLength: Int

    init(_ spec: CellSpec, fixed: BoundCell?) {
        spans = spec.spans
        paragraph = spec.paragraph
        colspan = spec.colspan
        alignment = spec.alignment
        isHeader = spec.isHeader
        scope = spec.scope
        self.fixed = fixed
        isFixed = fixed != nil
        if spec.spans.count == 1, case .text(let template, let style) = spec.spans[0],
           template.parts.count == 1, case .path(let path) = template.parts[0] {
            singlePath = path
            singleStyle = style
        } else {
            singlePath = nil
            singleStyle = TextStyle()
        }
        if let path = singlePath, case .slot(let slot) = path.root, path.steps.count == 1,
           case .key(let key, let length) = path.steps[0] {
            (fieldSlot, fieldKey, fieldKeyLength) = (slot, key, length)
        } else {
            (fieldSlot, fieldKey, fieldKeyLength) = (-1, "", 0)
        }
    }
}

/// A page region (header, footer, background) before binding.
struct CompiledRegion: Sendable {
    var blocks: [CompiledBlock] = []
    var height: Double = 0
    var offset: Double = 0
}

/// Header, footer and background before binding.
struct CompiledRegions: Sendable {
    var header = CompiledRegion()
    var footer = CompiledRegion()
    var background = CompiledRegion()
}

/// Everything `Layout.bind` needs.
struct CompiledLayout: Sendable {
    var title: Template
    var lang: String
    var subject: Template?
    var author: Template?
    var keywords: Template?
    var page: PageTemplate
    var regions: CompiledRegions
    var firstPage: CompiledRegions?
    var body: [CompiledBlock]
    var slotOrigins: [SlotOrigin]
}
