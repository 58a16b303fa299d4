import Foundation
import LayoutDefinitions
import LayoutEngine
import PDFRender
import Testing

/// Every error says what is wrong and where: a layout position (file:line:column), a data path, or the
/// character no font covers.
@Suite struct ErrorTests {
    static func loadError(_ yaml: String, data: String = "{}") -> LayoutError? {
        do {
            _ = try ScratchLayouts(yaml: yaml, data: data).bind()
            return nil
        } catch let error as LayoutError {
            return error
        } catch {
            return nil
        }
    }

    static let head = "document:\n  title: Erreurs\nbody:\n"

    @Test func yamlSyntaxErrorNamesTheFileAndLine() throws {
        let error = try #require(Self.loadError(Self.head + "  - paragraph: \"non fermé\n  - p: x\n"))
        #expect(error.code == .yamlSyntax)
        #expect(error.sourceLocation?.file == "Layouts/test.yaml")
        #expect((error.sourceLocation?.line ?? 0) >= 4)
    }

    @Test func unknownElementSuggestsTheKnownOne() throws {
        let error = try #require(Self.loadError(Self.head + "  - paragraf: Bonjour\n"))
        #expect(error.code == .unknownElement)
        #expect(error.reason.contains("paragraf") && error.reason.contains("paragraph"))
        #expect(error.sourceLocation?.line == 4)
        #expect(error.description.hasPrefix("Layouts/test.yaml:4:"))
    }

    @Test func unknownAttributeSuggestsTheKnownOne() throws {
        let error = try #require(Self.loadError(Self.head + "  - paragraph: Bonjour\n    sise: 9\n"))
        #expect(error.code == .unknownAttribute)
        #expect(error.reason.contains("sise") && error.reason.contains("size"))
        #expect(error.sourceLocation?.line == 5)
        #expect(error.sourceLocation?.column == 5)
    }

    @Test func badExpressionPointsAtTheExpression() throws {
        let error = try #require(Self.loadError(Self.head + "  - paragraph: \"Total : {total |}\"\n"))
        #expect(error.code == .badExpression)
        #expect(error.sourceLocation?.line == 4)
        #expect((error.sourceLocation?.column ?? 0) > 16, "the column is inside the expression, not the line start")
    }

    @Test func formatterOnTheWrongTypeAtLoadAndAtBind() throws {
        let literal = try #require(Self.loadError(Self.head + "  - paragraph: \"{'abc' | centimes}\"\n"))
        #expect(literal.code == .formatterType)
        #expect(literal.sourceLocation?.line == 4)
        let bound = try #require(Self.loadError(Self.head + "  - paragraph: \"{montant | centimes}\"\n",
                                                data: #"{"montant": "douze euros"}"#))
        #expect(bound.code == .formatterType)
        #expect(bound.reason.contains("centimes"))
        #expect(bound.dataPath == "montant")
        #expect(bound.description.contains("montant"))
    }

    @Test func missingDataNamesTheDataPath() throws {
        let yaml = Self.head + "  - for: l in lignes\n    paragraph: \"{l.date} {l.montant}\"\n"
        let data = #"{"lignes": [{"date": "1", "montant": 1}, {"date": "2", "montant": 2}, {"date": "3", "montant": 3}, {"date": "4"}]}"#
        let error = try #require(Self.loadError(yaml, data: data))
        #expect(error.code == .missingData)
        #expect(error.dataPath == "lignes[3].montant")
        #expect(error.description.contains("lignes[3].montant"))
        #expect(error.description.contains("Layouts/test.yaml:5"), "names the expression that needed it: \(error)")
    }

    @Test func failedRenderLeavesNoFileBehind() throws {
        // The logo's header is a PNG's but its image data is not: the layout loads (it reads only the
        // header), and the PDF writer fails when it decodes the image, after it created its output.
        let scratch = ScratchLayouts(yaml: Self.head + "  - paragraph: Logo\n  - image: logo.png\n    alt: Logo\n", withLogo: true)
        let logo = scratch.directory + "/assets/logo.png"
        let header = try Array(Data(contentsOf: URL(fileURLWithPath: logo)).prefix(33))  // signature + IHDR
        try Data(header + Array(repeating: 0x5A, count: 64)).write(to: URL(fileURLWithPath: logo))
        let document = try scratch.bind()
        let dir = makeTemporaryDirectory()
        #expect(throws: PDFRenderError.self) { try Harness.renderFile(document, in: dir) }
        #expect(directoryListing(dir).isEmpty, "left behind: \(directoryListing(dir))")
    }

    @Test func anAssetIsDrawnAsItWasWhenTheLayoutWasLoaded() throws {
        // The layout's version names the bytes read at loading; a document must show those, even if the
        // file has changed or gone since (a reprint from the version must come out the same).
        let scratch = ScratchLayouts(yaml: Self.head + "  - paragraph: Logo\n  - image: logo.png\n    alt: Logo\n", withLogo: true)
        let document = try scratch.bind()
        let before = try Data(contentsOf: URL(fileURLWithPath: try Harness.renderFile(document)))
        try FileManager.default.removeItem(atPath: scratch.directory + "/assets/logo.png")
        let after = try Data(contentsOf: URL(fileURLWithPath: try Harness.renderFile(document)))
        #expect(after == before)
    }

    @Test func unknownFontFamilyNamesTheKnownOnes() throws {
        let document = try ScratchLayouts(yaml: Self.head + "  - paragraph: Bonjour\n    font: Comic Sans\n").bind()
        do {
            _ = try Harness.layout(document)
            Issue.record("an unknown font family was laid out")
        } catch let error as LayoutEngineError {
            #expect(error.code == .font)
            #expect(error.reason.contains("Comic Sans") && error.reason.contains("DejaVu Sans"), "\(error.reason)")
        }
    }

    @Test func qrCodeTooLongForAnySymbolIsABarcodeError() throws {
        // Version 40-L holds at most 2,953 bytes (ISO/IEC 18004 Table 7).
        let document = try ScratchLayouts(yaml: Self.head + "  - qr: \"{t}\"\n    alt: Code\n",
                                          data: #"{"t": "\#(String(repeating: "x", count: 3000))"}"#).bind()
        do {
            _ = try Harness.layout(document)
            Issue.record("a QR code of 3,000 bytes was laid out")
        } catch let error as LayoutEngineError {
            #expect(error.code == .barcode)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test func uncoveredCharacterIsNamed() throws {
        let document = try ScratchLayouts(yaml: Self.head + "  - paragraph: \"Nom : {nom}\"\n",
                                          data: #"{"nom": "Wang 中文"}"#).bind()
        do {
            _ = try Harness.layout(document)
            Issue.record("a character no font covers was laid out")
        } catch let error as LayoutEngineError {
            #expect(error.code == .font)
            #expect(error.reason.contains("U+4E2D"), "\(error.reason)")
        }
    }
}
