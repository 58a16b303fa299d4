import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Font subsets shared by the documents of one kind (`SharedFontSubsets`): a document draws the glyphs
/// the reference frames drew from the shared subset and only the others from a subset of its own. The
/// text must read back the same in every reader, the glyphs must land where exact subsets put them, and
/// the shared font must be the same bytes in every document.
@Suite struct SharedSubsetTests {
    /// What the reference document draws: the shared subset holds these glyphs (regular face).
    static let reference = "Relevé mensuel de vos remboursements : 0123456789,€ AV"
    /// Lines drawn by the documents: shared glyphs only; a line with glyphs the reference lacks, some
    /// words mixing both (Ø, W and k are not in the reference; « AVAW » kerns across the two fonts).
    static let sharedOnly = ["Relevé de vos remboursements", "1 234,56 €"]
    static let mixed = ["Relevé de Øster-Kowalski", "AVAWAVAW Wolk", "Müller Ğül"]

    static func referenceFrames() throws -> [Frame] {
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        var frame = Frame(size: .a4)
        var pen = 50.0
        for run in try chain.shape(reference) {
            let glyphs = run.glyphRun(size: 11, origin: Point(x: pen, y: 80), color: .black)
            frame.append(.glyphs(glyphs))
            pen += glyphs.width
        }
        return [frame]
    }

    static let shared: SharedFontSubsets = {
        do {
            return try SharedFontSubsets(frames: referenceFrames(), fonts: Fixture.registry, compressionLevel: 6)
        } catch { fatalError("\(error)") }
    }()

    /// A one-page document of `lines`, with or without the shared subsets.
    static func document(_ lines: [String], shared: SharedFontSubsets?, path: String,
                         size: Double = 11) throws {
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.compressed(objectsPerStream: 100)),
                                           sharedSubsets: shared)
        try writer.beginPage()
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        for (i, text) in lines.enumerated() {
            try Fixture.line(writer, text, chain: chain, y: 80 + Double(i) * 30, size: size)
        }
        try writer.endPage()
        try writer.finish()
    }

    @Test func theSharedSubsetHoldsTheReferenceGlyphs() throws {
        let face = try Fixture.registry.face(family: "DejaVu Sans")
        let distinct = Set(Shaper.shape(Self.reference, face: face).glyphs).count
        // .notdef and each distinct glyph the reference drew, nothing else.
        #expect(Self.shared.glyphCounts == [face.handle: distinct + 1])
    }

    @Test func textReadsBackThroughThreeReaders() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("partage.pdf")
        let lines = Self.sharedOnly + Self.mixed
        try Self.document(lines, shared: Self.shared, path: path)
        try expectConformant(path)
        let expected = normalizedText(lines.joined(separator: "\n"))
        for reader in try TextTests.readers(path) {
            #expect(normalizedText(reader.text) == expected, "\(reader.name) read « \(reader.text) »")
        }
        let fonts = try PDFTools.pdffonts(path)
        // The shared subset and the document's own one, two fonts of one face with different tags.
        #expect(fonts.count == 2, "\(fonts)")
        #expect(Set(fonts.map { String($0.name.dropFirst(7)) }) == ["DejaVuSans"])
        #expect(Set(fonts.map(\.name)).count == 2)
        for font in fonts { #expect(font.embedded && font.subset && font.unicode, "\(font)") }
    }

    @Test func aDocumentOfSharedGlyphsOnlyHasNoSubsetOfItsOwn() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("partage-seul.pdf")
        try Self.document(Self.sharedOnly, shared: Self.shared, path: path)
        try expectConformant(path)
        #expect(try PDFTools.pdffonts(path).count == 1)
    }

    @Test func theSharedFontIsTheSameBytesInEveryDocument() throws {
        let dir = try TemporaryDirectory()
        let a = dir.file("a.pdf"), b = dir.file("b.pdf")
        try Self.document(Self.sharedOnly + ["Øster"], shared: Self.shared, path: a)
        try Self.document(["Müller", "0,5 €"], shared: Self.shared, path: b)
        let pa = try PDFTools.fontPrograms(a), pb = try PDFTools.fontPrograms(b)
        #expect(pa.count == 2 && pb.count == 2)
        // F1 is the shared subset in both (the first glyph drawn is in it); F2 each document's own.
        #expect(pa.first?.name == pb.first?.name)
        #expect(pa.first?.sha256 == pb.first?.sha256)
        #expect(pa.last?.name != pb.last?.name)
        #expect(pa.last?.sha256 != pb.last?.sha256)
    }

    @Test func glyphsLandWhereExactSubsetsPutThem() throws {
        // Kerning between a shared glyph and an own one is carried across the font change: every
        // character must sit where the same line drawn with one exact subset puts it.
        let dir = try TemporaryDirectory()
        let withShared = dir.file("partage.pdf"), exact = dir.file("exact.pdf")
        try Self.document(Self.mixed, shared: Self.shared, path: withShared, size: 24)
        try Self.document(Self.mixed, shared: nil, path: exact, size: 24)
        #expect(try PDFTools.pdffonts(exact).count == 1)
        let a = try PDFTools.mutoolCharacters(withShared), b = try PDFTools.mutoolCharacters(exact)
        #expect(a.count == b.count && a.count > 30)
        for (x, y) in zip(a, b) {
            #expect(x.c == y.c && abs(x.x - y.x) < 0.02 && abs(x.y - y.y) < 0.02, "\(x) vs \(y)")
        }
        // The same pixels, too.
        #expect(try PDFTools.renderPage(withShared, dpi: 100).pixels == PDFTools.renderPage(exact, dpi: 100).pixels)
    }

    @Test func sameInputSameBytes() throws {
        let dir = try TemporaryDirectory()
        let a = dir.file("a.pdf"), b = dir.file("b.pdf")
        let again = try SharedFontSubsets(frames: Self.referenceFrames(), fonts: Fixture.registry, compressionLevel: 6)
        try Self.document(Self.mixed, shared: Self.shared, path: a)
        try Self.document(Self.mixed, shared: again, path: b)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }
}
