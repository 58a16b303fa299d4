import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Text round-trips through three independent readers (poppler, PDFium, MuPDF), fonts as `pdffonts`
/// sees them, and the validity of every file written.
@Suite struct TextTests {
    static let french = "Élodie Dupré-Lefèvre, Noël, Çà et là, cœur, 1\u{202F}234,56\u{202F}€"
    static let lines = [french, "fichier", "affluence"]

    static func readers(_ path: String) throws -> [(name: String, text: String)] {
        [("pdftotext", try PDFTools.pdftotext(path)), ("PDFium", try PDFTools.pdfiumText(path)),
         ("MuPDF", try PDFTools.mutoolText(path))]
    }

    @Test(arguments: Fixture.xrefStyles)
    func frenchTextRoundTripsThroughThreeReaders(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("texte.pdf")
        _ = try Fixture.textDocument([Self.lines], output: .file(path), xref: xref)
        try expectConformant(path)
        let expected = normalizedText(Self.lines.joined(separator: "\n"))
        for reader in try Self.readers(path) {
            #expect(normalizedText(reader.text) == expected, "\(reader.name) read « \(reader.text) »")
        }
    }

    @Test(arguments: Fixture.xrefStyles)
    func everyFontIsAnEmbeddedSubsetWithUnicode(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("polices.pdf")
        let bold = try Fixture.registry.chain(family: "DejaVu Sans", bold: true)
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(xref))
        try writer.beginPage()
        try Fixture.line(writer, "Titre en gras", chain: bold, y: 60, size: 16)
        try Fixture.line(writer, Self.french, chain: Fixture.registry.chain(family: "DejaVu Sans"), y: 90)
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        let fonts = try PDFTools.pdffonts(path)
        #expect(fonts.count == 2)
        for font in fonts {
            #expect(font.type == "CID TrueType", "\(font)")
            #expect(font.encoding == "Identity-H", "\(font)")
            #expect(font.embedded && font.subset && font.unicode, "\(font)")
            // A subset is named with a six-letter tag (§9.6.4).
            #expect(font.name.range(of: "^[A-Z]{6}\\+DejaVuSans", options: .regularExpression) != nil, "\(font)")
        }
        #expect(Set(fonts.map { String($0.name.dropFirst(7)) }) == ["DejaVuSans", "DejaVuSans-Bold"])
    }

    @Test func ligatureGlyphsAreUsedAndMapBackToLetters() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("ligatures.pdf")
        _ = try Fixture.textDocument([["fichier", "affluence"]], output: .file(path), xref: .table)
        try expectConformant(path)
        let cmaps = try PDFTools.toUnicodeCMaps(path)
        #expect(cmaps.count == 1)
        let cmap = try #require(cmaps.first)
        // One CID stands for « fi » and one for « ffl »: the ligature glyphs really were drawn.
        #expect(cmap.range(of: "<[0-9A-F]{4}> <00660069>", options: .regularExpression) != nil, "\(cmap)")
        #expect(cmap.range(of: "<[0-9A-F]{4}> <00660066006C>", options: .regularExpression) != nil, "\(cmap)")
        // And the readers give the letters back, not U+FB01/U+FB04.
        for reader in try Self.readers(path) {
            #expect(!reader.text.contains("\u{FB01}") && !reader.text.contains("\u{FB04}"), "\(reader.name)")
            #expect(normalizedText(reader.text) == "fichier affluence", "\(reader.name) read « \(reader.text) »")
        }
    }

    @Test(arguments: Fixture.xrefStyles)
    func greekAndCyrillicThroughTheFallbackFace(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let latinOnly = try latinOnlyFont(in: dir)
        let registry = try FontRegistry(paths: [latinOnly, TestFiles.fontsDirectory + "/DejaVuSans.ttf"])
        // Both faces are family « DejaVu Sans »: the chain is the faces in order, Latin-only first.
        let chain = FontChain(registry.faces)
        let lines = ["Mme Ελένη Παπαδοπούλου", "M. Анна Иванова, née Dupré"]
        let path = dir.file("repli.pdf")
        _ = try Fixture.textDocument([lines], chain: chain, registry: registry, output: .file(path), xref: xref)
        try expectConformant(path)
        let fonts = try PDFTools.pdffonts(path)
        #expect(fonts.count == 2, "\(fonts)")
        #expect(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode && $0.encoding == "Identity-H" })
        let expected = normalizedText(lines.joined(separator: " "))
        for reader in try Self.readers(path) {
            #expect(normalizedText(reader.text) == expected, "\(reader.name) read « \(reader.text) »")
        }
    }

    @Test func noBreakSpaceSurvivesExtraction() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("insecable.pdf")
        let text = "Madame\u{A0}Dupont et Monsieur Martin"
        _ = try Fixture.textDocument([[text]], output: .file(path), xref: .table)
        try expectConformant(path)
        // The space glyph drawn for U+00A0 gets its own CID whose ToUnicode says U+00A0.
        let cmap = try #require(try PDFTools.toUnicodeCMaps(path).first)
        #expect(cmap.range(of: "<[0-9A-F]{4}> <00A0>", options: .regularExpression) != nil, "\(cmap)")
        #expect(cmap.range(of: "<[0-9A-F]{4}> <0020>", options: .regularExpression) != nil, "\(cmap)")
        // PDFium returns U+00A0 as is. poppler 22.12 and MuPDF 1.21 fold it to U+0020 in their text
        // output (checked by hand: the ToUnicode above is right), so for them only the folded text is
        // compared.
        let pdfium = try PDFTools.pdfiumText(path)
        #expect(pdfium.contains("Madame\u{A0}Dupont et Monsieur"), "PDFium read « \(pdfium) »")
        for reader in try Self.readers(path) {
            #expect(normalizedText(reader.text) == normalizedText(text), "\(reader.name)")
        }
    }

    @Test func textPlacementFollowsTheFrameOrigin() throws {
        // pdftotext -bbox gives each word's box in top-left coordinates, like frames.
        let dir = try TemporaryDirectory()
        let path = dir.file("position.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        try writer.beginPage(size: Size(width: 400, height: 300))
        let chain = try Fixture.registry.chain(family: "DejaVu Sans")
        let width = try Fixture.line(writer, "Repère", chain: chain, x: 100, y: 200, size: 20)
        // A heavily kerned word: each A–V pair is pulled together; a wrong sign or unit in the TJ
        // adjustments would move its end by several points.
        let kerned = "AVAVAVAVAVAVAVAVAVAV"
        let kernedWidth = try Fixture.line(writer, kerned, chain: chain, x: 20, y: 260, size: 20)
        let face = try Fixture.registry.face(family: "DejaVu Sans")
        let nominal = Shaper.shape(kerned, face: face).glyphs.reduce(0.0) { $0 + Double(face.advance(of: $1)) } * 20 / 2048
        #expect(nominal - kernedWidth > 10, "kerning shortens the word: \(nominal) vs \(kernedWidth)")
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        let bbox = try Tool.run("pdftotext", ["-bbox", path, "-"]).stdout
        let word = try #require(bbox.split(separator: "\n").first { $0.contains(">Repère<") })
        func attr(_ name: String) throws -> Double {
            let r = try #require(word.range(of: "\(name)=\"([0-9.]+)\"", options: .regularExpression))
            return try #require(Double(word[r].split(separator: "\"")[1]))
        }
        #expect(abs(try attr("xMin") - 100) < 1.5)
        #expect(abs(try attr("xMax") - (100 + width)) < 1.5)
        // The baseline is at y = 200: the word box spans it (ascent above, descent below).
        #expect(try attr("yMin") < 200 && attr("yMax") > 200)
        #expect(try attr("yMin") > 175)

        let kernedBox = try #require(bbox.split(separator: "\n").first { $0.contains(">\(kerned)<") })
        let kernedEnd = try #require(kernedBox.range(of: "xMax=\"([0-9.]+)\"", options: .regularExpression))
        let xMax = try #require(Double(kernedBox[kernedEnd].split(separator: "\"")[1]))
        #expect(abs(xMax - (20 + kernedWidth)) < 1, "kerned word ends at \(xMax), shaped width says \(20 + kernedWidth)")
    }
}

/// DejaVu Sans cut down to printable ASCII and Latin-1 with the engine's own subsetter.
func latinOnlyFont(in dir: TemporaryDirectory) throws -> String {
    let face = try Fixture.registry.face(family: "DejaVu Sans")
    let scalars = Array(0x20...0x7E) + Array(0xA0...0xFF)
    let glyphs = scalars.map { Shaper.shape(String(Unicode.Scalar($0)!), face: face).glyphs[0] }
    let subset = try Subsetter.subset(face, glyphs: glyphs, standalone: true)
    let path = dir.file("LatinOnly.ttf")
    try writeFile(subset.bytes, to: path)
    return path
}

extension TextTests {
    /// Runs drawn one after the other with nothing in between share one text object; each Td after
    /// the first moves from the previous line start (ISO 32000-1 §9.4.2), and readers still see each line.
    @Test func consecutiveRunsShareOneTextObject() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("lignes.pdf")
        _ = try Fixture.textDocument([["Première ligne", "Deuxième ligne", "Troisième"]], output: .file(path), xref: .table)
        try expectConformant(path)
        let ops = try Tool.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            for operands, op in pikepdf.parse_content_stream(pdf.pages[0]):
                if str(op) in ("BT", "ET"): print(op)
                if str(op) == "Td": print("Td", " ".join(str(float(x)) for x in operands))
            """, [path])
        #expect(ops.stdout.split(separator: "\n") == ["BT", "Td 50.0 761.89", "Td 0.0 -20.0", "Td 0.0 -20.0", "ET"],
                "\(ops.combined)")
        for reader in try Self.readers(path) {
            #expect(normalizedText(reader.text) == normalizedText("Première ligne\nDeuxième ligne\nTroisième"),
                    "\(reader.name): \(reader.text)")
        }
    }
}

extension TextTests {
    /// A document's own fonts (here one per face, drawn in turns) number their CIDs apart, so that one
    /// ToUnicode CMap and one CIDToGIDMap serve them all: each font's codes are its own, the shared
    /// CMap gives each its text, and every reader reads each line back.
    @Test func ownFontsShareOneToUnicodeAndOneCIDToGIDMap() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("polices.pdf")
        let regular = try Fixture.registry.chain(family: "DejaVu Sans")
        let bold = try Fixture.registry.chain(family: "DejaVu Sans", bold: true)
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.compressed(objectsPerStream: 100)))
        try writer.beginPage()
        let lines = ["Titre en gras", "Texte ordinaire, œuvre", "Gras à nouveau : Ça va", "Fin du texte"]
        for (i, line) in lines.enumerated() {
            try Fixture.line(writer, line, chain: i % 2 == 0 ? bold : regular, y: 60 + 30 * Double(i), size: 14)
        }
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        let r = try Tool.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            page = pdf.pages[0]
            fonts = dict(page.obj.Resources.Font.items())
            print("tounicode", len({f.ToUnicode.objgen for f in fonts.values()}))
            print("maps", len({f.DescendantFonts[0].CIDToGIDMap.objgen for f in fonts.values()}))
            codes = {name: set() for name in fonts}
            current = None
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) == "Tf": current = str(operands[0])
                if str(op) == "TJ":
                    for item in operands[0]:
                        if isinstance(item, pikepdf.String):
                            b = bytes(item)
                            codes[current] |= {b[i] << 8 | b[i + 1] for i in range(0, len(b), 2)}
            sets = list(codes.values())
            print("fonts", len(sets), "disjoint", not (sets[0] & sets[1]), "used", all(sets))
            """, [path])
        #expect(r.stdout.contains("tounicode 1") && r.stdout.contains("maps 1"), "\(r.combined)")
        #expect(r.stdout.contains("fonts 2 disjoint True used True"), "\(r.combined)")
        let expected = normalizedText(lines.joined(separator: "\n"))
        for reader in try Self.readers(path) {
            #expect(normalizedText(reader.text) == expected, "\(reader.name) read « \(reader.text) »")
        }
        let fonts = try PDFTools.pdffonts(path)
        #expect(fonts.count == 2 && fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
    }
}
