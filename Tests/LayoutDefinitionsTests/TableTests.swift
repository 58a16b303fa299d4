import Testing
@testable import LayoutDefinitions

private let paiements: DataValue = ["paiements": [
    ["benef": "Léa", "acte": "Consultation", "montant": 2500],
    ["benef": "Théo", "acte": "Pharmacie", "montant": 830],
    ["benef": "Léa", "acte": "Radiologie", "montant": 4_000],
    ["benef": "Théo", "acte": "Kiné", "montant": 1_613],
    ["benef": "Léa", "acte": "Analyses", "montant": 0],
]]

@Suite("Tables")
struct TableTests {
    @Test func groupsWithHeadersSubtotalsAndTotal() throws {
        let table = try #require(try layout(body: """
          - table:
              zebra: "#F5F5F5"
              group_background: "#DDDDDD"
              total_background: "#EEEEEE"
              columns:
                - {width: "3*", header: "Acte", cell: "{p.acte}"}
                - {width: 60, align: right, header: "Montant", cell: "{p.montant | centimes}"}
              rows:
                - for: p in paiements
                  if: p.montant > 0
                  group_by: p.benef
                  group_header: [{text: "{group.key} ({group.count})", colspan: 2}]
                  subtotal: ["Sous-total", "{sum(group.items.montant) | centimes}"]
              total: ["Total", "{sum(paiements.montant) | centimes}"]
        """).bind(paiements).body.first?.table)
        #expect(table.columns == [TableColumn(width: .proportional(3), alignment: .left), TableColumn(width: .fixed(60), alignment: .right)])
        #expect(table.rows.map(\.kind) == [.groupHeader, .body, .body, .subtotal, .groupHeader, .body, .body, .subtotal, .total])
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["Léa (2)"], ["Consultation", "25,00\u{202F}€"], ["Radiologie", "40,00\u{202F}€"], ["Sous-total", "65,00\u{202F}€"],
            ["Théo (2)"], ["Pharmacie", "8,30\u{202F}€"], ["Kiné", "16,13\u{202F}€"], ["Sous-total", "24,43\u{202F}€"],
            ["Total", "89,43\u{202F}€"],
        ])
        let grey = RGB(hex: "#DDDDDD"), zebra = RGB(hex: "#F5F5F5")
        #expect(table.rows.map(\.background) == [grey, nil, zebra, grey, grey, nil, zebra, grey, RGB(hex: "#EEEEEE")])
        #expect(table.rows[0].cells[0].colspan == 2)
        #expect(table.rows[8].cells[0].blocks[0].paragraph?.spans[0].style.bold == true)
        #expect(table.rows[1].cells[1].blocks[0].paragraph?.style.alignment == .right)
    }

    @Test func explicitCellsHeaderCellsAndStaticRows() throws {
        let table = try #require(try layout(body: """
          - table:
              header: false
              border: 1
              border_color: "#000080"
              padding: 5
              valign: top
              columns: [{width: 100}, {width: 100, align: center}]
              rows:
                - cells: [{text: "Nom", header: true}, "{nom}"]
                - cells: ["Caché", "x"]
                  if: nom == 'personne'
                - for: e in enfants
                  cells: [{text: "Enfant", header: true, align: right, bold: true}, "{e}"]
        """).bind(["nom": "Noël", "enfants": ["Léa", "Théo"]]).body.first?.table)
        #expect(table.headerRows.isEmpty)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["Nom", "Noël"], ["Enfant", "Léa"], ["Enfant", "Théo"]])
        #expect(table.rows[0].cells[0].isHeader && table.rows[0].cells[0].scope == .row && !table.rows[0].cells[1].isHeader)
        #expect(table.rows[1].cells[0].alignment == .right && table.rows[1].cells[1].alignment == nil)
        #expect(table.rows[1].cells[1].blocks[0].paragraph?.style.alignment == .center)
        #expect(table.style == TableStyle(borderWidth: 1, borderColor: RGB(hex: "#000080")!, headerBackground: nil, zebra: nil,
                                          paddingH: 5, paddingV: 5, verticalAlignment: .top))
    }

    @Test func missingCellTemplateForALoopRowIsAnError() throws {
        let error = try #require(expectError {
            _ = try layout(body: "  - table:\n      columns: [{width: 10, cell: '{x}'}, {width: 10}]\n      rows:\n        - for: x in xs\n")
        })
        #expect(error.code == .missingAttribute)
        #expect(error.sourceLocation?.line == 8)
    }

    @Test func loopOverANonListIsADataError() throws {
        let l = try layout(body: "  - table:\n      columns: [{width: 10, cell: '{x}'}]\n      rows:\n        - for: x in xs\n")
        let error = try #require(expectError { _ = try l.bind(["xs": "pas une liste"]) })
        #expect(error.code == .dataType && error.dataPath == "xs")
        #expect(error.sourceLocation?.line == 8 && error.sourceLocation?.column == 21)
    }
}
