import Foundation
import Graphics
import LayoutDefinitions
import LayoutEngine
import Testing

/// Geometry of paragraphs on a small page whose margins the tests choose: every expected position is
/// derived from those margins, the font size and the line height (1.2 × size), never read back from
/// the engine.
@Suite struct ParagraphGeometryTests {
    /// 300 × 400 pt, margins top 40, right 30, bottom 50, left 20: the body is x 20…270, y 40…350.
    static let page = PageTemplate(width: 300, height: 400, marginTop: 40, marginRight: 30, marginBottom: 50,
                                   marginLeft: 20)
    static let left = 20.0, right = 270.0, top = 40.0, bottom = 350.0

    static let lorem = """
        Les prestations en nature de l'assurance maladie couvrent les frais médicaux, pharmaceutiques, \
        d'analyses et d'examens de laboratoire, d'hospitalisation et de transport, selon les taux fixés \
        par la réglementation en vigueur au jour des soins, sous réserve des participations forfaitaires.
        """

    static func paragraph(_ text: String, size: Double = 10, align: Alignment = .left, before: Double = 0,
                          after: Double = 0) -> BoundBlock {
        .paragraph(BoundParagraph(spans: [BoundSpan(content: .text(text), style: TextStyle(size: size))],
                                  style: ParagraphStyle(alignment: align, spaceBefore: before, spaceAfter: after)))
    }

    static func document(_ body: [BoundBlock], page: PageTemplate = page) -> BoundDocument {
        BoundDocument(title: "Géométrie", page: page, body: body)
    }

    @Test func alignedLinesStartAndEndWhereTheirAlignmentSays() throws {
        let laid = try Harness.layout(Self.document([
            Self.paragraph("Aligné à gauche", align: .left),
            Self.paragraph("Aligné à droite", align: .right),
            Self.paragraph("Centré", align: .center),
        ]))
        let lines = laid.pages[0].lines
        try #require(lines.count == 3)
        #expect(lines[0].text == "Aligné à gauche")
        #expect(close(lines[0].minX, Self.left))
        #expect(close(lines[1].maxX, Self.right))
        #expect(lines[1].minX > Self.left + 50)
        let width = try Harness.width("Centré", size: 10)
        #expect(close(lines[2].minX, Self.left + (250 - width) / 2))
        #expect(close(lines[2].minX - Self.left, Self.right - lines[2].maxX))
    }

    @Test func justifiedLinesReachTheRightEdgeExceptTheLast() throws {
        let laid = try Harness.layout(Self.document([Self.paragraph(Self.lorem, align: .justify)]))
        let lines = laid.pages[0].lines
        try #require(lines.count >= 3)
        for line in lines.dropLast() {
            #expect(close(line.minX, Self.left), "justified line starts at the left margin: \(line.text)")
            #expect(close(line.maxX, Self.right), "justified line ends at \(line.maxX), not \(Self.right): \(line.text)")
        }
        let last = lines.last!
        #expect(close(last.minX, Self.left))
        #expect(last.maxX < Self.right - 10, "the last line of a justified paragraph is not stretched")
    }

    @Test func justificationHoldsAtManySizesAndWidths() throws {
        // Rounding each widened space to font units must not drift: the error is 0.01 pt at most.
        for size in [6.5, 7.5, 8.5, 10, 11] {
            for rightMargin in stride(from: 30.0, through: 120, by: 15) {
                var page = Self.page
                page.marginRight = rightMargin
                let edge = page.width - rightMargin
                let laid = try Harness.layout(Self.document([Self.paragraph(Self.lorem, size: size, align: .justify)],
                                                            page: page))
                // A line of one word has no space to widen: it stays short (and is not checked).
                for line in laid.pages[0].lines.dropLast() where line.text.contains(" ") {
                    #expect(close(line.maxX, edge), "size \(size), edge \(edge): line ends at \(line.maxX)")
                }
            }
        }
    }

    @Test func longParagraphBreaksIntoTheExpectedNumberOfLinesWithinTheWidth() throws {
        // 60 identical words: the greedy count per line follows from the widths alone.
        let word = "remboursé", count = 60
        let text = Array(repeating: word, count: count).joined(separator: " ")
        let w = try Harness.width(word, size: 10), space = try Harness.width(" ", size: 10)
        let perLine = Int(((250 + space) / (w + space)).rounded(.down))
        let expectedLines = (count + perLine - 1) / perLine
        let laid = try Harness.layout(Self.document([Self.paragraph(text)]))
        let lines = laid.pages[0].lines
        #expect(lines.count == expectedLines)
        for line in lines {
            #expect(line.minX >= Self.left - 0.01 && line.maxX <= Self.right + 0.01)
        }
        #expect(lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == text)
        // Consecutive baselines are one line height (1.2 × 10 pt) apart.
        for (a, b) in zip(lines, lines.dropFirst()) { #expect(close(b[0].baseline - a[0].baseline, 12)) }
    }

    @Test func overLongWordIsBrokenRatherThanOverflowing() throws {
        let iban = "FR7630006000011234567890189FR7630006000011234567890189FR7630006000011234567890189"
        let laid = try Harness.layout(Self.document([Self.paragraph("IBAN : " + iban)]))
        let lines = laid.pages[0].lines
        #expect(lines.count >= 3)
        for line in lines {
            #expect(line.maxX <= Self.right + 0.01, "line overflows: \(line.text) ends at \(line.maxX)")
        }
        #expect(lines.map(\.text).joined().replacingOccurrences(of: " ", with: "") == "IBAN:" + iban)
    }

    @Test func noBreakSpacesNeverBreak() throws {
        let amount = "1\u{202F}234,56\u{00A0}€"
        let text = "Le montant total qui vous a été remboursé ce mois-ci s'élève à \(amount) pour vos soins."
        // At every width, the amount stays whole on one line.
        for rightMargin in stride(from: 30.0, through: 200, by: 7) {
            var page = Self.page
            page.marginRight = rightMargin
            let laid = try Harness.layout(Self.document([Self.paragraph(text)], page: page))
            let lines = laid.pages[0].lines
            #expect(lines.contains { $0.text.contains(amount) }, "amount split at right margin \(rightMargin): \(lines.map(\.text))")
        }
    }

    @Test func lineEndingsAndTabsInDataAreWhitespaceNotMissingGlyphs() throws {
        // Data from other systems carries CR LF line ends and tabs: CR LF and CR end a line (UAX #14,
        // mandatory breaks), a tab is a space; none of them is a character to find in a font.
        let laid = try Harness.layout(Self.document([
            Self.paragraph("Ligne un\r\nLigne deux\rLigne trois\u{2028}Ligne quatre"),
            Self.paragraph("Nom\tPrénom"),
        ]))
        let lines = laid.pages[0].lines.map { $0.text.trimmingCharacters(in: .whitespaces) }
        #expect(lines == ["Ligne un", "Ligne deux", "Ligne trois", "Ligne quatre", "Nom Prénom"])
    }

    @Test func datesAndNumbersAreNotBrokenAtTheirSlashesOrHyphens() throws {
        // UAX #14 LB25: no break between « / » or « - » and a following digit (SY × NU, HY × NU), so a
        // date never ends a line with « 01/10/ ». Between words, the hyphen still breaks.
        let text = "Soins du 01/10/2026, payés le 2026-11-26 à Lille-Douai, dossier 12-345-678."
        let tokens = ["01/10/2026,", "2026-11-26", "12-345-678."]
        // Down to the widest token (narrower, it is an over-long word and breaks anywhere).
        let widest = try tokens.map { try Harness.width($0, size: 10) }.max()!
        for rightMargin in stride(from: 30.0, through: 250 - widest, by: 4) {
            var page = Self.page
            page.marginRight = rightMargin
            let laid = try Harness.layout(Self.document([Self.paragraph(text)], page: page))
            let lines = laid.pages[0].lines.map(\.text)
            for whole in tokens {
                #expect(lines.contains { $0.contains(whole) }, "« \(whole) » split at right margin \(rightMargin): \(lines)")
            }
        }
        // Still a break opportunity between words joined by a hyphen.
        var narrow = Self.page
        narrow.marginRight = 300 - 20 - max(try Harness.width("Lille-", size: 10), try Harness.width("Douai", size: 10)) - 1
        let laid = try Harness.layout(Self.document([Self.paragraph("Lille-Douai")], page: narrow))
        #expect(laid.pages[0].lines.map(\.text) == ["Lille-", "Douai"])
    }

    @Test func softHyphenBreaksWithAVisibleHyphen() throws {
        // U+00AD marks where a word may break (UAX #14 class BA); broken there, the line ends with a
        // hyphen, otherwise nothing shows. Three syllables of one word each fit a line, two do not.
        let syllable = "anticonstitutionnellement"
        let text = Array(repeating: syllable, count: 3).joined(separator: "\u{00AD}")
        var page = Self.page
        let one = try Harness.width(syllable + "-", size: 10)
        page.marginRight = 300 - 20 - (one * 1.5)
        let laid = try Harness.layout(Self.document([Self.paragraph(text)], page: page))
        let lines = laid.pages[0].lines.map { $0.text.replacingOccurrences(of: "\u{00AD}", with: "") }
        #expect(lines == [syllable + "-", syllable + "-", syllable])
        for line in laid.pages[0].lines { #expect(line.maxX <= 20 + one * 1.5 + 0.01) }
        // Unbroken, the soft hyphen is invisible: the word is as wide as its letters.
        var widePage = Self.page
        widePage.marginRight = 0
        let wide = try Harness.layout(Self.document([Self.paragraph(syllable + "\u{00AD}" + syllable)], page: widePage))
        #expect(wide.pages[0].lines.count == 1)
        let letters = try Harness.width(syllable + syllable, size: 10)
        let shy = try Harness.width("\u{00AD}", size: 10)
        let drawn = wide.pages[0].lines[0].maxX - 20
        #expect(close(drawn, letters), "drawn \(drawn), letters \(letters), soft hyphen alone \(shy)")
    }

    @Test func zeroWidthSpaceIsABreakOpportunity() throws {
        // A long address marked with U+200B breaks there, never inside a part.
        let parts = ["https://exemple.fr", "/verification", "/documents", "/releve-mensuel", "/000001"]
        let text = parts.joined(separator: "\u{200B}")
        var page = Self.page
        page.marginRight = 300 - 20 - (try Harness.width("https://exemple.fr/verification", size: 10)) - 1
        let laid = try Harness.layout(Self.document([Self.paragraph(text)], page: page))
        let lines = laid.pages[0].lines.map { $0.text.replacingOccurrences(of: "\u{200B}", with: "") }
        #expect(lines == ["https://exemple.fr/verification", "/documents/releve-mensuel", "/000001"])
    }

    @Test func paragraphOverflowingTheBodyContinuesAtTheTopOfPageTwo() throws {
        let text = Array(repeating: Self.lorem, count: 6).joined(separator: " ")
        let laid = try Harness.layout(Self.document([Self.paragraph(text)]))
        try #require(laid.pages.count >= 2)
        let first = laid.pages[0].lines, second = laid.pages[1].lines
        // 310 pt of body at 12 pt per line: 25 full lines on page 1.
        #expect(first.count == 25)
        let ascentOffset = first[0][0].baseline - Self.top
        #expect(ascentOffset > 0 && ascentOffset < 12)
        #expect(close(second[0][0].baseline, first[0][0].baseline), "page 2 starts at the top margin")
        // The last line of page 1 ends above the bottom margin.
        #expect(first.last![0].baseline - ascentOffset + 12 <= Self.bottom + 0.01)
    }

    @Test func spaceBeforeAndAfterAddUp() throws {
        let laid = try Harness.layout(Self.document([
            Self.paragraph("Premier", after: 10),
            Self.paragraph("Second", before: 6),
            Self.paragraph("Troisième"),
        ]))
        let lines = laid.pages[0].lines
        try #require(lines.count == 3)
        #expect(close(lines[1][0].baseline - lines[0][0].baseline, 12 + 10 + 6))
        #expect(close(lines[2][0].baseline - lines[1][0].baseline, 12))
    }

    @Test func spaceBeforeIsDroppedAtTheTopOfAPage() throws {
        let laid = try Harness.layout(Self.document([Self.paragraph("Premier", before: 30)]))
        let reference = try Harness.layout(Self.document([Self.paragraph("Premier")]))
        #expect(close(laid.pages[0].lines[0][0].baseline, reference.pages[0].lines[0][0].baseline))
    }

    @Test func explicitPageBreakStartsANewPageAtTheTopMargin() throws {
        let laid = try Harness.layout(Self.document([Self.paragraph("Avant"), .pageBreak, Self.paragraph("Après")]))
        #expect(laid.pages.count == 2)
        #expect(laid.pages[0].text == "Avant")
        #expect(laid.pages[1].text == "Après")
        #expect(close(laid.pages[1].lines[0][0].baseline, laid.pages[0].lines[0][0].baseline))
    }

    @Test func keepTogetherGroupMovesWhole() throws {
        // 24 lines fill 288 of the 310 pt; a 3-line group (36 pt) cannot fit in the 22 pt left.
        let filler = (1...24).map { Self.paragraph("Ligne \($0)") }
        let group = BoundBlock.keepTogether([Self.paragraph("Groupe A"), Self.paragraph("Groupe B"),
                                             Self.paragraph("Groupe C")])
        let laid = try Harness.layout(Self.document(filler + [group]))
        try #require(laid.pages.count == 2)
        #expect(laid.pages[0].lines.count == 24)
        #expect(laid.pages[1].lines.map(\.text) == ["Groupe A", "Groupe B", "Groupe C"])
        #expect(close(laid.pages[1].lines[0][0].baseline, laid.pages[0].lines[0][0].baseline))
        // Without the group, the same three paragraphs would split: one fits on page 1.
        let loose = try Harness.layout(Self.document(filler + [Self.paragraph("Groupe A"), Self.paragraph("Groupe B")]))
        #expect(loose.pages[0].lines.count == 25)
    }

    @Test func everyLineOfAnyPageStaysInsideTheBody() throws {
        let text = Array(repeating: Self.lorem, count: 10).joined(separator: "\n")
        let laid = try Harness.layout(Self.document([Self.paragraph(text, align: .justify)]))
        #expect(laid.pages.count >= 3)
        for page in laid.pages {
            for line in page.lines {
                #expect(line.minX >= Self.left - 0.01 && line.maxX <= Self.right + 0.01)
                #expect(line[0].baseline > Self.top && line[0].baseline < Self.bottom)
            }
        }
    }
}
