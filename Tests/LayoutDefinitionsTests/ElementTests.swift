import Testing
@testable import LayoutDefinitions

private func bind(_ body: String, extra: String = "", files: [String: String] = [:], data: DataValue = [:]) throws -> BoundDocument {
    try layout(body: body, extra: extra, files: files).bind(data)
}

@Suite("Elements")
struct ElementTests {
    @Test func fontFamiliesAreInternedByName() {
        #expect(FontFamily("Test Serif") == FontFamily("Test Serif"))
        #expect(FontFamily("Test Serif") != FontFamily("DejaVu Sans"))
        #expect(FontFamily("Test Serif").name == "Test Serif")
        var style = TextStyle(fontFamily: "Test Serif", bold: true)
        style.fontFamily = "DejaVu Sans"
        #expect(style == TextStyle(bold: true) && style.fontFamily == "DejaVu Sans")
    }

    @Test func paragraphsHeadingsAndBareStrings() throws {
        let doc = try bind("""
          - h1: "Titre"
          - h2: "Section"
          - h3: "Sous-section"
          - paragraph: "Bonjour {nom}"
          - p: court
          - "Texte nu"
        """, data: ["nom": "Zoé"])
        #expect(doc.body.compactMap(\.paragraph).map(\.role) == [.h1, .h2, .h3, .p, .p, .p])
        #expect(doc.body.compactMap(\.text) == ["Titre", "Section", "Sous-section", "Bonjour Zoé", "court", "Texte nu"])
        let h1 = try #require(doc.body[0].paragraph)
        #expect(h1.spans[0].style.bold && h1.spans[0].style.size == 15 && h1.style.keepWithNext)
        #expect(doc.body[3].paragraph?.spans[0].style.bold == false)
    }

    @Test func boldMarkupAndSpanLists() throws {
        let doc = try bind("""
          - paragraph: "Montant : **{total}** net"
          - paragraph:
              - text: "Montant : "
              - text: "{total}"
                style: gras
              - text: " (estimé)"
                italic: true
                color: "#FF0000"
          - paragraph: "Accolades {{littérales}} et **gras {{x}}**"
        """, extra: "styles:\n  gras: {bold: true}", data: ["total": "12 €"])
        let first = try #require(doc.body[0].paragraph)
        #expect(first.spans.map(\.content) == [.text("Montant : "), .text("12 €"), .text(" net")])
        #expect(first.spans.map(\.style.bold) == [false, true, false])
        let second = try #require(doc.body[1].paragraph)
        #expect(second.spans.map(\.style.bold) == [false, true, false])
        #expect(second.spans[2].style.italic && second.spans[2].style.color == RGB(r: 1, g: 0, b: 0))
        #expect(doc.body[2].text == "Accolades {littérales} et gras {x}")
    }

    @Test func markupInDataIsNotInterpreted() throws {
        let doc = try bind("  - paragraph: \"{x}\"\n", data: ["x": "**pas gras**"])
        #expect(doc.body[0].paragraph?.spans.count == 1)
        #expect(doc.body[0].text == "**pas gras**")
    }

    @Test func pagePlaceholdersBecomePageSpans() throws {
        let doc = try bind("  - paragraph: \"Page {page} / {pages}\"\n")
        #expect(doc.body[0].paragraph?.spans.map(\.content) == [.text("Page "), .pageNumber, .text(" / "), .pageCount])
    }

    @Test func stylesInheritFromBaseAndParents() throws {
        let doc = try bind("""
          - paragraph: a
          - paragraph: b
            style: titre
          - paragraph: c
            style: sous-titre
            size: 11
            align: center
        """, extra: """
        styles:
          base: {font: Test Serif, size: 9, color: "#336699", line_height: 1.4}
          titre: {size: 15, bold: true, space_after: 6}
          sous-titre: {parent: titre, italic: true, bold: false}
        """)
        let a = try #require(doc.body[0].paragraph), b = try #require(doc.body[1].paragraph), c = try #require(doc.body[2].paragraph)
        #expect(a.spans[0].style == TextStyle(fontFamily: "Test Serif", size: 9, color: RGB(hex: "#336699")!))
        #expect(a.style.lineHeight == 1.4)
        #expect(b.spans[0].style == TextStyle(fontFamily: "Test Serif", bold: true, size: 15, color: RGB(hex: "#336699")!))
        #expect(b.style.spaceAfter == 6)
        #expect(c.spans[0].style == TextStyle(fontFamily: "Test Serif", bold: false, italic: true, size: 11, color: RGB(hex: "#336699")!))
        #expect(c.style.alignment == .center && c.style.spaceAfter == 6)
    }

    @Test func imagesRuleSpacerBreakBoxKeepTogether() throws {
        let doc = try bind("""
          - image: logo.png
            width: 40
            alt: "Logo"
            align: right
          - image: logo.png
            decorative: true
          - rule: 0.75
            color: "#888888"
            space_before: 2
            space_after: 3
          - spacer: 12
          - page_break: true
          - box:
              - "dans la boîte"
            background: "#EEEEEE"
            border: 0.5
            padding: 6
            radius: 3
          - keep_together:
              - "un"
              - "deux"
        """)
        guard case .image(let image) = doc.body[0] else { Issue.record("image"); return }
        #expect(image.width == 40 && image.height == nil && image.alt == "Logo" && image.alignment == .right)
        #expect(image.pixelWidth == 2 && image.pixelHeight == 3 && image.path.hasSuffix("/Layouts/assets/logo.png"))
        guard case .image(let decorative) = doc.body[1] else { Issue.record("image"); return }
        #expect(decorative.alt == nil)
        guard case .rule(let t, let color, let before, let after) = doc.body[2] else { Issue.record("rule"); return }
        #expect(t == 0.75 && color == RGB(hex: "#888888") && before == 2 && after == 3)
        guard case .spacer(let h) = doc.body[3], case .pageBreak = doc.body[4] else { Issue.record("spacer/break"); return }
        #expect(h == 12)
        guard case .box(let box) = doc.body[5] else { Issue.record("box"); return }
        #expect(box.children.first?.text == "dans la boîte" && box.background == RGB(hex: "#EEEEEE"))
        #expect(box.border?.width == 0.5 && box.padding == 6 && box.cornerRadius == 3)
        guard case .keepTogether(let kept) = doc.body[6] else { Issue.record("keep"); return }
        #expect(kept.compactMap(\.text) == ["un", "deux"])
    }

    @Test func qrCodeAndLists() throws {
        let doc = try bind("""
          - qr: "https://exemple.fr/v/{id}"
            size: 60
            alt: "Code de vérification {id}"
          - list:
              - "premier"
              - - paragraph: "second"
                - paragraph: "suite"
            numbered: true
          - list:
              for: b in beneficiaires
              item: "{b.prenom}"
        """, data: ["id": "A1", "beneficiaires": [["prenom": "Léa"], ["prenom": "Théo"]]])
        guard case .qrCode(let qr) = doc.body[0] else { Issue.record("qr"); return }
        #expect(qr.text == "https://exemple.fr/v/A1" && qr.size == 60 && qr.alt == "Code de vérification A1")
        guard case .list(let numbered) = doc.body[1], case .list(let generated) = doc.body[2] else { Issue.record("lists"); return }
        #expect(numbered.marker == .numbered && numbered.items.count == 2 && numbered.items[1].count == 2)
        #expect(generated.marker == .bullet && generated.items.map { $0.first?.text } == ["Léa", "Théo"])
    }

    @Test func columnsWidths() throws {
        let doc = try bind("""
          - columns:
              - width: 290
                blocks: ["gauche"]
              - width: "2*"
                blocks: ["milieu"]
              - width: auto
                blocks: ["droite"]
              - blocks: ["reste"]
        """)
        guard case .columns(let columns) = doc.body[0] else { Issue.record("columns"); return }
        #expect(columns.map(\.width) == [.fixed(290), .proportional(2), .auto, .proportional(1)])
        #expect(columns.map { $0.blocks.first?.text } == ["gauche", "milieu", "droite", "reste"])
    }

    @Test func loopsAndConditionals() throws {
        let doc = try bind("""
          - paragraph: "{p.nom}: {p.montant | centimes}"
            for: p in paiements
            if: p.montant > 0
          - paragraph: "Aucun paiement"
            if: empty(paiements)
            else:
              - "Paiements : {count(paiements)}"
          - paragraph: "Jamais"
            if: exists(absent.champ)
        """, data: ["paiements": [["nom": "A", "montant": 150], ["nom": "B", "montant": 0], ["nom": "C", "montant": -200]]])
        #expect(doc.body.compactMap(\.text) == ["A: 1,50\u{202F}€", "Paiements : 3"])
    }

    @Test func nestedLoopsReportTheFullDataPath() throws {
        let layout = try layout(body: "  - paragraph: \"{a.montant}\"\n    for: a in groupe.actes\n")
        let error = try #require(expectError { _ = try layout.bind(["groupe": ["actes": [["montant": 1], ["prix": 2]]]]) })
        #expect(error.code == .missingData && error.dataPath == "groupe.actes[1].montant")
        #expect(error.sourceLocation?.line == 5)
    }

    @Test func optionalFieldsWithQuestionMarkAndDefault() throws {
        let doc = try bind("""
          - paragraph: "Tél. [{caisse.telephone?}] {caisse.fax | defaut('—')}"
          - paragraph: "{x}"
            for: x in absente?
        """, data: ["caisse": [:]])
        #expect(doc.body.compactMap(\.text) == ["Tél. [] —"])
    }

    @Test func missingDataAtBindTimeNamesThePath() throws {
        let l = try layout(body: "  - paragraph: \"{paiements[3].montant | centimes}\"\n")
        let error = try #require(expectError { _ = try l.bind(["paiements": [[:], [:], [:], ["date": "x"]]]) })
        #expect(error.code == .missingData)
        #expect(error.dataPath == "paiements[3].montant")
        #expect(error.sourceLocation?.line == 5 && error.sourceLocation?.column == 18)
    }

    @Test func documentMetadataAndRegions() throws {
        let yaml = """
        document:
          title: "Relevé {mois | mois}"
          lang: fr-FR
          author: "{caisse}"
          subject: Sujet
        page:
          size: A5
          orientation: landscape
          margins: 20
        header:
          height: 30
          blocks: ["En-tête {caisse}"]
        footer:
          height: 12
          offset: 6
          blocks: ["Page {page}/{pages}"]
        background:
          blocks: [{image: logo.png, decorative: true}]
        first_page:
          header:
            height: 80
            blocks: ["Première page"]
        body: []
        """
        let doc = try Scratch(["test.yaml": yaml], binary: ["assets/logo.png": tinyPNG]).layout().bind(["mois": "2026-10", "caisse": "CPAM"])
        #expect(doc.title == "Relevé octobre 2026" && doc.author == "CPAM" && doc.subject == "Sujet" && doc.keywords == nil)
        #expect(doc.page.width == 595.28 && doc.page.height == 419.53 && doc.page.marginLeft == 20 && doc.page.marginBottom == 20)
        #expect(doc.regions.header.first?.text == "En-tête CPAM" && doc.regions.headerHeight == 30)
        #expect(doc.regions.footerOffset == 6 && doc.regions.footer.first?.paragraph?.spans[1].content == .pageNumber)
        #expect(doc.regions.background.count == 1)
        let first = try #require(doc.firstPage)
        #expect(first.header.first?.text == "Première page" && first.headerHeight == 80)
        #expect(first.footer.first?.paragraph?.spans.count == 4 && first.background.count == 1)
    }

    @Test func partialsAreIncludedInPlaceWithTheLoopScope() throws {
        let doc = try bind("""
          - include: ligne
            for: l in lignes
          - include: bloc.yaml
        """, files: ["partials/ligne.yaml": "- \"Ligne {l}\"\n", "partials/bloc.yaml": "blocks:\n  - include: sous/pied\n",
                     "partials/sous/pied.yaml": "- \"Pied\"\n"], data: ["lignes": ["a", "b"]])
        #expect(doc.body.compactMap(\.text) == ["Ligne a", "Ligne b", "Pied"])
    }
}

@Suite("Element restrictions")
struct ElementRestrictionTests {
    @Test func pageNumbersAreRefusedInAttributes() throws {
        let scratch = Scratch(["test.yaml": "document:\n  title: \"Page {page}\"\nbody: []\n"])
        let error = try #require(expectError { _ = try scratch.load() })
        #expect(error.code == .badExpression && error.sourceLocation?.line == 2)
    }

    @Test func unclosedBoldMarkupIsAnError() throws {
        let error = try #require(expectError { _ = try layout(body: "  - \"un **gras\"\n") })
        #expect(error.code == .badExpression && error.reason.contains("**"))
    }

    @Test func aBlockHasOneElement() throws {
        let error = try #require(expectError { _ = try layout(body: "  - paragraph: a\n    spacer: 3\n") })
        #expect(error.code == .unknownElement && error.sourceLocation?.line == 6)
    }

    @Test func elseWithoutIf() throws {
        let error = try #require(expectError { _ = try layout(body: "  - paragraph: a\n    else: [b]\n") })
        #expect(error.code == .invalidValue && error.reason.contains("'else' needs an 'if'"))
    }
}
