import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Whole documents in unusual shapes, through qpdf and the PDF/A validator.
@Suite struct FileStructureTests {
    /// Text, images, paths and structure over three pages with object streams of 1 and 3 objects, so
    /// that object streams are cut at every possible place.
    @Test(arguments: [XRefStyle.compressed(objectsPerStream: 1), .compressed(objectsPerStream: 3), .table])
    func smallObjectStreams(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("petits.pdf")
        var tree = StructureTree()
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(xref, flushThreshold: 512))
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        for page in 1...3 {
            let node = tree.add("P", under: tree.root)
            writer.structure = tree
            try writer.beginPage(size: page == 2 ? Size(width: 300, height: 400) : .a4)
            writer.beginStructure(node: node)
            try Fixture.line(writer, "Page \(page) : fichier, affluence", chain: chain, y: 60)
            writer.endStructure()
            try writer.drawImage(path: Fixture.png("rgba8.png"), in: Rect(x: 50, y: 100, width: 40, height: 40))
            writer.draw(Path.line(from: Point(x: 50, y: 200), to: Point(x: 250, y: 200)),
                        style: PathStyle(stroke: Stroke(color: .rgb(0, 0.3, 0.6), width: 1, dash: [2, 1])))
            try writer.endPage()
        }
        let result = try writer.finish(structure: tree)
        #expect(result.pageCount == 3)
        try expectConformant(path)
        let info = try PDFTools.pdfinfo(path)
        #expect(info["Pages"] == "3")
        #expect(info["Tagged"] == "yes")
        let text = normalizedText(try PDFTools.pdftotext(path))
        #expect(text == "Page 1 : fichier, affluence Page 2 : fichier, affluence Page 3 : fichier, affluence")
        // Page 2 keeps its own size.
        let sizes = try Tool.run("pdfinfo", ["-f", "1", "-l", "3", path]).stdout
            .split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count == 3)
        #expect(sizes[1].contains("300 x 400 pts"), "\(sizes)")
    }

    @Test(arguments: Fixture.xrefStyles)
    func emptyPageDocument(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("vide.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(xref))
        try writer.beginPage()
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        #expect(try PDFTools.pdffonts(path).isEmpty)
        #expect(normalizedText(try PDFTools.pdftotext(path)).isEmpty)
    }

    /// Structure content spread over two pages: the element's second piece is a marked-content
    /// reference naming its page (§14.7.4.2), and poppler still finds one paragraph.
    @Test func paragraphAcrossTwoPages() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("suite.pdf")
        var tree = StructureTree()
        let p = tree.add("P", under: tree.root)
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        writer.structure = tree
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        for (i, text) in ["Début du paragraphe", "et sa suite."].enumerated() {
            try writer.beginPage()
            writer.beginStructure(node: p)
            try Fixture.line(writer, text, chain: chain, y: 60 + Double(i))
            writer.endStructure()
            try writer.endPage()
        }
        try writer.finish(structure: tree)
        try expectConformant(path)
        let structure = try PDFTools.pdfinfoStruct(path)
        let roles = structure.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(roles.filter { $0.hasPrefix("P") }.count == 1, "\(structure)")
        // pdfinfo -struct-text prints the text of each element: both pieces, in order.
        let withText = try Tool.run("pdfinfo", ["-struct-text", path]).stdout
        let compact = normalizedText(withText)
        let start = try #require(compact.range(of: "Début du paragraphe"))
        let end = try #require(compact.range(of: "et sa suite."))
        #expect(start.upperBound <= end.lowerBound, "\(withText)")
    }
}
