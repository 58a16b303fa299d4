import Foundation
import Graphics
import LayoutDefinitions
import LayoutEngine
import Testing

/// Tables: column widths, alignment, colspans, zebra rows, tagging and pagination, on a page whose body
/// is x 20…270 (250 pt wide), y 40…350, with 3 pt horizontal and 2 pt vertical cell padding.
@Suite struct TableTests {
    static let page = """
        document:
          title: Tableau
        page:
          size: [300, 400]
          margins: {top: 40, right: 30, bottom: 50, left: 20}
        styles:
          base: {size: 10}
        """

    static let table = page + """

        body:
          - table:
              border: 0.5
              zebra: "#EEEEEE"
              header_background: "#D9E2EC"
              padding: {h: 3, v: 2}
              columns:
                - {width: 60, header: "N°", cell: "{l.n}"}
                - {width: auto, header: "Code", cell: "{l.code}"}
                - {width: "1*", header: "Libellé", cell: "{l.libelle}"}
                - {width: "1*", align: right, header: "Montant", cell: "{l.montant}"}
              rows:
                - for: l in lignes
              total: [{text: Total, colspan: 3}, "{total}"]
        """

    static func rows(_ count: Int, libelle: (Int) -> String = { _ in "Consultation" }) -> String {
        let rows = (1...count).map { i in
            #"{"n": \#(i), "code": "C\#(String(repeating: "X", count: i % 4))", "libelle": "\#(libelle(i))", "montant": "\#(i),50\#u{202F}€"}"#
        }
        return #"{"lignes": [\#(rows.joined(separator: ","))], "total": "999,99\#u{202F}€"}"#
    }

    static func laidTable(_ count: Int = 5) throws -> LaidOutDocument {
        try Harness.layout(try ScratchLayouts(yaml: table, data: rows(count)).bind())
    }

    @Test func fixedAutoAndProportionalColumnWidths() throws {
        let laid = try Self.laidTable()
        let grid = laid.pages[0].verticalGridLines
        try #require(grid.count == 5, "grid lines at \(grid)")
        #expect(close(grid[0], 20) && close(grid[4], 270), "the table spans the body width")
        #expect(close(grid[1] - grid[0], 60), "fixed column")
        // Auto: the widest content (the bold header « Code » or « CXXX ») plus both paddings.
        let natural = max(try Harness.width("Code", size: 10, bold: true), try Harness.width("CXXX", size: 10))
        let auto = grid[2] - grid[1]
        #expect(auto >= natural + 6 - 0.01 && auto <= natural + 6 + 1, "auto column \(auto) for content \(natural)")
        // The rest is shared 1:1.
        let rest = 250 - 60 - auto
        #expect(close(grid[3] - grid[2], rest / 2))
        #expect(close(grid[4] - grid[3], rest / 2))
        // An auto column never wraps its content: « CXXX » is one run on one line.
        #expect(laid.pages[0].runs.contains { $0.text == "CXXX" })
        #expect(laid.pages[0].runs.contains { $0.text == "Montant" }, "a header label wide enough stays whole")
    }

    @Test func proportionalWeightsShareTheRest() throws {
        let yaml = Self.page + """

            body:
              - table:
                  columns:
                    - {width: 50, header: "A", cell: "a"}
                    - {width: "3*", header: "B", cell: "b"}
                    - {width: "1*", header: "C", cell: "c"}
                  rows:
                    - cells: ["1", "2", "3"]
            """
        let grid = try Harness.layout(try ScratchLayouts(yaml: yaml).bind()).pages[0].verticalGridLines
        try #require(grid.count == 4, "grid lines at \(grid)")
        #expect(close(grid[1], 70) && close(grid[2], 70 + 150) && close(grid[3], 270))
    }

    @Test func numericColumnIsRightAlignedAndTotalSpansThreeColumns() throws {
        let laid = try Self.laidTable()
        let runs = laid.pages[0].runs
        for i in 1...5 {
            let amount = try #require(runs.first { $0.text == "\(i),50\u{202F}€" })
            #expect(close(amount.maxX, 270 - 3), "amount \(i) ends at \(amount.maxX)")
        }
        let total = try #require(runs.first { $0.text == "Total" })
        #expect(close(total.x, 20 + 3))
        let totalAmount = try #require(runs.first { $0.text == "999,99\u{202F}€" }, "runs: \(runs.map(\.text))")
        #expect(close(totalAmount.maxX, 270 - 3))
        let spanning = laid.structure.nodes.filter { $0.role == "TD" && $0.columnSpan == 3 }
        #expect(spanning.count == 1)
        // The total row has two cells: « Total » over three columns, then the amount.
        let totalRow = laid.structure.nodes.filter { $0.role == "TR" }.last!
        #expect(totalRow.children.count == 2)
    }

    /// The grid is one stroked path: a rule above every row and below the last, and each column
    /// boundary as one line down the rows that have it. The total row spans the first three columns,
    /// so the two boundaries inside that span stop at its top; the table's edges and the last boundary
    /// run to the bottom.
    @Test func gridDrawsEachBoundaryAsOneLineDownTheRowsThatHaveIt() throws {
        let laid = try Self.laidTable(5)
        var segments: [(from: Point, to: Point)] = []
        for item in laid.pages[0].items {
            guard case .path(let path, let style) = item, style.stroke != nil else { continue }
            var start: Point?
            for element in path.elements {
                switch element {
                case .move(let p): start = p
                case .line(let p): segments.append((start!, p))
                default: Issue.record("a grid holds only lines: \(element)")
                }
            }
        }
        let horizontal = segments.filter { $0.from.y == $0.to.y }, vertical = segments.filter { $0.from.x == $0.to.x }
        #expect(horizontal.count + vertical.count == segments.count)
        // Header, five rows and the total: seven rules above them and one below.
        #expect(horizontal.count == 8)
        #expect(horizontal.allSatisfy { close($0.from.x, 20) && close($0.to.x, 270) })
        let top = horizontal.map(\.from.y).min()!, bottom = horizontal.map(\.from.y).max()!
        let totalTop = horizontal.map(\.from.y).sorted()[6]
        // Five boundaries: the left edge, three between the four columns, the right edge.
        #expect(vertical.count == 5, "\(vertical)")
        let byX = vertical.sorted { $0.from.x < $1.from.x }
        for (i, line) in byX.enumerated() {
            let inSpan = i == 1 || i == 2
            #expect(close(line.from.y, top) && close(line.to.y, inSpan ? totalTop : bottom), "boundary \(i): \(line)")
        }
    }

    @Test func zebraStripesEveryOtherBodyRowAcrossTheTableWidth() throws {
        let laid = try Self.laidTable(6)
        let zebra = Color.rgb(238.0 / 255, 238.0 / 255, 238.0 / 255)
        let stripes = laid.pages[0].rects.filter { $0.fill == zebra }
        #expect(stripes.count == 3, "rows 2, 4 and 6 are striped")
        for stripe in stripes {
            #expect(close(stripe.rect.minX, 20) && close(stripe.rect.width, 250))
        }
        // A stripe lies behind the text of an even row.
        let row2 = try #require(laid.pages[0].runs.first { $0.text == "2,50\u{202F}€" })
        #expect(stripes.contains { $0.rect.minY < row2.baseline && $0.rect.maxY > row2.baseline })
        let row1 = try #require(laid.pages[0].runs.first { $0.text == "1,50\u{202F}€" })
        #expect(!stripes.contains { $0.rect.minY < row1.baseline && $0.rect.maxY > row1.baseline })
    }

    @Test func cellsAreCentredVerticallyAndGroupsGetTheirRows() throws {
        let yaml = Self.page + """

            body:
              - table:
                  padding: {h: 3, v: 2}
                  group_background: "#DDDDDD"
                  columns:
                    - {width: 100, header: "Qui", cell: "{l.qui}"}
                    - {width: "1*", align: right, header: "Montant", cell: "{l.montant}"}
                  rows:
                    - for: l in lignes
                      group_by: l.qui
                      group_header: [{text: "{group.key}", colspan: 2}]
                      subtotal: ["Sous-total", "{sum(group.items.montant)}"]
            """
        let data = #"{"lignes": [{"qui": "Élodie", "montant": 1}, {"qui": "Noël", "montant": 2}, {"qui": "Élodie", "montant": 4}]}"#
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml, data: data).bind())
        let texts = laid.pages[0].lines.map(\.text)
        // Groups in order of first appearance, each with its header, rows and subtotal.
        #expect(texts == ["QuiMontant", "Élodie", "Élodie1", "Élodie4", "Sous-total5", "Noël", "Noël2", "Sous-total2"])
        let groupRows = laid.pages[0].rects.filter { $0.fill == .rgb(221.0 / 255, 221.0 / 255, 221.0 / 255) }
        // group_background fills the group headers and the subtotals.
        #expect(groupRows.count == 4 && groupRows.allSatisfy { close($0.rect.width, 250) })
    }

    @Test func shortCellIsCentredBesideATallOne() throws {
        let yaml = Self.page + """

            body:
              - table:
                  header: false
                  padding: {h: 3, v: 2}
                  columns:
                    - {width: 100, cell: "x"}
                    - {width: "1*", cell: "x"}
                  rows:
                    - cells: ["Un\\nDeux\\nTrois", "Milieu"]
            """
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml).bind())
        let runs = laid.pages[0].runs
        let un = try #require(runs.first { $0.text == "Un" }), deux = try #require(runs.first { $0.text == "Deux" })
        let milieu = try #require(runs.first { $0.text == "Milieu" })
        // valign defaults to middle: the one-line cell sits on the middle line of the three.
        #expect(close(milieu.baseline, deux.baseline))
        #expect(close(deux.baseline - un.baseline, 12))
    }

    @Test func headerCellsAreTaggedTHWithColumnScope() throws {
        let laid = try Self.laidTable()
        let nodes = laid.structure.nodes
        let table = try #require(nodes.firstIndex { $0.role == "Table" })
        let rows = nodes[table].children.map { nodes[$0] }
        #expect(rows.allSatisfy { $0.role == "TR" })
        #expect(rows.count == 1 + 5 + 1)
        let header = rows[0].children.map { nodes[$0] }
        #expect(header.map(\.role) == ["TH", "TH", "TH", "TH"])
        #expect(header.allSatisfy { $0.scope == .column })
        #expect(rows[1].children.map { nodes[$0].role } == ["TD", "TD", "TD", "TD"])
    }

    @Test func headingKeptWithNextStaysWithATallTableHeader() throws {
        // 19 lines (228 pt) leave 82 pt: room for the heading (14.4 pt) but not for the heading, the
        // four-line header (52 pt) and the first row (16 pt) together. The heading must move with them.
        let lines = (1...19).map(String.init).joined(separator: ",")
        let yaml = Self.page + """

            body:
              - for: i in l
                paragraph: "Ligne {i}"
              - h2: Titre gardé
              - table:
                  columns:
                    - {width: 100, header: "Date\\ndes\\nsoins\\nici", cell: "{x}"}
                    - {width: "1*", header: "Montant", cell: "{x}"}
                  rows:
                    - cells: [a, b]
            """
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml, data: #"{"l": [\#(lines)], "x": "y"}"#).bind())
        let heading = try #require(laid.find("Titre gardé"))
        let header = try #require(laid.find("Date"))
        #expect(heading.page == header.page, "the heading is orphaned on page \(heading.page + 1)")
        // The heading is still kept when the header is short (the table fits on page 1 then).
        let short = yaml.replacingOccurrences(of: "Date\\ndes\\nsoins\\nici", with: "Date")
        let laidShort = try Harness.layout(try ScratchLayouts(yaml: short, data: #"{"l": [\#(lines)], "x": "y"}"#).bind())
        #expect(laidShort.pages.count == 1)
    }

    @Test func noPageHoldsATableHeaderWithoutRows() throws {
        // A 10-line header (124 pt) and a first row of 20 lines (244 pt) cannot share one 310 pt page:
        // the table must not leave a page with its header alone. The row cannot fit under the header on
        // any page, so it is the one kind of row that is split: its lines continue, in order, under the
        // repeated header of the next page instead of running past the bottom margin.
        let yaml = Self.page + """

            body:
              - paragraph: Avant
              - table:
                  columns:
                    - {width: 100, header: "H1\\nH2\\nH3\\nH4\\nH5\\nH6\\nH7\\nH8\\nH9\\nH10", cell: "{x}"}
                  rows:
                    - cells: ["\((1...20).map { "L\($0)" }.joined(separator: "\\n"))"]
                    - cells: ["Fin"]
            """
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml, data: #"{"x": "y"}"#).bind())
        for (i, page) in laid.pages.enumerated() where page.runs.contains(where: { $0.text == "H1" }) {
            #expect(page.runs.contains { $0.text == "L1" || $0.text == "Fin" }, "page \(i + 1) holds only the header")
        }
        let first = try #require(laid.find("L1")), last = try #require(laid.find("L20"))
        #expect(first.page < last.page, "the row taller than the room under the header is split")
        let fin = try #require(laid.find("Fin"))
        #expect(fin.page >= last.page)
    }

    @Test func headerRepeatsOnEveryPageAndNoRowIsSplit() throws {
        // Each row's label cell holds three lines, all of which must land on the same page.
        let laid = try Harness.layout(try ScratchLayouts(yaml: Self.table,
            data: Self.rows(40) { i in "R\(i) a\\nR\(i) b\\nR\(i) c" }).bind())
        #expect(laid.pages.count >= 3)
        for i in 1...40 {
            let pages = ["a", "b", "c"].map { part in laid.find("R\(i) \(part)")?.page }
            #expect(pages.allSatisfy { $0 != nil }, "row \(i) is missing")
            #expect(Set(pages).count == 1, "row \(i) is split across pages \(pages)")
        }
        for (n, page) in laid.pages.enumerated() {
            let header = try #require(page.runs.first { $0.text == "Libellé" }, "page \(n + 1) lacks the header")
            // Repeated headers are pagination artifacts; the first one is the tagged TH.
            #expect(header.isArtifact == (n > 0))
            // Rows stay inside the body.
            for run in page.runs where !run.isArtifact || run.text != "Libellé" {
                #expect(run.baseline > 40 && run.baseline < 350)
            }
        }
    }
}

/// A 300-row table rendered to PDF and read back with `pdftotext`: header on every page, every row
/// exactly once, « Page X / N » right on every page.
@Suite struct LongTableTests {
    static let yaml = """
        document:
          title: Trois cents lignes
        styles:
          base: {size: 9}
        footer:
          offset: 12
          height: 12
          blocks:
            - paragraph: "Page {page} / {pages}"
              align: right
        body:
          - h1: Relevé de trois cents lignes
          - table:
              columns:
                - {width: 60, header: "Numéro", cell: "{l.n}"}
                - {width: "1*", header: "Prestation", cell: "{l.libelle}"}
                - {width: 80, align: right, header: "Montant", cell: "{l.montant}"}
              rows:
                - for: l in lignes
        """

    @Test func threeHundredRowsPaginateWithHeadersAndPageNumbers() throws {
        let rows = (1...300).map { #"{"n": \#($0), "libelle": "Consultation de médecine générale", "montant": "26,50 €"}"# }
        let document = try ScratchLayouts(yaml: Self.yaml, data: #"{"lignes": [\#(rows.joined(separator: ","))]}"#).bind()
        let path = try Harness.renderFile(document)
        let pages = try Tool.pdfTextPages(path)
        #expect(pages.count >= 5)
        var seen: [Int: Int] = [:]
        let rowPattern = /^\s*(\d+)\s+Consultation/
        for (i, text) in pages.enumerated() {
            #expect(text.contains("Numéro") && text.contains("Prestation") && text.contains("Montant"),
                    "page \(i + 1) lacks the header labels")
            #expect(text.contains("Page \(i + 1) / \(pages.count)"), "page \(i + 1) has a wrong page number")
            for line in text.split(separator: "\n") {
                if let m = line.firstMatch(of: rowPattern), let n = Int(m.1) { seen[n, default: 0] += 1 }
            }
        }
        #expect(seen.count == 300)
        #expect(Set(seen.keys) == Set(1...300))
        #expect(seen.values.allSatisfy { $0 == 1 }, "rows printed twice: \(seen.filter { $0.value != 1 }.keys.sorted())")
        let info = try Tool.run("pdfinfo", [path])
        #expect(info.stdout.contains("Pages:") && info.stdout.contains("\(pages.count)"))
        // Repeated headers are artifacts: the structure holds the header row once and all 300 rows.
        let tagged = try Tool.run("pdfinfo", ["-struct-text", path]).stdout
        #expect(tagged.components(separatedBy: "Prestation").count - 1 == 1)
        let structure = try Tool.run("pdfinfo", ["-struct", path]).stdout
        #expect(structure.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("TR") }.count == 301)
        #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
    }
}
