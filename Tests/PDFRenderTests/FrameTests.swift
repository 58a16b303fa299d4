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
        for item in frame.items {
            switch item {
            case .glyphs(let run): direct.draw(run)
            case .path(let path, let style): direct.draw(path, style: style)
            case .image(let source, let rect): try direct.drawImage(source, in: rect)
            case .pushClip(let path): direct.pushClip(path)
            case .popClip: direct.popClip()
            case .beginStructure(let node): direct.beginStructure(node: node)
            case .endStructure: direct.endStructure()
            case .beginArtifact(let pagination): direct.beginArtifact(pagination: pagination)
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
    }
}
