import Foundation
import Graphics
import LayoutDefinitions
import LayoutEngine
import Testing

/// Right-to-left names inside French lines: each word is shaped right to left by its script, and a
/// sequence of right-to-left words is shown in reverse order (UAX #9, rule L2, one embedding level).
@Suite struct BidiTests {
    @Test func hebrewTwoWordNameReadsRightToLeft() throws {
        let text = "Nom : אבי כהן né à Haïfa."
        let laid = try Harness.layout(ParagraphGeometryTests.document([ParagraphGeometryTests.paragraph(text)]))
        let line = try #require(laid.find("né"))
        let first = try #require(line.line.first { $0.text.contains("אבי") })
        let last = try #require(line.line.first { $0.text.contains("כהן") })
        let french = try #require(line.line.first { $0.text.contains("né") })
        let nom = try #require(line.line.first { $0.text.hasPrefix("Nom") })
        // Read from the right, the first name comes first: it is drawn right of the surname.
        #expect(first.x > last.x, "אבי at \(first.x), כהן at \(last.x)")
        // The right-to-left name as a whole stays between the French words around it.
        #expect(nom.maxX <= last.x + 0.01 && first.maxX <= french.x + 0.01)
    }

    @Test func frenchOnlyLinesKeepOneRunPerStyle() throws {
        let laid = try Harness.layout(ParagraphGeometryTests.document([ParagraphGeometryTests.paragraph("Élodie Dupré-Lefèvre")]))
        let line = try #require(laid.find("Élodie"))
        #expect(line.line.count == 1, "adjacent left-to-right words merge into one glyph run")
    }
}
