import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// `render(frame)` is what layout will call: it must give the same document as the same items drawn
/// one by one.
@Suite struct FrameTests {
    static func frame(_ tree: inout StructureTree) throws -> Frame {
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        let h1 = tree.add("H1", under: tree.root)
        let figure = tree.add("Figure", under: tree.root, alt: "Carré rouge")
        var frame = Frame(size: Size(width: 300, height: 300))
        frame.append(.beginArtifact(pagination: true))
        for run in try chain.shape("En-tête") { frame.append(.glyphs(run.glyphRun(size: 8, origin: Point(x: 20, y: 20), color: .gray(0.5)))) }
        frame.append(.endArtifact)
        frame.append(.beginStructure(node: h1))
        for run in try chain.shape("Titre affluent") { frame.append(.glyphs(run.glyphRun(size: 16, origin: Point(x: 20, y: 60), color: .black))) }
        frame.append(.endStructure)
        frame.append(.pushClip(Path(rect: Rect(x: 20, y: 100, width: 100, height: 100))))
        frame.append(.path(Path(rect: Rect(x: 0, y: 80, width: 300, height: 220)), PathStyle(fill: .rgb(0, 0, 1))))
        frame.append(.popClip)
        frame.append(.beginStructure(node: figure))
        frame.append(.image(.file(Fixture.png("rgb8.png")), rect: Rect(x: 150, y: 100, width: 100, height: 100)))
        frame.append(.endStructure)
        return frame
    }

    @Test func frameEqualsDirectCalls() throws {
        var tree = StructureTree()
        let frame = try Self.frame(&tree)
        let viaFrame = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, cache: RenderCache(),
                                             options: Fixture.options(.table))
        viaFrame.structure = tree
        try viaFrame.render(frame)
        let a = try viaFrame.finish(structure: tree)

        let direct = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, cache: RenderCache(),
                                           options: Fixture.options(.table))
        direct.structure = tree
        try direct.beginPage(size: frame.size)
        for (i, item) in frame.items.enumerated() {
            let textOnly = PDFDocumentWriter.holdsOnlyText(frame.items, from: i)
            switch item {
            case .glyphs(let run): direct.draw(run)
            case .path(let path, let style): direct.draw(path, style: style)
            case .image(let source, let rect): try direct.drawImage(source, in: rect)
            case .pushClip(let path): direct.pushClip(path)
            case .popClip: direct.popClip()
            case .beginStructure(let node): direct.beginStructure(node: node, textOnly: textOnly)
            case .endStructure: direct.endStructure()
            case .beginArtifact(let pagination): direct.beginArtifact(pagination: pagination, textOnly: textOnly)
            case .endArtifact: direct.endArtifact()
            }
        }
        try direct.endPage()
        let b = try direct.finish(structure: tree)
        #expect(a.bytes == b.bytes)

        let dir = try TemporaryDirectory()
        let path = dir.file("frame.pdf")
        try writeFile(a.bytes, to: path)
        try expectConformant(path)
        #expect(normalizedText(try PDFTools.pdftotext(path)) == "En-tête Titre affluent")
        let page = try PDFTools.renderPage(path, dpi: 72)
        let inClip = page.pixel(x: 70, y: 150), outside = page.pixel(x: 70, y: 250)
        #expect(inClip.b > 240 && inClip.r < 10, "clipped fill inside: \(inClip)")
        #expect(outside.r > 240 && outside.g > 240 && outside.b > 240, "clipped fill outside: \(outside)")
        let image = page.pixel(x: 200, y: 150)
        #expect(image.r > 240 && image.g < 10 && image.b < 10)
        #expect(try PDFTools.pdfinfoStruct(path).contains("Figure"))
        // The running header and the title hold only text: one text object holds both sequences. The
        // figure's holds an image, which no text object may: it stands outside any.
        let nesting = try PDFTools.contentNesting(path)
        #expect(nesting.problems.isEmpty, "\(nesting.problems)")
        #expect(nesting.operators == ["BT", "BDC", "EMC", "BDC", "EMC", "ET", "BDC", "EMC"], "\(nesting.operators)")
    }

    /// A grid of tagged cells, as a table draws them: each cell's marked content holds one line, so a row
    /// is one text object whose Td move from cell to cell. Every cell's first character must land where
    /// its run says, to the hundredth of a point the stream is written in (MuPDF's positions), even
    /// with awkward coordinates, a cell drawn on another baseline, a rule and a coloured cell between.
    @Test func cellsInOneTextObjectKeepTheirPositions() throws {
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        var tree = StructureTree()
        let table = tree.add("Table", under: tree.root)
        var frame = Frame(size: Size(width: 400, height: 300))
        var expected: [(text: String, x: Double, y: Double)] = []
        for row in 0..<4 {
            if row == 2 {
                frame.append(.beginArtifact(pagination: false))
                frame.append(.path(Path(rect: Rect(x: 10, y: 40 + 2 * 31.337 - 14, width: 380, height: 0.5)),
                                   PathStyle(fill: .gray(0.5))))
                frame.append(.endArtifact)
            }
            let tr = tree.add("TR", under: table)
            for column in 0..<3 {
                let td = tree.add("TD", under: tr)
                let text = "\(["Ab", "Cd", "Ef"][column])\(row)"
                let x = 20 + Double(column) * 117.237, y = 40 + Double(row) * 31.337 + (column == 1 ? 3.715 : 0)
                frame.append(.beginStructure(node: td))
                for run in try chain.shape(text) {
                    frame.append(.glyphs(run.glyphRun(size: 9.5, origin: Point(x: x, y: y),
                                                      color: column == 2 && row == 1 ? .rgb(0.8, 0, 0) : .black)))
                }
                frame.append(.endStructure)
                expected.append((text, x, y))
            }
        }
        let dir = try TemporaryDirectory()
        let path = dir.file("grille.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           cache: RenderCache(), options: Fixture.options(.table))
        writer.structure = tree
        try writer.render(frame)
        try writer.finish(structure: tree)
        try expectConformant(path)

        let nesting = try PDFTools.contentNesting(path)
        #expect(nesting.problems.isEmpty, "\(nesting.problems)")
        // Two text objects: the rule between rows 1 and 2 ends the first.
        #expect(nesting.operators.filter { $0 == "BT" }.count == 2, "\(nesting.operators)")
        #expect(nesting.operators.filter { $0 == "BDC" }.count == 12)

        let characters = try PDFTools.mutoolCharacters(path)
        #expect(characters.map(\.c).joined() == expected.map(\.text).joined())
        var index = 0
        for cell in expected {
            let first = characters[index]
            #expect(abs(first.x - cell.x) < 0.01 && abs(first.y - cell.y) < 0.01,
                    "\(cell.text) starts at (\(first.x), \(first.y)), its run at (\(cell.x), \(cell.y))")
            index += cell.text.count
        }
        #expect(normalizedText(try PDFTools.pdftotext(path)).contains("Ab0 Cd0 Ef0"))
    }
}
