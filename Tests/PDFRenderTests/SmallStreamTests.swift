import Foundation
import PDFRender
import PDFSyntax
import Testing
import TestSupport

/// Streams shorter than `Deflater.storedBelow` are written without `/Filter` (a libdeflate call costs
/// more than the few bytes it saves there), font programs included; longer ones stay Flate-encoded. Both must read back the
/// same through every reader.
@Suite struct SmallStreamTests {
    /// Each stream of the file as `filter decodedLength kind`, read by pikepdf (qpdf's library).
    private static func streams(_ path: String) throws -> [(filter: String, length: Int, kind: String)] {
        let script = """
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            fonts = {}
            for page in pdf.pages:
                for f in page.obj.Resources.Font.values():
                    d = f.DescendantFonts[0]
                    fonts[d.CIDToGIDMap.objgen] = "CIDToGIDMap"
                    fonts[d.FontDescriptor.FontFile2.objgen] = "FontFile2"
                    fonts[f.ToUnicode.objgen] = "ToUnicode"
                fonts[page.obj.Contents.objgen] = "Contents"
            for o in pdf.objects:
                if isinstance(o, pikepdf.Stream) and o.objgen in fonts:
                    print(str(o.get("/Filter", "none")), len(o.read_bytes()), fonts[o.objgen])
            """
        let r = try Tool.python(script, [path])
        try #require(r.exitCode == 0, "pikepdf failed: \(r.combined)")
        return r.stdout.split(separator: "\n").map { line in
            let f = line.split(separator: " ")
            return (String(f[0]), Int(f[1]) ?? -1, String(f[2]))
        }
    }

    @Test(arguments: Fixture.xrefStyles)
    func shortStreamsAreStoredLongOnesCompressed(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        // A few glyphs: a CIDToGIDMap of 2 bytes a CID, a ToUnicode CMap of a few entries and a program
        // of three glyphs, all under the threshold (1,024 bytes); a short page.
        let small = dir.file("court.pdf")
        _ = try Fixture.textDocument([["Abc"]], output: .file(small), xref: xref)
        // Over 300 distinct glyphs, twice: a page, a CMap and a program well over the threshold.
        let many = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿ"
            + " ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩ "
            + String(String.UnicodeScalarView((0x100...0x17F).compactMap(Unicode.Scalar.init)))
        let lines = stride(from: 0, to: many.count, by: 40).map { String(many.dropFirst($0).prefix(40)) }
        let large = dir.file("long.pdf")
        _ = try Fixture.textDocument([lines + lines], output: .file(large), xref: xref)

        for path in [small, large] {
            try expectConformant(path)
        }
        // Stored exactly when shorter than the threshold, whatever the stream.
        let short = try Self.streams(small), long = try Self.streams(large)
        for s in short + long {
            #expect((s.filter == "none") == (s.length < Deflater.storedBelow), "\(s.kind) of \(s.length) bytes: \(s.filter)")
        }
        // The short document's four streams are stored; the long one's page, CMap and program are
        // compressed.
        #expect(short.map(\.kind).sorted() == ["CIDToGIDMap", "Contents", "FontFile2", "ToUnicode"], "\(short)")
        #expect(short.allSatisfy { $0.filter == "none" }, "\(short)")
        #expect(long.count == 4 && long.filter { $0.kind != "CIDToGIDMap" }.allSatisfy { $0.filter == "/FlateDecode" }, "\(long)")
        // Readers decode both alike: through the stored CIDToGIDMap and page, the text comes back.
        #expect(normalizedText(try PDFTools.pdftotext(small)) == "Abc")
        #expect(normalizedText(try PDFTools.mutoolText(small)) == "Abc")
        #expect(normalizedText(try PDFTools.pdfiumText(small)) == "Abc")
        let expected = normalizedText((lines + lines).joined(separator: " "))
        #expect(normalizedText(try PDFTools.pdftotext(large)) == expected)
        #expect(normalizedText(try PDFTools.mutoolText(large)) == expected)
        let fonts = try PDFTools.pdffonts(small)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.embedded && $0.subset })
    }
}
