import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Text that takes the less common paths of the writer: many CIDs (several ToUnicode blocks), marks
/// positioned with offsets, characters beyond the BMP, several sizes and colours.
@Suite struct TextEdgeCaseTests {
    static func readers(_ path: String) throws -> [(name: String, text: String)] {
        [("pdftotext", try PDFTools.pdftotext(path)), ("PDFium", try PDFTools.pdfiumText(path)),
         ("MuPDF", try PDFTools.mutoolText(path))]
    }

    @Test func hundredsOfDistinctCharactersRoundTrip() throws {
        // Latin-1 letters, Greek and Cyrillic alphabets: well over 100 CIDs, so the ToUnicode CMap needs
        // several `beginbfchar` blocks (at most 100 entries each, §9.10.3).
        let latin = String(String.UnicodeScalarView((0xC0...0xFF).compactMap(Unicode.Scalar.init).filter { $0 != "×" && $0 != "÷" }))
        let greek = String(String.UnicodeScalarView((0x3B1...0x3C9).compactMap(Unicode.Scalar.init).filter { $0.value != 0x3C2 }))
        let cyrillic = String(String.UnicodeScalarView((0x430...0x44F).compactMap(Unicode.Scalar.init)))
        let lines = [latin, greek.uppercased(), greek, cyrillic, cyrillic.uppercased(), "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        let dir = try TemporaryDirectory()
        let path = dir.file("alphabets.pdf")
        _ = try Fixture.textDocument([lines], output: .file(path), xref: .compressed(objectsPerStream: 100))
        try expectConformant(path)
        let cmap = try #require(try PDFTools.toUnicodeCMaps(path).first)
        let blocks = cmap.components(separatedBy: "beginbfchar").count - 1
        #expect(blocks >= 3, "\(blocks) blocks")
        let mapped = cmap.split(separator: "\n").filter { $0.hasPrefix("<") && $0.contains("> <") }.count
        #expect(mapped > 200)
        let expected = normalizedText(lines.joined(separator: "\n"))
        for reader in try Self.readers(path) {
            #expect(normalizedText(reader.text) == expected, "\(reader.name) read « \(reader.text) »")
        }
    }

    @Test func combiningMarksAndAstralCharacters() throws {
        // « n̈ » has no precomposed form: the mark is a glyph of its own, placed with an offset.
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        let shaped = try chain.shape("Spın̈al")
        #expect(shaped.count == 1 && !shaped[0].offsets.isEmpty, "the mark is positioned with an offset")
        let lines = ["Spın̈al Tap", "Smiley \u{1F600} fin", "Vietnamien : Nguyễn"]
        let dir = try TemporaryDirectory()
        let path = dir.file("marques.pdf")
        _ = try Fixture.textDocument([lines], output: .file(path), xref: .table)
        try expectConformant(path)
        let expected = normalizedText(lines.joined(separator: "\n"))
        for reader in try Self.readers(path) where reader.name != "pdftotext" {
            #expect(normalizedText(reader.text) == expected, "\(reader.name) read « \(reader.text) »")
        }
        // poppler merges the mark into « n̈ » but then ends the word at the mark's right edge, which for
        // a zero-width mark placed with a small negative offset (as HarfBuzz centres it) lies 0.7 pt
        // before the next letter: it reads « Spın̈ al ». The glyph positions are right (PDFium and MuPDF
        // agree), so for poppler only the characters are compared, spaces aside.
        let poppler = try PDFTools.pdftotext(path)
        #expect(normalizedText(poppler).filter { $0 != " " } == expected.filter { $0 != " " }, "pdftotext read « \(poppler) »")
    }

    @Test func sizesColoursAndFacesInOneLine() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("styles.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        let regular = try Fixture.registry.chain(family: "DejaVu Sans")
        let bold = try Fixture.registry.chain(family: "DejaVu Sans", bold: true)
        let italic = try Fixture.registry.chain(family: "DejaVu Sans", italic: true)
        try writer.beginPage(size: Size(width: 400, height: 200))
        var x = 20.0
        x += try Fixture.line(writer, "Montant ", chain: regular, x: x, y: 100, size: 12)
        x += try Fixture.line(writer, "dû ", chain: bold, x: x, y: 100, size: 12, color: .rgb(1, 0, 0))
        x += try Fixture.line(writer, "avant ", chain: italic, x: x, y: 100, size: 9, color: .gray(0.4))
        x += try Fixture.line(writer, "le 31", chain: regular, x: x, y: 100, size: 40, color: .rgb(0, 0, 1))
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        #expect(try PDFTools.pdffonts(path).count == 3)
        for reader in try Self.readers(path) {
            #expect(normalizedText(reader.text) == "Montant dû avant le 31", "\(reader.name) read « \(reader.text) »")
        }
        // The big blue « 31 » really is blue: some pixel of its box is blue, none red.
        let page = try PDFTools.renderPage(path, dpi: 72)
        let box = (Int(x) - 40)..<Int(x)
        var blue = 0, red = 0
        for px in box { for py in 72..<100 {
            let p = page.pixel(x: px, y: py)
            if p.b > 200 && p.r < 60 && p.g < 60 { blue += 1 }
            if p.r > 200 && p.g < 60 && p.b < 60 { red += 1 }
        } }
        #expect(blue > 50 && red == 0, "blue \(blue), red \(red)")
    }
}

extension TextEdgeCaseTests {
    /// A cluster drawn with several glyphs cannot be said by ToUnicode (one code, one string): the
    /// writer wraps the run in `/Span <</ActualText …>>` (§14.9.4). DejaVu's own shaping never does this
    /// for Latin, so the run is built by hand: « ǳ » (U+01F3) drawn as the glyphs of « d » and « z ».
    @Test func multiGlyphClusterUsesActualText() throws {
        let face = try Fixture.registry.face(family: "DejaVu Sans")
        let d = Shaper.shape("d", face: face).glyphs[0], z = Shaper.shape("z", face: face).glyphs[0]
        let dir = try TemporaryDirectory()
        let path = dir.file("actualtext.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        try writer.beginPage()
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        let before = try Fixture.line(writer, "Le digramme ", chain: chain, y: 60)
        writer.draw(GlyphRun(font: face.handle, size: 11, origin: Point(x: 50 + before, y: 60), color: .black,
                             shaped: ShapedGlyphs(glyphs: [d, z], advances: [face.advance(of: d), face.advance(of: z)],
                                                  clusters: [0, 0], text: "\u{1F3}"),
                             unitsPerEm: face.unitsPerEm))
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        // poppler and PDFium use the ActualText. MuPDF 1.21's text output ignores it and prints the
        // second glyph, which has no ToUnicode text of its own, as U+FFFD (an empty or zero-width
        // mapping was tried by hand: it prints U+FFFD or U+200B instead; nothing better to do here).
        for reader in try Self.readers(path) {
            let text = reader.name == "MuPDF" ? reader.text.replacingOccurrences(of: "\u{FFFD}", with: "") : reader.text
            #expect(normalizedText(text) == "Le digramme \u{1F3}", "\(reader.name) read « \(reader.text) »")
        }
    }
}
