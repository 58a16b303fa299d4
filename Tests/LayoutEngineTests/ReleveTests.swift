import Foundation
import LayoutDefinitions
import LayoutEngine
import Testing

/// The relevé mensuel sample read back by poppler: every line of the data is printed once, in order,
/// the structure has one table row per line, and the page furniture is right.
@Suite struct ReleveTests {
    /// Folds the no-break spaces the formatters use (U+00A0, U+202F) into plain spaces, as TESTING.md
    /// recommends before comparing extracted text.
    static func folded(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    static func sampleLines() throws -> [[String: String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackageRoot.layouts + "/samples/releve-mensuel.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (json["lignes"] as! [[String: Any]]).map { $0.compactMapValues { $0 as? String } }
    }

    @Test func everyLineOfTheSampleIsPrintedOnceInOrder() throws {
        let path = try Harness.renderFile(try releveDocument())
        let text = Self.folded(try Tool.pdfTextPages(path).joined(separator: "\n"))
        let rows = text.split(separator: "\n").map(String.init)
        var cursor = 0
        for (i, line) in try Self.sampleLines().enumerated() {
            let date = line["date_soins"]!, nature = line["nature"]!, rembourse = Self.folded(line["rembourse"]!)
            let found = rows[cursor...].firstIndex { $0.contains(date) && $0.contains(nature) && $0.contains(rembourse) }
            #expect(found != nil, "line \(i + 1) (\(date) \(nature) \(rembourse)) missing or out of order")
            if let found { cursor = found + 1 }
        }
        #expect(text.contains("N° de sécurité sociale : 2 93 12 59 075 525 91"))
        #expect(text.contains("Montant total remboursé ce mois-ci : 6 168,26 €"))
        #expect(text.contains("Page 1 / 1"))
    }

    @Test func structureHasOneTableRowPerLinePlusHeaderAndTotal() throws {
        let path = try Harness.renderFile(try releveDocument())
        let structure = try Tool.run("pdfinfo", ["-struct", path]).stdout
        let roles = structure.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let count = try Self.sampleLines().count
        #expect(roles.filter { $0 == "TR" || $0.hasPrefix("TR ") }.count == 1 + count + 1)
        #expect(roles.filter { $0.hasPrefix("TH") }.count == 9, "nine column headers")
        #expect(roles.first == "Document")
        #expect(roles.contains { $0.hasPrefix("H1") } && roles.contains { $0.hasPrefix("Figure") })
    }

    @Test func releveWithoutAnyLineStillHasItsHeaderAndTotal() throws {
        let laid = try Harness.layout(try releveDocument(data: try VisualTests.sample { _ in [] }))
        #expect(laid.pages.count == 1)
        let text = laid.pages[0].text
        #expect(text.contains("Nature de la prestation") && text.contains("Total"))
        let nodes = laid.structure.nodes
        #expect(nodes.filter { $0.role == "TR" }.count == 2, "the header row and the total row")
    }

    @Test func twoPageReleveRepeatsItsHeaderAndNumbersItsPages() throws {
        let path = try Harness.renderFile(try releveDocument(data: try VisualTests.sample { $0 + $0 + $0 }))
        let pages = try Tool.pdfTextPages(path).map(Self.folded)
        try #require(pages.count == 2)
        for (i, page) in pages.enumerated() {
            #expect(page.contains("Nature de la prestation"), "page \(i + 1) lacks the table header")
            #expect(page.contains("Page \(i + 1) / 2"))
        }
        // 54 rows of data: each date of care appears three times as often as in the sample.
        let all = pages.joined()
        for line in try Self.sampleLines() {
            let key = line["date_soins"]! + " " + line["beneficiaire"]!
            let sample = try Self.sampleLines().filter { $0["date_soins"]! + " " + $0["beneficiaire"]! == key }.count
            #expect(all.components(separatedBy: line["date_soins"]!).count - 1 >= 3 * sample)
        }
    }
}
