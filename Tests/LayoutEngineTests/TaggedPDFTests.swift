import Foundation
import Synchronization
import LayoutDefinitions
import Testing
import TestSupport

/// Tagged PDF and PDF/A, read back by poppler and pikepdf (ISO 32000-1 §14.8, ISO 19005-2).
@Suite struct TaggedPDFTests {
    static let yaml = """
        document:
          title: Document balisé
        styles:
          base: {size: 10}
        header:
          height: 14
          offset: 6
          blocks: ["Bandeau courant"]
        footer:
          height: 12
          offset: 10
          blocks: ["Pied de page {page} / {pages}"]
        body:
          - h1: Titre du document
          - paragraph: "Un paragraphe d'introduction."
          - table:
              columns:
                - {width: 100, header: "Date", cell: "{l.date}"}
                - {width: "1*", align: right, header: "Montant", cell: "{l.montant}"}
              rows:
                - for: l in lignes
          - list:
              - "Premier point"
              - "Second point"
          - image: logo.png
            width: 36
            alt: "Logo de la caisse"
        """

    static let data = #"{"lignes": [{"date": "01/10/2026", "montant": "12,00 €"}, {"date": "02/10/2026", "montant": "3,50 €"}]}"#

    static func rendered() throws -> String {
        try Harness.renderFile(try ScratchLayouts(yaml: yaml, data: data, withLogo: true).bind())
    }

    @Test func structureTreeListsTheElementsInReadingOrder() throws {
        let path = try Self.rendered()
        let info = try Tool.run("pdfinfo", [path])
        #expect(info.stdout.contains("Tagged:          yes") || info.stdout.range(of: #"Tagged:\s+yes"#, options: .regularExpression) != nil)
        let structure = try Tool.run("pdfinfo", ["-struct", path])
        #expect(structure.status == 0)
        // One element a line (« TH: » when attributes follow on lines starting with « / »).
        let roles = structure.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first,
                  !word.hasPrefix("/") else { return nil }
            return word.hasSuffix(":") ? String(word.dropLast()) : String(word)
        }
        #expect(structure.stdout.components(separatedBy: "/Scope /Column").count - 1 == 2, "both TH have column scope")
        let expected = ["Document", "H1", "P", "Table", "TR", "TH", "TH", "TR", "TD", "TD", "TR", "TD", "TD",
                        "L", "LI", "Lbl", "LBody", "P", "LI", "Lbl", "LBody", "P", "Figure"]
        #expect(roles == expected, "pdfinfo -struct:\n\(structure.stdout)")
    }

    @Test func headersAndFootersAreArtifactsNotStructure() throws {
        let path = try Self.rendered()
        let tagged = try Tool.run("pdfinfo", ["-struct-text", path])
        #expect(tagged.stdout.contains("Titre du document"))
        #expect(tagged.stdout.contains("Premier point"))
        #expect(!tagged.stdout.contains("Bandeau courant"))
        #expect(!tagged.stdout.contains("Pied de page"))
        // …yet they are drawn.
        let text = try Tool.pdfTextPages(path, layout: false).joined()
        #expect(text.contains("Bandeau courant") && text.contains("Pied de page 1 / 1"))
    }

    @Test func documentTitleIsDisplayedAndTheFileIsClean() throws {
        let path = try Self.rendered()
        let check = try Tool.run("qpdf", ["--check", path])
        #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")
        let script = """
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            print(bool(pdf.Root.ViewerPreferences.DisplayDocTitle), str(pdf.docinfo.Title), str(pdf.Root.Lang))
            """
        let r = try Tool.python(script, [path])
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "True Document balisé fr-FR", "\(r.stdout) \(r.stderr)")
    }

    @Test func releveSamplePassesThePDFA2bValidator() throws {
        let path = try Harness.renderFile(try releveDocument())
        let script = """
            import sys
            import pikepdf.pdfa as pa
            result = pa.validate_written(sys.argv[1], '2b')
            print('passed' if result.passed else 'failed')
            if not result.passed:
                print(result)
            """
        let r = try Tool.python(script, [path])
        #expect(r.stdout.hasPrefix("passed"), "\(r.stdout) \(r.stderr)")
        let fonts = try Tool.run("pdffonts", [path])
        let fontLines = fonts.stdout.split(separator: "\n").dropFirst(2)
        #expect(!fontLines.isEmpty)
        for line in fontLines {
            let cols = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type encoding emb sub uni object ID: emb and sub are yes.
            #expect(cols.count >= 7 && cols[cols.count - 5] == "yes" && cols[cols.count - 4] == "yes", "\(line)")
        }
    }

    /// The relevé's cells, lines and footer are marked content that holds only text: they sit inside
    /// text objects, a row of cells in one, and every text object and sequence nests properly (a text
    /// object ends before a rule, a background or the logo).
    @Test func releveMarkedContentNestsWithTextObjects() throws {
        let path = try Harness.renderFile(try releveDocument())
        let nesting = try PDFTools.contentNesting(path)
        #expect(nesting.problems.isEmpty, "\(nesting.problems)")
        let textObjects = nesting.operators.filter { $0 == "BT" }.count
        let sequences = nesting.operators.filter { $0 == "BDC" || $0 == "BMC" }.count
        #expect(sequences > 150, "\(sequences) marked-content sequences")
        #expect(textObjects > 0 && textObjects * 10 < sequences, "\(textObjects) text objects for \(sequences) sequences")
    }

    @Test func documentsRenderedOnParallelThreadsMatchTheSequentialOnes() throws {
        // The engine, its shape cache and the render cache are shared by a batch's threads.
        let variants = try (1...6).map { n in try releveDocument(data: try VisualTests.sample { Array($0.prefix(3 * n)) }) }
        let sequential = try variants.map { try Harness.renderer.render($0, date: Harness.date, to: .memory).bytes }
        let parallel = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: variants.count * 2) { i in
            let bytes = (try? Harness.renderer.render(variants[i % variants.count], date: Harness.date, to: .memory).bytes) ?? []
            parallel.withLock { $0[i] = bytes }
        }
        let results = parallel.withLock { $0 }
        for i in 0..<(variants.count * 2) {
            #expect(results[i] == sequential[i % variants.count], "document \(i % variants.count) differs on a parallel thread")
        }
        #expect(Set(sequential.map(\.count)).count == variants.count, "the variants differ from each other")
    }

    @Test func renderingTheReleveTwiceGivesIdenticalBytes() throws {
        let a = try Harness.renderer.render(try releveDocument(), date: Harness.date, to: .memory)
        let b = try Harness.renderer.render(try releveDocument(), date: Harness.date, to: .memory)
        #expect(a.bytes.count > 1000)
        #expect(a.bytes == b.bytes)
        #expect(a.documentID == b.documentID)
    }
}

/// A QR code drawn by the engine decodes, with a real reader, to its text.
@Suite struct QRCodeTests {
    @Test func qrCodeDecodesToItsText() throws {
        let yaml = """
            document:
              title: Vérification
            body:
              - paragraph: "Vérifiez ce document :"
              - qr: "https://exemple.fr/verifier/{id}"
                size: 120
                alt: "Code de vérification"
            """
        let document = try ScratchLayouts(yaml: yaml, data: #"{"id": "A1B2-C3D4-2026"}"#).bind()
        let dir = makeTemporaryDirectory()
        let path = try Harness.renderFile(document, in: dir)
        try Tool.run("pdftoppm", ["-r", "200", "-png", "-f", "1", "-l", "1", path, dir + "/page"])
        let image = try #require(directoryListing(dir).first { $0.hasPrefix("page") && $0.hasSuffix(".png") })
        let decoded = try Tool.run("zbarimg", ["-q", "--raw", dir + "/" + image])
        #expect(decoded.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "https://exemple.fr/verifier/A1B2-C3D4-2026")
    }
}
