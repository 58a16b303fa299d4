import Foundation
import Testing
@testable import LayoutDefinitions

@Suite("Relevé mensuel")
struct ReleveMensuelTests {
    static let library = try! LayoutLibrary.load(directory: Repo.layouts, fontsDirectory: Repo.fonts)

    func sample() throws -> BoundDocument {
        let layout = try Self.library.layout(named: "releve-mensuel")
        return try layout.bind(try Self.library.sampleData(for: "releve-mensuel"))
    }

    @Test func everyLayoutInTheRepositoryChecksClean() {
        #expect(LayoutLibrary.check(directory: Repo.layouts, fontsDirectory: Repo.fonts) == [])
    }

    @Test func pageAndDocumentMetadata() throws {
        let doc = try sample()
        #expect(doc.title == "Relevé mensuel de vos remboursements")
        #expect(doc.lang == "fr-FR")
        #expect(doc.author == "CPAM de Lille-Douai")
        #expect(doc.subject == "Relevé mensuel — octobre 2026")
        #expect(doc.page.width == 595.28 && doc.page.height == 841.89)
        #expect(doc.page.marginLeft == 30 && doc.page.marginRight == 30)
        #expect(doc.page.marginTop == 36 && doc.page.marginBottom == 48)
        #expect(doc.layoutName == "releve-mensuel")
        #expect(doc.layoutVersion.count == 16)
        #expect(doc.firstPage == nil)
    }

    @Test func tableHasOneRowPerLineAndATotal() throws {
        let doc = try sample()
        let table = try #require(doc.body.compactMap(\.table).first)
        #expect(table.columns.map(\.width) == [49, 53, 139, 55, 55, 31, 55, 49, 49].map { ColumnWidth.fixed($0) })
        #expect(table.columns.map(\.alignment) == [.left, .left, .left, .right, .right, .right, .right, .right, .left])
        #expect(table.headerRows.count == 1)
        #expect(table.headerRows[0].cells.allSatisfy { $0.isHeader && $0.scope == .column })
        #expect(table.headerRows[0].background == RGB(hex: "#D9E2EC"))
        #expect(table.rows.count == 18 + 1)
        let first = table.rows[0]
        #expect(first.kind == .body)
        // The benchmark's strings are printed verbatim (their spaces are U+00A0).
        #expect(first.cells.map(\.text) == ["02/09/2026", "Élodie", "Kinésithérapie", "33,65\u{A0}€", "30,62\u{A0}€",
                                            "60\u{A0}%", "17,37\u{A0}€", "1,00\u{A0}€", "01/10/2026"])
        let total = try #require(table.rows.last)
        #expect(total.kind == .total)
        #expect(total.cells.count == 7)
        #expect(total.cells[0].colspan == 3 && total.cells[0].text == "Total")
        #expect(total.cells.map(\.text) == ["Total", "7\u{A0}442,58\u{A0}€", "6\u{A0}345,27\u{A0}€", "",
                                            "6\u{A0}168,26\u{A0}€", "24,00\u{A0}€", ""])
        #expect(total.cells[1].blocks[0].paragraph?.spans[0].style.bold == true)
        #expect(total.background == RGB(hex: "#EEEEEE"))
        let bodySpan = try #require(first.cells[0].blocks[0].paragraph?.spans.first)
        #expect(bodySpan.style.size == 7.5 && !bodySpan.style.bold && bodySpan.style.fontFamily == "DejaVu Sans")
        let headerSpan = try #require(table.headerRows[0].cells[0].blocks[0].paragraph?.spans.first)
        #expect(headerSpan.style.size == 7 && headerSpan.style.bold)
        #expect(table.style.borderWidth == 0.4 && table.style.paddingH == 2.5 && table.style.paddingV == 4)
    }

    @Test func headingLinesAndTotalParagraph() throws {
        let texts = try sample().body.compactMap(\.text)
        #expect(texts.contains("Relevé mensuel de vos remboursements"))
        #expect(texts.contains("Période : octobre 2026 — édité le 01/11/2026"))
        #expect(texts.contains("N° de sécurité sociale : 2 93 12 59 075 525 91"))
        #expect(texts.contains("Montant total remboursé ce mois-ci : 6\u{00A0}168,26\u{00A0}€"))
        let title = try #require(try sample().body.compactMap(\.paragraph).first { $0.role == .h1 })
        #expect(title.spans[0].style.size == 15 && title.spans[0].style.bold && title.style.keepWithNext)
    }

    @Test func letterheadColumnsAndFooterPageNumbers() throws {
        let doc = try sample()
        guard case .columns(let columns) = doc.body[0] else { Issue.record("letterhead first"); return }
        #expect(columns.map(\.width) == [.fixed(44), .fixed(246), .fixed(245)])
        guard case .image(let logo) = columns[0].blocks[0] else { Issue.record("logo"); return }
        #expect(logo.assetName == "logo.png" && logo.pixelWidth == 120 && logo.alt != nil)
        #expect(columns[1].blocks.compactMap(\.text) == ["CPAM de Lille-Douai", "33 place de la Comédie", "59000 Lille", "Téléphone : 36 46"])
        #expect(columns[2].blocks.compactMap(\.text) == ["Mme Élodie Dupré-Lefèvre", "128 cours Mirabeau", "59000 Lille"])
        guard case .columns(let footer) = doc.regions.footer[0] else { Issue.record("footer columns"); return }
        #expect(footer[0].blocks[0].text == "CPAM de Lille-Douai — relevé mensuel, octobre 2026")
        let pageSpans = try #require(footer[1].blocks[0].paragraph?.spans)
        #expect(pageSpans.map(\.content) == [.text("Page "), .pageNumber, .text(" / "), .pageCount])
        #expect(pageSpans[1].style.size == 7.5)
        #expect(doc.regions.footerOffset == 14 && doc.regions.footerHeight == 12)
    }

    @Test func everyBenchmarkStatementBinds() throws {
        let data = try DataValue(json: try Data(contentsOf: URL(fileURLWithPath: Repo.fixtures + "/statements-20.json")))
        let statements = try #require(data["statements"]?.arrayValue)
        let layout = try Self.library.layout(named: "releve-mensuel")
        for statement in statements {
            let doc = try layout.bind(statement)
            let table = try #require(doc.body.compactMap(\.table).first)
            #expect(table.rows.count == (statement["lignes"]?.arrayValue?.count ?? -1) + 1)
        }
    }

    /// Prints the CPU time of one bind (thread CPU time, best of 5 batches, robust when other
    /// builds share the cores) for the sample relevé and for the longest benchmark statement.
    /// Asserts only that every bind produced the same document shape.
    @Test func bindBenchmark() throws {
        let data = try DataValue(json: try Data(contentsOf: URL(fileURLWithPath: Repo.fixtures + "/statements-20.json")))
        let statements = try #require(data["statements"]?.arrayValue)
        let longest = try #require(statements.max { ($0["lignes"]?.arrayValue?.count ?? 0) < ($1["lignes"]?.arrayValue?.count ?? 0) })
        let layout = try Self.library.layout(named: "releve-mensuel")
        func cpuNanoseconds() -> Int {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
        }
        // The sample without rows measures the fixed part (letterhead, titles, footer, totals).
        let sample = try Self.library.sampleData(for: "releve-mensuel")
        guard case .object(var members) = sample else { Issue.record("sample is an object"); return }
        members = members.map { $0.key == "lignes" ? (key: "lignes", value: DataValue.array([])) : $0 }
        for statement in [DataValue.object(members), sample, longest] {
            let rows = statement["lignes"]?.arrayValue?.count ?? 0
            let iterations = 500
            var checksum = 0
            var best = Int.max
            for _ in 0..<5 {
                let start = cpuNanoseconds()
                for _ in 0..<iterations { checksum &+= try layout.bind(statement).body.count }
                best = min(best, cpuNanoseconds() - start)
            }
            print("bind releve-mensuel (\(rows) rows): \(Double(best) / Double(iterations) / 1000) µs CPU per document (best of 5 × \(iterations))")
            let blocks = try layout.bind(statement).body.count
            #expect(checksum == 5 * iterations * blocks)
        }
    }
}

@Suite("Sharing between threads")
struct ConcurrencyTests {
    @Test func oneLayoutBindsManyDocumentsInParallel() async throws {
        let library = try LayoutLibrary.load(directory: Repo.layouts, fontsDirectory: Repo.fonts)
        let layout = try library.layout(named: "releve-mensuel")
        let data = try DataValue(json: try Data(contentsOf: URL(fileURLWithPath: Repo.fixtures + "/statements-20.json")))
        let statements = try #require(data["statements"]?.arrayValue)
        let totals = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (i, statement) in statements.enumerated() {
                group.addTask {
                    let doc = try layout.bind(statement)
                    return (i, doc.body.compactMap(\.text).last { $0.hasPrefix("Montant total") } ?? "")
                }
            }
            var result = Array(repeating: "", count: statements.count)
            for try await (i, total) in group { result[i] = total }
            return result
        }
        let expected = statements.map { "Montant total remboursé ce mois-ci : " + ($0["total_rembourse"]?.stringValue ?? "?") }
        #expect(totals == expected)
    }
}
