import Graphics
import LayoutDefinitions
import LayoutEngine
import Testing

/// Header and footer sit in the margins (docs/layouts.md, « Regions »): the header band is `height`
/// tall with its bottom edge `offset` above the top margin line; the footer band's top edge lies
/// `offset` below the bottom margin line. Page 300 × 400, margins top 40, bottom 50, left 20, right 30.
@Suite struct RegionTests {
    static let yaml = """
        document:
          title: Régions
        page:
          size: [300, 400]
          margins: {top: 40, right: 30, bottom: 50, left: 20}
        styles:
          base: {size: 8}
        header:
          height: 20
          offset: 5
          blocks: ["En-tête courant {page}"]
        footer:
          height: 12
          offset: 10
          blocks:
            - paragraph: "Pied {page} / {pages}"
              align: right
        first_page:
          header:
            height: 20
            offset: 5
            blocks: ["En-tête de première page"]
        body:
          - for: i in lignes
            paragraph: "Ligne {i}"
        """

    static func laid(lines: Int = 60) throws -> LaidOutDocument {
        let data = #"{"lignes": [\#((1...lines).map(String.init).joined(separator: ","))]}"#
        return try Harness.layout(try ScratchLayouts(yaml: yaml, data: data).bind())
    }

    @Test func headerAndFooterSitInTheMarginsOnEveryPage() throws {
        let laid = try Self.laid()
        // 310 pt of body at 9.6 pt per line (8 pt × 1.2): 32 lines a page, so 60 lines take 2 pages.
        #expect(laid.pages.count == 2)
        for (i, page) in laid.pages.enumerated() {
            let header = page.runs.filter { $0.text.hasPrefix("En-tête") }
            let footer = page.runs.filter { $0.text.hasPrefix("Pied") }
            try #require(header.count == 1 && footer.count == 1, "page \(i + 1)")
            // Header band: y 15…35; footer band: y 360…372.
            #expect(header[0].baseline > 15 + 8 * 0.5 && header[0].baseline <= 35, "header baseline \(header[0].baseline)")
            #expect(footer[0].baseline > 360 + 8 * 0.5 && footer[0].baseline <= 372, "footer baseline \(footer[0].baseline)")
            #expect(close(header[0].x, 20))
            #expect(close(footer[0].maxX, 270))
            #expect(footer[0].text == "Pied \(i + 1) / 2")
            #expect(header[0].isArtifact && footer[0].isArtifact)
            // The body is not reduced: its lines stay between the margins, and are not artifacts.
            let body = page.runs.filter { $0.text.hasPrefix("Ligne") }
            #expect(!body.isEmpty && body.allSatisfy { !$0.isArtifact && $0.baseline > 40 && $0.baseline < 350 })
        }
        #expect(laid.pages[0].runs.filter { $0.text.hasPrefix("Ligne") }.count == 32)
    }

    @Test func firstPageVariantReplacesTheHeaderOnPageOneOnly() throws {
        let laid = try Self.laid()
        #expect(laid.pages[0].runs.contains { $0.text == "En-tête de première page" })
        #expect(!laid.pages[0].runs.contains { $0.text.hasPrefix("En-tête courant") })
        #expect(laid.pages[1].runs.contains { $0.text == "En-tête courant 2" })
        // first_page named only the header: page 1 keeps the common footer.
        #expect(laid.pages[0].runs.contains { $0.text == "Pied 1 / 2" })
    }

    @Test func pageNumbersAreResolvedInsideAFooterTable() throws {
        let yaml = """
            document:
              title: Pied en tableau
            footer:
              height: 20
              offset: 5
              blocks:
                - table:
                    header: false
                    columns:
                      - {width: "1*", cell: "x"}
                      - {width: 80, align: right, cell: "x"}
                    rows:
                      - cells: ["Relevé", "Page {page} / {pages}"]
            body:
              - paragraph: Un
              - page_break: true
              - paragraph: Deux
            """
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml).bind())
        try #require(laid.pages.count == 2)
        for (i, page) in laid.pages.enumerated() {
            #expect(page.runs.contains { $0.text == "Page \(i + 1) / 2" }, "page \(i + 1): \(page.runs.map(\.text))")
        }
    }

    @Test func backgroundIsDrawnFirstFromTheMarginCornerAndFirstPageFooterVaries() throws {
        let yaml = """
            document:
              title: Fond
            page:
              size: [300, 400]
              margins: {top: 40, right: 30, bottom: 50, left: 20}
            styles:
              base: {size: 8}
            background:
              blocks:
                - box: ["Filigrane"]
                  background: "#EEEEEE"
                  padding: 0
            footer: {height: 12, offset: 10, blocks: ["Pied courant"]}
            first_page:
              footer: {height: 12, offset: 10, blocks: ["Pied de première page"]}
            body:
              - paragraph: Un
              - page_break: true
              - paragraph: Deux
            """
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml).bind())
        try #require(laid.pages.count == 2)
        for (i, page) in laid.pages.enumerated() {
            let fill = try #require(page.rects.first { $0.fill != nil })
            #expect(close(fill.rect.minX, 20) && close(fill.rect.minY, 40) && close(fill.rect.width, 250))
            // Painted before the body's text, inside an artifact.
            let firstGlyph = page.items.firstIndex { if case .glyphs = $0 { true } else { false } }!
            let firstPath = page.items.firstIndex { if case .path = $0 { true } else { false } }!
            #expect(firstPath < firstGlyph)
            #expect(page.runs.first { $0.text == "Filigrane" }?.isArtifact == true)
            let footer = i == 0 ? "Pied de première page" : "Pied courant"
            #expect(page.runs.contains { $0.text == footer && $0.isArtifact })
        }
    }

    @Test func pageNumbersInTheBody() throws {
        // docs/layouts.md: `{page}` and `{pages}` are « allowed in any paragraph ».
        let filler = (1...31).map { _ in "  - paragraph: Ligne" }.joined(separator: "\n")
        let yaml = """
            document:
              title: Pages
            page:
              size: [300, 400]
              margins: {top: 40, right: 30, bottom: 50, left: 20}
            styles:
              base: {size: 8}
            body:
              - paragraph: "Ce document comporte {pages} pages."
            \(filler)
              - paragraph: "Vous lisez la page {page}."
              - page_break: true
              - paragraph: "Page {page} sur {pages}"
            """
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml).bind())
        try #require(laid.pages.count == 3)
        #expect(laid.pages[0].lines[0].text == "Ce document comporte 3 pages.")
        // 32 lines fill page 1: the 33rd paragraph starts page 2.
        #expect(laid.pages[1].lines[0].text == "Vous lisez la page 2.")
        #expect(laid.pages[2].lines[0].text == "Page 3 sur 3")
    }

    @Test func headersAndFootersAreOutsideTheStructureTree() throws {
        let laid = try Self.laid()
        // Body: one P per line, nothing else under Document.
        let nodes = laid.structure.nodes
        #expect(nodes[laid.structure.root].children.count == 60)
        #expect(nodes.filter { $0.role == "P" }.count == 60)
    }
}
