import Foundation
import LayoutDefinitions
import Testing

/// What the engine lays out (justified lines with widened spaces, merged runs, bold spans, no-break
/// spaces, ligatures) reads back as the same words in three readers: poppler, PDFium and MuPDF.
@Suite struct TextRoundTripTests {
    static let paragraphs = [
        "Élodie Dupré-Lefèvre a reçu un remboursement de 1\u{202F}234,56\u{00A0}€ pour des soins effectués à Lille.",
        "Les affluences efficaces de fin d'année n'empêchent pas le traitement des dossiers « officiels ».",
        "Cœur, œil, Ægée, ÇA, là, où, naïf : vos accents sont conservés tels quels dans le document.",
    ]

    /// NFC, no-break spaces folded, runs of white space collapsed (TESTING.md), ligatures expanded.
    static func normalized(_ s: String) -> String {
        let folded = s.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\u{FB01}", with: "fi").replacingOccurrences(of: "\u{FB03}", with: "ffi")
            .replacingOccurrences(of: "\u{FB04}", with: "ffl").replacingOccurrences(of: "\u{FB00}", with: "ff")
            .replacingOccurrences(of: "\u{FB02}", with: "fl").replacingOccurrences(of: "\u{00AD}", with: "")
            // A word broken at a line end by a hyphen reads back across the line break.
            .replacingOccurrences(of: "-\n", with: "-")
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func threeReadersReturnTheTextLaidOut() throws {
        let body = Self.paragraphs.map { "  - paragraph: \"\($0)\"\n    align: justify" }.joined(separator: "\n")
        let yaml = "document:\n  title: Texte\npage:\n  size: [300, 500]\n  margins: 30\nbody:\n" + body + "\n"
        let path = try Harness.renderFile(try ScratchLayouts(yaml: yaml).bind())
        let expected = Self.normalized(Self.paragraphs.joined(separator: " "))
        let poppler = try Tool.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout
        #expect(Self.normalized(poppler) == expected, "pdftotext:\n\(poppler)")
        let pdfium = try Tool.python("""
            import sys, pypdfium2
            pdf = pypdfium2.PdfDocument(sys.argv[1])
            sys.stdout.write(''.join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
            """, [path]).stdout
        #expect(Self.normalized(pdfium) == expected, "PDFium:\n\(pdfium)")
        let mupdf = try Tool.run("mutool", ["draw", "-q", "-F", "txt", "-o", "-", path]).stdout
        #expect(Self.normalized(mupdf) == expected, "MuPDF:\n\(mupdf)")
    }
}
