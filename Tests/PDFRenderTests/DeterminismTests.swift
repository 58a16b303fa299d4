import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Same input, same bytes: no clock, no randomness, no hash-map order in the output (STYLE.md §3).
@Suite struct DeterminismTests {
    static let pages = [
        ["Élodie Dupré-Lefèvre", "1\u{202F}234,56\u{202F}€", "fichier, affluence"],
        ["Deuxième page", "Ελένη Παπαδοπούλου — Анна Иванова"],
    ]

    static func render(_ output: PDFOutput, _ xref: XRefStyle, pages: [[String]] = pages,
                       flushThreshold: Int = 256 * 1024) throws -> RenderResult {
        // A fresh cache each time: a warm process-wide cache must not be what makes runs agree.
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: output,
                                           cache: RenderCache(), options: Fixture.options(xref, flushThreshold: flushThreshold))
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        for lines in pages {
            try writer.beginPage()
            for (i, text) in lines.enumerated() { try Fixture.line(writer, text, chain: chain, y: 80 + Double(i) * 20) }
            try writer.drawImage(path: Fixture.png("rgba8.png"), in: Rect(x: 50, y: 300, width: 40, height: 40))
            writer.draw(Path(rect: Rect(x: 50, y: 400, width: 100, height: 30)), style: PathStyle(fill: .rgb(0.9, 0.2, 0.1)))
            try writer.endPage()
        }
        return try writer.finish()
    }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test(arguments: Fixture.xrefStyles)
    func twoMemoryRendersAreIdentical(_ xref: XRefStyle) throws {
        let a = try Self.render(.memory, xref), b = try Self.render(.memory, xref)
        #expect(!a.bytes.isEmpty)
        #expect(a.bytes == b.bytes)
        #expect(a.documentID == b.documentID)
        #expect(a.byteCount == a.bytes.count)
        let dir = try TemporaryDirectory()
        try writeFile(a.bytes, to: dir.file("memoire.pdf"))
        try expectConformant(dir.file("memoire.pdf"))
    }

    @Test(arguments: Fixture.xrefStyles)
    func twoFileRendersAreIdentical(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let a = try Self.render(.file(dir.file("a.pdf")), xref)
        let b = try Self.render(.file(dir.file("b.pdf")), xref)
        #expect(a.bytes.isEmpty, "file output keeps no bytes in memory")
        let fileA = try Self.bytes(dir.file("a.pdf"))
        #expect(fileA.count == a.byteCount)
        #expect(fileA == (try Self.bytes(dir.file("b.pdf"))))
        #expect(a.documentID == b.documentID)
        try expectConformant(dir.file("a.pdf"))
    }

    /// A file written in many small chunks (tiny flush threshold) must be the very bytes of the memory
    /// render, `/ID` included: the destination is not part of the content.
    @Test(arguments: Fixture.xrefStyles)
    func fileOutputEqualsMemoryOutput(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let memory = try Self.render(.memory, xref)
        let file = try Self.render(.file(dir.file("f.pdf")), xref, flushThreshold: 1000)
        #expect(file.documentID == memory.documentID)
        #expect(try Self.bytes(dir.file("f.pdf")) == memory.bytes)
        try expectConformant(dir.file("f.pdf"))
    }

    @Test(arguments: Fixture.xrefStyles)
    func oneCharacterChangesTheBytesAndTheID(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        var changed = Self.pages
        changed[1][0] = "Deuxième pagE"
        _ = try Self.render(.file(dir.file("a.pdf")), xref)
        let b = try Self.render(.file(dir.file("b.pdf")), xref, pages: changed)
        #expect(try Self.bytes(dir.file("a.pdf")) != Self.bytes(dir.file("b.pdf")))
        let idA = try PDFTools.trailerID(dir.file("a.pdf")), idB = try PDFTools.trailerID(dir.file("b.pdf"))
        #expect(idA.count == 32)
        #expect(idA != idB)
        #expect(idB == b.documentID.map { String(format: "%02X", $0) }.joined())
    }

    /// Two documents that differ only in a page dictionary (empty pages, so identical content streams)
    /// are different files and must not share an `/ID` (ISO 32000-1 §14.4).
    @Test(arguments: Fixture.xrefStyles)
    func pageSizeAloneChangesTheID(_ xref: XRefStyle) throws {
        func emptyPage(_ size: Size) throws -> RenderResult {
            let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .memory,
                                               cache: RenderCache(), options: Fixture.options(xref))
            try writer.beginPage(size: size)
            try writer.endPage()
            return try writer.finish()
        }
        let a4 = try emptyPage(.a4), square = try emptyPage(Size(width: 500, height: 500))
        #expect(a4.bytes != square.bytes)
        #expect(a4.documentID != square.documentID)
    }

    @Test func metadataDateIsTheGivenOneNotTheClock() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.render(.file(dir.file("d.pdf")), .table)
        let info = try PDFTools.pdfinfo(dir.file("d.pdf"))
        #expect(info["CreationDate"]?.contains("2026") == true, "\(info)")
        #expect(info["CreationDate"]?.contains("09:30:00") == true, "\(info)")
        #expect(info["Title"] == "Essai du moteur PDF")
        #expect(info["Pages"] == "2")
    }
}
