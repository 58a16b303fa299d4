import Barcodes
import Graphics
import LayoutDefinitions
import Typography

/// The flow phase: places laid blocks one after the other in the body area, starting a new page when
/// the next line, row or unbreakable block does not fit. « The page is full » is a value (`remaining`),
/// never an error.
struct Flow {
    let engine: LayoutEngine
    let template: PageTemplate
    var tree = StructureTree()
    var pages: [[FrameItem]] = [[]]
    var y: Double
    /// Whether anything was placed on the current page (a block taller than the remaining space moves to
    /// the next page only if this one is not empty).
    var pageHasContent = false
    /// The document's page count, for `{pages}` in body paragraphs: known on a second pass, which
    /// `LayoutEngine.layout` runs only when the first one met such a paragraph (`printsPageNumbers`).
    var pageCount: Int?
    var printsPageNumbers = false

    /// Items each new page has room for before its array grows (`LayoutEngine.pageCapacity`).
    let pageCapacity: Int

    init(engine: LayoutEngine, template: PageTemplate, pageCapacity: Int = 0) {
        self.engine = engine
        self.template = template
        self.pageCapacity = pageCapacity
        y = template.marginTop
        pages[0].reserveCapacity(pageCapacity)
    }

    var left: Double { template.marginLeft }
    var width: Double { template.contentWidth }
    var bottom: Double { template.height - template.marginBottom }
    var remaining: Double { bottom - y }
    var pageBodyHeight: Double { bottom - template.marginTop }

    mutating func newPage() {
        var page: [FrameItem] = []
        page.reserveCapacity(pageCapacity)
        pages.append(page)
        y = template.marginTop
        pageHasContent = false
    }

    mutating func emit(_ item: FrameItem) { pages[pages.count - 1].append(item) }

    func finishPages() -> [[FrameItem]] { pages }

    /// Ensures `height` fits, else moves to a new page (unless the page is still empty).
    mutating func ensure(_ height: Double) {
        if height > remaining + 0.001 && pageHasContent { newPage() }
    }

    // MARK: Blocks

    mutating func place(_ blocks: [BoundBlock], parent: Int) throws(LayoutEngineError) {
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            switch block {
            case .paragraph(let p):
                var laid = try ParagraphLayout(engine: engine).layout(p, width: width)
                if laid.keepWithNext, i + 1 < blocks.count {
                    let next = try firstLineHeight(blocks[i + 1])
                    ensure(laid.spaceBefore + laid.height + laid.spaceAfter + next)
                }
                // `{page}`/`{pages}` in the body printed 0: lay such a paragraph out again with the
                // number of the page its first line lands on and the count from the first pass.
                if p.spans.contains(where: { !$0.content.isText }) {
                    printsPageNumbers = true
                    ensure(laid.spaceBefore + (laid.lines.first?.height ?? 0))
                    guard case .paragraph(let resolved) = BoundBlock.paragraph(p).resolvingPageNumbers((pages.count, pageCount ?? 0)) else {
                        preconditionFailure("a paragraph stays a paragraph")
                    }
                    laid = try ParagraphLayout(engine: engine).layout(resolved, width: width)
                }
                placeParagraph(laid, parent: parent)
            case .table(let t):
                try TableLayout(engine: engine).place(t, in: &self, parent: parent)
            case .pageBreak:
                if pageHasContent { newPage() }
            case .spacer(let h):
                if pageHasContent { y += h }
            case .list(let list):
                // Item by item: as one unbreakable atom, a list longer than the page ran off its bottom.
                let l = tree.add("L", under: parent)
                for item in try Atom.listItems(list, width: width, engine: engine) {
                    ensure(item.height)
                    item.emit(x: left, y: y, flow: &self, parent: l)
                    y += item.height
                    pageHasContent = true
                }
            default:
                var atom = try Atom.make(block, width: width, engine: engine)
                if case .image(var image) = block, atom.height > pageBodyHeight + 0.001 {
                    // An image taller than the body ran off the page: scale it to the body's height,
                    // keeping its aspect ratio.
                    image.height = pageBodyHeight
                    image.width = nil
                    atom = try Atom.make(.image(image), width: width, engine: engine)
                }
                if atom.height > pageBodyHeight + 0.001, case .box(let box) = block {
                    let (stack, inset) = try Atom.boxContent(box, width: width, engine: engine)
                    placeAcrossPages([stack], widths: [width - 2 * inset], inset: inset, frame: box, parent: parent)
                    break
                }
                if atom.height > pageBodyHeight + 0.001, case .columns(let columns) = block {
                    let (stacks, widths) = try Atom.columnContent(columns, width: width, engine: engine)
                    placeAcrossPages(stacks, widths: widths, inset: 0, frame: nil, parent: parent)
                    break
                }
                if case .keepTogether(let group) = block, atom.height > pageBodyHeight + 0.001 {
                    // A group taller than a whole page cannot be kept together: as one atom it ran past
                    // the bottom margin and off the page. Flowing its blocks loses nothing.
                    try place(group, parent: parent)
                    break
                }
                ensure(atom.height)
                atom.emit(x: left, y: y, flow: &self, parent: parent)
                y += atom.height
                pageHasContent = true
            }
            i += 1
        }
    }

    /// A box or a column block taller than a page cannot move whole to the next page: as one atom it
    /// ran off the bottom. It starts where the flow is and continues on the next pages instead, split
    /// like a tall table row (whole parts and paragraph lines); a box's frame is drawn around each
    /// page's part.
    private mutating func placeAcrossPages(_ stacks: [Stack], widths: [Double], inset: Double, frame: BoundBox?,
                                           parent: Int) {
        var rest = stacks
        while true {
            let room = remaining - 2 * inset
            var heads: [Stack] = [], tails: [Stack] = []
            for stack in rest {
                let (head, tail) = stack.height > room + 0.001 ? stack.split(at: room) : (stack, Stack())
                heads.append(head)
                tails.append(tail)
            }
            if heads.allSatisfy({ $0.parts.isEmpty }) || heads.contains(where: { $0.height > room + 0.001 }) {
                // Nothing fits the room left on this page, or an unbreakable part (an image) would run
                // past it: go on on the next page. On a fresh page the part is taller than the body
                // itself: draw it anyway, overflowing, rather than loop.
                if pageHasContent {
                    newPage()
                    continue
                }
                if heads.allSatisfy({ $0.parts.isEmpty }) { (heads, tails) = (rest, rest.map { _ in Stack() }) }
            }
            let height = (heads.map(\.height).max() ?? 0) + 2 * inset
            if let frame { Atom.drawBoxFrame(frame, Rect(x: left, y: y, width: width, height: height), flow: &self) }
            var x = left + inset
            for (i, head) in heads.enumerated() {
                head.emit(x: x, y: y + inset, flow: &self, parent: parent)
                x += widths[i]
            }
            y += height
            pageHasContent = true
            guard tails.contains(where: { !$0.parts.isEmpty }) else { return }
            rest = tails
            newPage()
        }
    }

    private func firstLineHeight(_ block: BoundBlock) throws(LayoutEngineError) -> Double {
        switch block {
        case .paragraph(let p):
            let laid = try ParagraphLayout(engine: engine).layout(p, width: width)
            return laid.spaceBefore + (laid.lines.first?.height ?? 0)
        case .table(let t):
            // The header rows and the first body row, measured: `TableLayout.place` moves the table to
            // the next page when they do not fit, and a guess (40 + 15 pt a header row) left headings
            // with tall headers alone at the bottom of the page. Without auto columns, the first row
            // is enough to know the widths.
            var head = t
            if !t.columns.contains(where: { $0.width == .auto }) { head.rows = Array(t.rows.prefix(1)) }
            let (_, header, body) = try TableLayout(engine: engine).laidRows(head, width: width)
            return header.reduce(0) { $0 + $1.height } + (body.first?.height ?? 0)
        case .list(let list):
            // Lists flow item by item: the first item is what must follow the heading.
            return try Atom.listItems(list, width: width, engine: engine).first?.height ?? 0
        default:
            return try Atom.make(block, width: width, engine: engine).height
        }
    }

    /// Places a paragraph line by line, breaking pages between lines. Its content is marked as one
    /// structure element (`P`, `H1`…), one marked sequence per page it spans.
    mutating func placeParagraph(_ p: LaidParagraph, parent: Int) {
        if pageHasContent { y += p.spaceBefore }
        let node = tree.add(p.role.structureRole, under: parent)
        var open = false
        for line in p.lines {
            if line.height > remaining + 0.001 && pageHasContent {
                if open { emit(.endStructure); open = false }
                newPage()
            }
            if !open { emit(.beginStructure(node: node)); open = true }
            for var run in line.runs {
                run.origin.x += left
                run.origin.y += y
                emit(.glyphs(consume run))
            }
            y += line.height
            pageHasContent = true
        }
        if open { emit(.endStructure) }
        y += p.spaceAfter
    }
}

extension ParagraphRole {
    var structureRole: StructureRole {
        switch self {
        case .p: "P"
        case .h1: "H1"
        case .h2: "H2"
        case .h3: "H3"
        }
    }
}

extension RGB {
    var color: Color { .rgb(r, g, b) }
}

extension SpanContent {
    var isText: Bool { if case .text = self { true } else { false } }
}
