import Foundation
import LayoutDefinitions
import LayoutEngine
import Portal
import Testing
import TestSupport

/// The relevé's documents embed the font subsets made from the layout's sample byte for byte, and
/// subsets of their own only for the glyphs the sample lacks; the bytes of a document do not depend on
/// what the renderer rendered before.
@Suite struct SharedFontTests {
    /// The sample with the insured person renamed to letters the sample does not draw.
    static func renamed() throws -> DataValue {
        let text = try String(contentsOfFile: PackageRoot.layouts + "/samples/releve-mensuel.json", encoding: .utf8)
        return try DataValue(json: text.replacingOccurrences(of: "Dupré-Lefèvre", with: "Øster-Kowalczyk Ğül"))
    }

    /// Each font's BaseFont and the SHA-256 of its program.
    static func programs(_ path: String) throws -> [String: String] {
        Dictionary(try PDFTools.fontPrograms(path).map { ($0.name, $0.sha256) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func documentsShareTheSampleSubsetsAndAddTheirOwn() throws {
        let dir = makeTemporaryDirectory()
        let sample = try Harness.renderFile(try releveDocument(), in: dir, name: "sample.pdf")
        let other = try Harness.renderFile(try releveDocument(data: try Self.renamed()), in: dir, name: "autre.pdf")
        let shared = try Self.programs(sample), own = try Self.programs(other)
        // The sample draws only glyphs of its own subsets: one font per face.
        #expect(shared.count == 2, "\(shared)")
        // The other document embeds the same two programs, same names, same bytes, plus its own.
        for (name, digest) in shared { #expect(own[name] == digest, "\(name)") }
        #expect(own.count > 2, "\(own)")
        let text = try Tool.pdfTextPages(other).joined(separator: "\n")
        #expect(text.contains("Élodie Øster-Kowalczyk Ğül"), "\(text.prefix(400))")
        #expect(try Tool.run("qpdf", ["--check", other]).status == 0)
    }

    @Test func bytesDoNotDependOnWhatTheRendererDidBefore() throws {
        let dir = makeTemporaryDirectory()
        let document = try releveDocument(data: try Self.renamed())
        // The shared renderer has rendered other documents already; a new one renders this one first.
        _ = try Harness.renderFile(try releveDocument(), in: dir, name: "avant.pdf")
        let a = try Harness.renderFile(document, in: dir, name: "a.pdf")
        let fresh = try DocumentRenderer(fonts: Harness.fonts)
        let b = dir + "/b.pdf"
        _ = try fresh.render(document, date: Harness.date, to: .file(b))
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }
}
