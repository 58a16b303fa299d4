import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// What the render tests share: the package fonts, fixed metadata, and a helper that writes a
/// document and puts it through the structural oracles every written file must pass.
enum Fixture {
    static let registry: FontRegistry = {
        do { return try FontRegistry(directory: TestFiles.fontsDirectory) } catch { fatalError("\(error)") }
    }()

    static let date = PDFDate(year: 2026, month: 11, day: 26, hour: 9, minute: 30)

    static let xrefStyles: [XRefStyle] = [.table, .compressed(objectsPerStream: 100)]

    static func metadata(_ title: String = "Essai du moteur PDF") -> DocumentMetadata {
        DocumentMetadata(title: title, author: "Paperasse", subject: "Tests", creationDate: date)
    }

    static func options(_ xref: XRefStyle, flushThreshold: Int = 256 * 1024) -> RenderOptions {
        RenderOptions(compressionLevel: 6, xref: xref, flushThreshold: flushThreshold)
    }

    static func png(_ name: String) -> String { TestFiles.fixturesDirectory + "/png/" + name }

    /// Draws `text` shaped with `chain` from (`x`, `y`) (baseline, frame coordinates); returns its width.
    @discardableResult
    static func line(_ writer: PDFDocumentWriter, _ text: String, chain: FontChain, x: Double = 50, y: Double,
                     size: Double = 11, color: Color = .black) throws -> Double {
        var pen = x
        for run in try chain.shape(text) {
            let glyphs = run.glyphRun(size: size, origin: Point(x: pen, y: y), color: color)
            writer.draw(glyphs)
            pen += glyphs.width
        }
        return pen - x
    }

    /// A document of one page per entry of `pages`, each line drawn 20 pt below the previous one.
    static func textDocument(_ pages: [[String]], chain: FontChain? = nil, registry: FontRegistry = registry,
                             output: PDFOutput, xref: XRefStyle, title: String = "Essai du moteur PDF",
                             flushThreshold: Int = 256 * 1024) throws -> RenderResult {
        let chain = try chain ?? registry.chain(family: "DejaVu Sans")
        let writer = try PDFDocumentWriter(metadata: metadata(title), fonts: registry, output: output,
                                           options: options(xref, flushThreshold: flushThreshold))
        for lines in pages {
            try writer.beginPage()
            for (i, text) in lines.enumerated() {
                try line(writer, text, chain: chain, y: 80 + Double(i) * 20)
            }
            try writer.endPage()
        }
        return try writer.finish()
    }
}

/// The oracles every written document must satisfy: `qpdf --check` with no warning and the PDF/A-2b
/// validator's approval.
func expectConformant(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let check = try PDFTools.qpdfCheck(path)
    #expect(check.clean, "qpdf --check \(path): \(check.output)", sourceLocation: sourceLocation)
    let pdfa = try PDFTools.pdfaCheck(path)
    #expect(pdfa.passed, "PDF/A-2b validator on \(path): \(pdfa.findings)", sourceLocation: sourceLocation)
}

extension XRefStyle: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case .table: "xref table"
        case .compressed(let n): "xref stream, \(n) objects per object stream"
        }
    }
}
