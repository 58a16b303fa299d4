import Foundation
import Graphics
import LayoutDefinitions
import LayoutEngine
import Testing

/// Golden box positions of small layouts: every glyph run (text, x, baseline, size, artifact or not)
/// and every rectangle of every page, rounded to 0.01 pt, in `Goldens/NAME.json`. Re-recorded with
/// `PAPERASSE_RECORD=1`; a diff of these files is the review of a layout change.
@Suite struct GoldenTests {
    static let page = """
        document:
          title: Golden
        page:
          size: [300, 400]
          margins: {top: 40, right: 30, bottom: 50, left: 20}
        styles:
          base: {size: 9}
        """

    static func dump(_ laid: LaidOutDocument) -> String {
        func n(_ v: Double) -> String { String(format: "%.2f", (v * 100).rounded() / 100) }
        func quoted(_ s: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
            return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
        }
        var out = "{\"pages\": [\n"
        for (i, page) in laid.pages.enumerated() {
            var items: [String] = []
            for run in page.runs {
                items.append("    {\"text\": \(quoted(run.text)), \"x\": \(n(run.x)), \"baseline\": \(n(run.baseline)), "
                             + "\"width\": \(n(run.width)), \"size\": \(n(run.size)), \"artifact\": \(run.isArtifact)}")
            }
            for rect in page.rects {
                items.append("    {\"rect\": [\(n(rect.rect.minX)), \(n(rect.rect.minY)), \(n(rect.rect.width)), "
                             + "\(n(rect.rect.height))], \"filled\": \(rect.fill != nil)}")
            }
            let grid = page.verticalGridLines.map(n).joined(separator: ", ")
            items.append("    {\"grid\": [\(grid)]}")
            out += "  [\n" + items.joined(separator: ",\n") + "\n  ]" + (i < laid.pages.count - 1 ? "," : "") + "\n"
        }
        return out + "]}\n"
    }

    static func check(_ name: String, yaml: String, data: String = "{}") throws {
        let laid = try Harness.layout(try ScratchLayouts(yaml: yaml, data: data).bind())
        let actual = dump(laid)
        let path = PackageRoot.goldens + "/\(name).json"
        if PackageRoot.recording || !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: PackageRoot.goldens, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            if !PackageRoot.recording { Issue.record("recorded a missing golden \(path): review it") }
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n"), e = expected.split(separator: "\n")
            let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            let got = first < a.count ? String(a[first]) : "<end>"
            let want = first < e.count ? String(e[first]) : "<end>"
            Issue.record("golden \(name) differs at line \(first + 1):\n  got      \(got)\n  expected \(want)")
        }
    }

    @Test func paragraphs() throws {
        try Self.check("paragraphs", yaml: Self.page + """

            body:
              - h1: Titre de niveau un
              - paragraph: "Aligné à gauche"
              - paragraph: "Aligné à droite"
                align: right
              - paragraph: "Centré"
                align: center
                space_before: 6
                space_after: 6
              - paragraph: >-
                  Les prestations en nature de l'assurance maladie couvrent les frais médicaux,
                  pharmaceutiques et d'hospitalisation, selon les taux fixés par la réglementation.
                align: justify
              - paragraph: "Montant : 1 234,56 € exactement"
              - box:
                  - "Information importante dans un cadre"
                background: "#FFF4E5"
                border: 0.5
                padding: 6
              - list:
                  - "Premier point"
                  - "Second point"
                numbered: true
            """)
    }

    @Test func table() throws {
        let rows = (1...6).map { #"{"n": \#($0), "libelle": "Acte \#($0)", "montant": "\#($0),00 €"}"# }
        try Self.check("table", yaml: Self.page + """

            body:
              - table:
                  zebra: "#EEEEEE"
                  header_background: "#D9E2EC"
                  total_background: "#DDDDDD"
                  padding: {h: 3, v: 2}
                  columns:
                    - {width: 40, header: "N°", cell: "{l.n}"}
                    - {width: auto, header: "Libellé", cell: "{l.libelle}"}
                    - {width: "1*", align: right, header: "Montant", cell: "{l.montant}"}
                  rows:
                    - for: l in lignes
                  total: [{text: Total, colspan: 2}, "21,00 €"]
            """, data: #"{"lignes": [\#(rows.joined(separator: ","))]}"#)
    }

    @Test func regionsOnTwoPages() throws {
        try Self.check("regions", yaml: Self.page + """

            header: {height: 20, offset: 5, blocks: ["En-tête {page}"]}
            footer:
              height: 12
              offset: 10
              blocks:
                - paragraph: "Page {page} / {pages}"
                  align: right
            first_page:
              header: {height: 20, offset: 5, blocks: ["Première page"]}
            body:
              - for: i in lignes
                paragraph: "Ligne {i}"
              - keep_together:
                  - h2: Signature
                  - paragraph: "Fait à Lille"
              - page_break: true
              - paragraph: "Dernière page"
            """, data: #"{"lignes": [\#((1...28).map(String.init).joined(separator: ","))]}"#)
    }
}
