import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Every failure names what is at fault, and leaves nothing in the output directory: no partial PDF
/// and no temporary file.
@Suite struct ErrorTests {
    /// Starts a document writing to `dir/out.pdf`, runs `body` on its first page, and returns the error
    /// thrown, after the writer has been dropped.
    static func failure(in dir: TemporaryDirectory, _ body: (PDFDocumentWriter) throws -> Void) throws -> (any Error)? {
        do {
            let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry,
                                               output: .file(dir.file("out.pdf")), options: Fixture.options(.table))
            try writer.beginPage()
            try Fixture.line(writer, "Avant l'erreur", chain: Fixture.registry.chain(family: "DejaVu Sans"), y: 60)
            try body(writer)
            try writer.endPage()
            try writer.finish()
            return nil
        } catch {
            return error
        }
    }

    @Test func missingPNG() throws {
        let dir = try TemporaryDirectory()
        let png = dir.file("absent.png")
        let error = try #require(try Self.failure(in: dir) { try $0.drawImage(path: png, in: Rect(x: 0, y: 0, width: 10, height: 10)) })
        let e = try #require(error as? PDFRenderError)
        #expect(e.code == .imageNotFound)
        #expect(e.reason.contains(png))
        #expect(try dir.listing() == [])
    }

    @Test func randomBytesAreNotAPNG() throws {
        let dir = try TemporaryDirectory()
        let png = dir.file("random.png")
        var generator = SystemRandomNumberGenerator()
        try writeFile((0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: png)
        let error = try #require(try Self.failure(in: dir) { try $0.drawImage(path: png, in: Rect(x: 0, y: 0, width: 10, height: 10)) })
        let e = try #require(error as? PDFRenderError)
        #expect(e.code == .imageCorrupt)
        #expect(e.reason.contains(png))
        #expect(try dir.listing() == ["random.png"])
    }

    @Test(arguments: ["rgb8.png", "rgba8.png", "palette_trns.png", "gray16.png"])
    func truncatedPNG(_ fixture: String) throws {
        let dir = try TemporaryDirectory()
        let png = dir.file("half-" + fixture)
        let whole = try Data(contentsOf: URL(fileURLWithPath: Fixture.png(fixture)))
        try writeFile(whole.prefix(whole.count / 2), to: png)
        let error = try #require(try Self.failure(in: dir) { try $0.drawImage(path: png, in: Rect(x: 0, y: 0, width: 10, height: 10)) })
        let e = try #require(error as? PDFRenderError)
        #expect(e.code == .imageCorrupt)
        #expect(e.reason.contains(png))
        #expect(try dir.listing() == ["half-" + fixture])
    }

    @Test func uncoveredCharacter() throws {
        let dir = try TemporaryDirectory()
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        let error = try #require(try Self.failure(in: dir) { w in try Fixture.line(w, "Nom : 漢字", chain: chain, y: 90) })
        let e = try #require(error as? TypographyError)
        #expect(e.code == .uncoveredCharacter)
        #expect(e.reason.contains("U+6F22") && e.reason.contains("Nom : 漢字"))
        #expect(try dir.listing() == [])
    }

    @Test func outputDirectoryDoesNotExist() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("absent/out.pdf")
        #expect {
            _ = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path))
        } throws: { error in
            guard let e = error as? PDFRenderError else { return false }
            return e.code == .writeFailed && e.reason.contains(path)
        }
        #expect(try dir.listing() == [])
    }

    @Test func outputUnderARegularFile() throws {
        // Tests run as root, so a read-only directory would not stop a write: a path below a regular
        // file cannot be created by anyone (ENOTDIR).
        let dir = try TemporaryDirectory()
        try writeFile("x".utf8, to: dir.file("x"))
        let path = dir.file("x/out.pdf")
        #expect {
            _ = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path))
        } throws: { error in
            guard let e = error as? PDFRenderError else { return false }
            return e.code == .writeFailed && e.reason.contains(path)
        }
        #expect(try dir.listing() == ["x"])
    }

    @Test func outputPathIsAnExistingDirectory() throws {
        // Creating the temporary file works; moving it into place fails at finish, which must say so
        // and remove the temporary file.
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("out.pdf"), withIntermediateDirectories: false)
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry,
                                           output: .file(dir.file("out.pdf")), options: Fixture.options(.table))
        try writer.beginPage()
        try writer.endPage()
        #expect {
            try writer.finish()
        } throws: { error in
            guard let e = error as? PDFRenderError else { return false }
            return e.code == .writeFailed && e.reason.contains(dir.file("out.pdf"))
        }
        #expect(try dir.listing() == ["out.pdf"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("out.pdf")).isEmpty)
    }

    @Test func abandonLeavesNoFile() throws {
        let dir = try TemporaryDirectory()
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry,
                                           output: .file(dir.file("out.pdf")), options: Fixture.options(.table, flushThreshold: 100))
        try writer.beginPage()
        try Fixture.line(writer, "Document abandonné", chain: Fixture.registry.chain(family: "DejaVu Sans"), y: 60)
        try writer.endPage()
        // While writing (bytes were flushed: threshold 100), the file has no name: nothing shows.
        // (`FileSinkTests` covers the named temporary file used where that cannot be done.)
        #expect(try dir.listing() == [])
        writer.abandon()
        #expect(try dir.listing() == [])
        #expect(throws: PDFRenderError.self) { try writer.finish() }
        #expect(try dir.listing() == [])
    }

    @Test func droppingAnUnfinishedWriterLeavesNoFile() throws {
        let dir = try TemporaryDirectory()
        do {
            let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry,
                                               output: .file(dir.file("out.pdf")), options: Fixture.options(.table, flushThreshold: 100))
            try writer.beginPage()
            try Fixture.line(writer, "Jamais fini", chain: Fixture.registry.chain(family: "DejaVu Sans"), y: 60)
            try writer.endPage()
        }
        #expect(try dir.listing() == [])
    }

    @Test func finishedWriterLeavesExactlyTheDocument() throws {
        let dir = try TemporaryDirectory()
        let result = try Fixture.textDocument([["Fini"]], output: .file(dir.file("out.pdf")), xref: .table)
        #expect(try dir.listing() == ["out.pdf"])
        #expect(result.pageCount == 1)
        try expectConformant(dir.file("out.pdf"))
    }

    @Test func invalidCallSequences() throws {
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry)
        #expect(throws: PDFRenderError(.invalidState, "endPage without beginPage")) { try writer.endPage() }
        #expect(throws: PDFRenderError.self) { try writer.finish() }  // no page yet
        try writer.beginPage()
        #expect(throws: PDFRenderError.self) { try writer.beginPage() }
        #expect(throws: PDFRenderError.self) { try writer.finish() }  // inside a page
        try writer.endPage()
        try writer.finish()
        #expect(throws: PDFRenderError.self) { try writer.finish() }
        #expect(throws: PDFRenderError.self) { try writer.beginPage() }
    }
}
