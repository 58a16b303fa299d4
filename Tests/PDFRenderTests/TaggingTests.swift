import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// The tagging hook (ISO 32000-1 §14.7–14.8): structure elements and their marked content.
@Suite struct TaggingTests {
    @Test(arguments: Fixture.xrefStyles)
    func structureTreeIsReadByPoppler(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("balise.pdf")
        var tree = StructureTree()
        let h1 = tree.add("H1", under: tree.root)
        let p = tree.add("P", under: tree.root)
        let figure = tree.add("Figure", under: tree.root, alt: "Logo rouge de l'organisme")
        let p2 = tree.add("P", under: tree.root)
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(xref))
        writer.structure = tree
        let regular = try Fixture.registry.chain(family: "DejaVu Sans")
        let bold = try Fixture.registry.chain(family: "DejaVu Sans", bold: true)
        try writer.beginPage()
        writer.beginArtifact(pagination: true)
        try Fixture.line(writer, "En-tête courant", chain: regular, y: 30, size: 8)
        writer.endArtifact()
        writer.beginStructure(node: h1)
        try Fixture.line(writer, "Attestation de droits", chain: bold, y: 70, size: 18)
        writer.endStructure()
        writer.beginStructure(node: p)
        try Fixture.line(writer, "Premier paragraphe.", chain: regular, y: 100)
        writer.endStructure()
        writer.beginStructure(node: figure)
        try writer.drawImage(path: Fixture.png("rgb8.png"), in: Rect(x: 50, y: 120, width: 40, height: 40))
        writer.endStructure()
        try writer.endPage()
        // The second paragraph continues on page 2.
        try writer.beginPage()
        writer.beginStructure(node: p2)
        try Fixture.line(writer, "Second paragraphe.", chain: regular, y: 70)
        writer.endStructure()
        try writer.endPage()
        try writer.finish(structure: tree)
        try expectConformant(path)

        let info = try PDFTools.pdfinfo(path)
        #expect(info["Tagged"] == "yes", "\(info)")
        let structure = try PDFTools.pdfinfoStruct(path)
        let roles = structure.split(separator: "\n").compactMap { line -> String? in
            let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
            return word.flatMap { ["Document", "H1", "P", "Figure"].contains($0) ? $0 : nil }
        }
        #expect(roles == ["Document", "H1", "P", "Figure", "P"], "\(structure)")
        // Children are indented under the root.
        let lines = structure.split(separator: "\n")
        let documentIndent = lines.first { $0.contains("Document") }.map { $0.prefix { $0 == " " }.count }
        let h1Indent = lines.first { $0.contains("H1") }.map { $0.prefix { $0 == " " }.count }
        #expect(documentIndent != nil && h1Indent != nil && h1Indent! > documentIndent!, "\(structure)")

        // The header artifact is not part of the structure, but is still text on the page.
        #expect(!structure.contains("En-tête"))
        #expect(normalizedText(try PDFTools.pdftotext(path)).hasPrefix("En-tête courant Attestation de droits"))
        // The figure's alternate text is in the file (pikepdf reads /Alt of the Figure element).
        let alt = try Tool.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            def walk(e):
                if isinstance(e, pikepdf.Dictionary):
                    if e.get("/S") == "/Figure":
                        print(str(e.Alt))
                    for k in (e.get("/K") if isinstance(e.get("/K"), pikepdf.Array) else [e.get("/K")]):
                        walk(k)
            walk(pdf.Root.StructTreeRoot)
            """, [path])
        #expect(alt.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Logo rouge de l'organisme", "\(alt.combined)")
    }

    @Test func untaggedDocumentSaysSo() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("sans.pdf")
        _ = try Fixture.textDocument([["Sans structure"]], output: .file(path), xref: .table)
        try expectConformant(path)
        #expect(try PDFTools.pdfinfo(path)["Tagged"] == "no")
    }
}

extension TaggingTests {
    /// Content marked for a node the final tree does not have is a caller error: `finish` says so (and
    /// can be called again with the right tree) instead of trapping the process.
    @Test func markedNodeMissingFromTheTree() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("orphelin.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        try writer.beginPage()
        writer.beginStructure(node: 3)
        try Fixture.line(writer, "Paragraphe", chain: Fixture.registry.chain(family: "DejaVu Sans"), y: 60)
        writer.endStructure()
        try writer.endPage()
        var small = StructureTree()
        small.add("P", under: small.root)
        #expect {
            try writer.finish(structure: small)
        } throws: { error in
            guard let e = error as? PDFRenderError else { return false }
            return e.code == .invalidState && e.reason.contains("structure node 3") && e.reason.contains("page 1")
        }
        #expect(try dir.listing().allSatisfy { $0.hasPrefix(".") }, "no finished file yet")
        var full = StructureTree()
        for _ in 0..<3 { full.add("P", under: full.root) }
        try writer.finish(structure: full)
        try expectConformant(path)
        #expect(try PDFTools.pdfinfo(path)["Tagged"] == "yes")
    }
}
