import Barcodes
import Graphics
import LayoutDefinitions

/// An unbreakable block with its height measured: images, QR codes, rules, boxes, lists, columns and
/// keep-together groups. It moves whole to the next page when it does not fit.
struct Atom: Sendable {
    let height: Double
    private let draw: @Sendable (Double, Double, inout Flow, Int) -> Void

    init(height: Double, draw: @escaping @Sendable (Double, Double, inout Flow, Int) -> Void) {
        self.height = height
        self.draw = draw
    }

    func emit(x: Double, y: Double, flow: inout Flow, parent: Int) { draw(x, y, &flow, parent) }

    static func make(_ block: BoundBlock, width: Double, engine: LayoutEngine) throws(LayoutEngineError) -> Atom {
        switch block {
        case .image(let image): return Self.image(image, width: width)
        case .qrCode(let qr): return try Self.qrCode(qr, width: width)
        case .rule(let thickness, let color, let before, let after):
            return Atom(height: before + thickness + after) { x, y, flow, _ in
                flow.emit(.beginArtifact(pagination: false))
                flow.emit(.path(Path(rect: Rect(x: x, y: y + before, width: width, height: thickness)),
                                PathStyle(fill: color.color)))
                flow.emit(.endArtifact)
            }
        case .box(let box): return try Self.box(box, width: width, engine: engine)
        case .keepTogether(let blocks):
            let stack = try Stack.make(blocks, width: width, engine: engine)
            return Atom(height: stack.height) { x, y, flow, parent in stack.emit(x: x, y: y, flow: &flow, parent: parent) }
        case .list(let list): return try Self.list(list, width: width, engine: engine)
        case .columns(let columns): return try Self.columns(columns, width: width, engine: engine)
        case .paragraph(let p):
            let stack = try Stack.make([.paragraph(p)], width: width, engine: engine)
            return Atom(height: stack.height) { x, y, flow, parent in stack.emit(x: x, y: y, flow: &flow, parent: parent) }
        case .table(let t):
            let stack = try TableLayout(engine: engine).stackedRows(t, width: width)
            return stack
        case .spacer(let h): return Atom(height: h) { _, _, _, _ in }
        case .pageBreak: return Atom(height: 0) { _, _, _, _ in }
        }
    }

    static func aligned(_ w: Double, in width: Double, _ alignment: Alignment) -> Double {
        switch alignment {
        case .right: width - w
        case .center: (width - w) / 2
        default: 0
        }
    }

    private static func image(_ image: BoundImage, width: Double) -> Atom {
        let aspect = Double(image.pixelHeight) / Double(max(1, image.pixelWidth))
        var w = image.width ?? image.height.map { $0 / aspect } ?? Double(image.pixelWidth) * 0.75
        var h = image.height ?? w * aspect
        if w > width { h *= width / w; w = width }
        return Atom(height: h) { [w, h] x, y, flow, parent in
            let rect = Rect(x: x + aligned(w, in: width, image.alignment), y: y, width: w, height: h)
            if let alt = image.alt {
                let node = flow.tree.add("Figure", under: parent, alt: alt)
                flow.emit(.beginStructure(node: node))
                flow.emit(.image(.png(name: image.path, bytes: image.bytes), rect: rect))
                flow.emit(.endStructure)
            } else {
                flow.emit(.beginArtifact(pagination: false))
                flow.emit(.image(.png(name: image.path, bytes: image.bytes), rect: rect))
                flow.emit(.endArtifact)
            }
        }
    }

    private static func qrCode(_ qr: BoundQRCode, width: Double) throws(LayoutEngineError) -> Atom {
        let code: QRCode
        do { code = try QRCode(text: qr.text) } catch { throw LayoutEngineError(.barcode, error.reason) }
        // Four modules of quiet zone on every side (ISO/IEC 18004 §6.3.8) are part of `size`.
        let module = qr.size / Double(code.size + 8)
        return Atom(height: qr.size) { x, y, flow, parent in
            let x0 = x + aligned(qr.size, in: width, qr.alignment) + 4 * module, y0 = y + 4 * module
            var path = Path()
            for row in 0..<code.size {
                var col = 0
                while col < code.size {
                    guard code.isDark(row: row, column: col) else { col += 1; continue }
                    let start = col
                    while col < code.size && code.isDark(row: row, column: col) { col += 1 }
                    path.addRect(Rect(x: x0 + Double(start) * module, y: y0 + Double(row) * module,
                                      width: Double(col - start) * module, height: module))
                }
            }
            let node = flow.tree.add("Figure", under: parent, alt: qr.alt)
            flow.emit(.beginStructure(node: node))
            flow.emit(.path(path, PathStyle(fill: .black)))
            flow.emit(.endStructure)
        }
    }

    private static func box(_ box: BoundBox, width: Double, engine: LayoutEngine) throws(LayoutEngineError) -> Atom {
        let (stack, inset) = try boxContent(box, width: width, engine: engine)
        let height = stack.height + 2 * inset
        return Atom(height: height) { x, y, flow, parent in
            drawBoxFrame(box, Rect(x: x, y: y, width: width, height: height), flow: &flow)
            stack.emit(x: x + inset, y: y + inset, flow: &flow, parent: parent)
        }
    }

    /// A box's content laid out inside its padding and border, and that inset.
    static func boxContent(_ box: BoundBox, width: Double, engine: LayoutEngine) throws(LayoutEngineError) -> (Stack, inset: Double) {
        let inset = box.padding + (box.border?.width ?? 0)
        return (try Stack.make(box.children, width: width - 2 * inset, engine: engine), inset)
    }

    /// The box's background and border (an artifact: decoration, not content).
    static func drawBoxFrame(_ box: BoundBox, _ rect: Rect, flow: inout Flow) {
        guard box.background != nil || box.border != nil else { return }
        let shape = box.cornerRadius > 0 ? Path.roundedRect(rect, radius: box.cornerRadius) : Path(rect: rect)
        flow.emit(.beginArtifact(pagination: false))
        flow.emit(.path(shape, PathStyle(fill: box.background?.color,
                                         stroke: box.border.map { Stroke(color: $0.color.color, width: $0.width) })))
        flow.emit(.endArtifact)
    }

    private static func list(_ list: BoundList, width: Double, engine: LayoutEngine) throws(LayoutEngineError) -> Atom {
        let items = try listItems(list, width: width, engine: engine)
        return Atom(height: items.reduce(0) { $0 + $1.height }) { x, y, flow, parent in
            let l = flow.tree.add("L", under: parent)
            var dy = 0.0
            for item in items {
                item.emit(x: x, y: y + dy, flow: &flow, parent: l)
                dy += item.height
            }
        }
    }

    /// One atom per list item (its LI, under the `L` given as parent), so that the flow can continue a
    /// long list on the next page.
    static func listItems(_ list: BoundList, width: Double, engine: LayoutEngine) throws(LayoutEngineError) -> [Atom] {
        let indent = list.markerStyle.size * 1.6
        var atoms: [Atom] = []
        for (i, item) in list.items.enumerated() {
            let text = list.marker == .bullet ? "•" : "\(i + 1)."
            let marker = try ParagraphLayout(engine: engine).layout(
                BoundParagraph(spans: [BoundSpan(content: .text(text), style: list.markerStyle)]), width: indent)
            let body = try Stack.make(item, width: width - indent, engine: engine)
            let height = max(body.height, marker.height) + list.markerStyle.size * 0.3
            atoms.append(Atom(height: height) { x, y, flow, l in
                let li = flow.tree.add("LI", under: l)
                let lbl = flow.tree.add("Lbl", under: li)
                flow.emit(.beginStructure(node: lbl))
                for line in marker.lines {
                    for var run in line.runs {
                        run.origin.x += x
                        run.origin.y += y
                        flow.emit(.glyphs(run))
                    }
                }
                flow.emit(.endStructure)
                let lbody = flow.tree.add("LBody", under: li)
                body.emit(x: x + indent, y: y, flow: &flow, parent: lbody)
            })
        }
        return atoms
    }

    private static func columns(_ columns: [BoundColumn], width: Double, engine: LayoutEngine) throws(LayoutEngineError) -> Atom {
        let (stacks, widths) = try columnContent(columns, width: width, engine: engine)
        let height = stacks.map(\.height).max() ?? 0
        return Atom(height: height) { [stacks] x, y, flow, parent in
            var cx = x
            for (i, stack) in stacks.enumerated() {
                stack.emit(x: cx, y: y, flow: &flow, parent: parent)
                cx += widths[i]
            }
        }
    }

    /// Each column's blocks laid out in its width, and the widths.
    static func columnContent(_ columns: [BoundColumn], width: Double, engine: LayoutEngine) throws(LayoutEngineError) -> ([Stack], [Double]) {
        let widths = TableLayout.distribute(columns.map(\.width), total: width, natural: { _ in width / Double(columns.count) })
        var stacks: [Stack] = []
        for (i, column) in columns.enumerated() {
            stacks.append(try Stack.make(column.blocks, width: widths[i], engine: engine))
        }
        return (stacks, widths)
    }
}
