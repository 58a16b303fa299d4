import Foundation
import Testing
@testable import LayoutDefinitions

/// Loads `test.yaml` with the given text and returns the load error.
private func loadError(_ yaml: String, files: [String: String] = [:]) -> LayoutError? {
    var all = files
    all["test.yaml"] = yaml
    let scratch = Scratch(all, binary: ["assets/logo.png": tinyPNG, "assets/notpng.png": Array("GIF89a".utf8)])
    return expectError { _ = try scratch.load() }
}

private func location(_ error: LayoutError?) -> String? {
    guard let s = error?.sourceLocation else { return nil }
    return "\(s.file.split(separator: "/").last!):\(s.line):\(s.column)"
}

@Suite("Layout errors")
struct LayoutErrorTests {
    @Test func yamlSyntaxError() throws {
        let error = try #require(loadError("document:\n  title: \"Test\n  lang: fr\nbody: []\n"))
        #expect(error.code == .yamlSyntax)
        #expect(error.sourceLocation?.file.hasSuffix("/test.yaml") == true)
        // libyaml detects the unterminated quote at the end of the stream (5:1) and names
        // where the scalar began.
        #expect(location(error) == "test.yaml:5:1")
        #expect(error.reason.contains("started at line 2, column 10"))
        #expect(error.description.contains("test.yaml:"))
    }

    @Test func badIndentationIsASyntaxError() throws {
        let error = try #require(loadError("document:\n  title: T\n body: []\n"))
        #expect(error.code == .yamlSyntax)
        #expect(error.sourceLocation?.line == 3)
    }

    @Test func unknownElementWithSuggestion() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - paragrahp: \"x\"\n"))
        #expect(error.code == .unknownElement)
        #expect(location(error) == "test.yaml:4:5")
        #expect(error.reason.contains("did you mean 'paragraph'?"))
    }

    @Test func unknownElementFarFromAnyHasNoSuggestion() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - zzzzzz: 1\n"))
        #expect(error.code == .unknownElement)
        #expect(!error.reason.contains("did you mean"))
    }

    @Test func unknownAttributeWithSuggestion() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - paragraph: \"x\"\n    alig: right\n"))
        #expect(error.code == .unknownAttribute)
        #expect(location(error) == "test.yaml:5:5")
        #expect(error.reason.contains("did you mean 'align'?"))
    }

    @Test func unknownTopLevelSection() throws {
        let error = try #require(loadError("document:\n  title: T\nfooterr: {}\nbody: []\n"))
        #expect(error.code == .unknownAttribute)
        #expect(location(error) == "test.yaml:3:1")
        #expect(error.reason.contains("did you mean 'footer'?"))
    }

    @Test func badExpressionPointsInsideTheString() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - paragraph: \"Total : {total |}\"\n"))
        #expect(error.code == .badExpression)
        // Line 4: the quote is at column 16, the text starts at 17, and the missing formatter
        // name is reported where the expression ends, at the '}' (offset 16 in the text).
        #expect(location(error) == "test.yaml:4:33")
    }

    @Test func formatterOnWrongLiteralTypeAtParseTime() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - \"{'abc' | euros}\"\n"))
        #expect(error.code == .formatterType)
        #expect(location(error) == "test.yaml:4:15")
    }

    @Test func unknownFormatter() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - \"{x | mois_long}\"\n"))
        #expect(error.code == .unknownFormatter)
        #expect(location(error) == "test.yaml:4:11")
    }

    @Test func missingPartial() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - include: entete\n"))
        #expect(error.code == .missingPartial)
        #expect(location(error) == "test.yaml:4:14")
        #expect(error.reason.contains("partials/entete.yaml"))
    }

    @Test func missingAsset() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - image: absent.png\n    alt: A\n"))
        #expect(error.code == .missingAsset)
        #expect(location(error) == "test.yaml:4:12")
    }

    @Test func assetThatIsNotAPNG() throws {
        #expect(loadError("document:\n  title: T\nbody:\n  - image: notpng.png\n    alt: A\n")?.code == .invalidValue)
    }

    @Test(arguments: ["../secret.yaml", "/etc/passwd", "a/../../b", "./letterhead", "~/x", "a\\b"])
    func includePathEscapesAreRejected(path: String) throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - include: '\(path)'\n"))
        #expect(error.code == .pathEscape)
        #expect(location(error) == "test.yaml:4:14")
    }

    @Test(arguments: ["../test.yaml", "/etc/hostname", "sub/../../x.png"])
    func assetPathEscapesAreRejected(path: String) throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - image: '\(path)'\n    alt: A\n"))
        #expect(error.code == .pathEscape)
    }

    @Test func includeCycleIsReported() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - include: a\n",
                                           files: ["partials/a.yaml": "- include: b\n", "partials/b.yaml": "- include: a\n"]))
        #expect(error.code == .includeCycle)
        #expect(location(error) == "b.yaml:1:12")
        #expect(error.reason.contains("partials/a.yaml → partials/b.yaml → partials/a.yaml"))
    }

    @Test func errorsInsideAPartialNameThePartialFile() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - include: p\n",
                                           files: ["partials/p.yaml": "blocks:\n  - paragraph: x\n    colour: red\n"]))
        #expect(error.code == .unknownAttribute)
        #expect(location(error) == "p.yaml:3:5")
        #expect(error.sourceLocation?.file.hasSuffix("partials/p.yaml") == true)
        #expect(error.reason.contains("did you mean 'color'?"))
    }

    @Test func unknownStyleWithSuggestion() throws {
        let error = try #require(loadError("document:\n  title: T\nstyles:\n  titre: {size: 15}\nbody:\n  - paragraph: x\n    style: titr\n"))
        #expect(error.code == .unknownStyle)
        #expect(location(error) == "test.yaml:7:12")
        #expect(error.reason.contains("did you mean 'titre'?"))
    }

    @Test func styleInheritanceLoop() throws {
        let error = try #require(loadError("document:\n  title: T\nstyles:\n  a: {parent: b}\n  b: {parent: a}\nbody: []\n"))
        #expect(error.code == .invalidValue)
        #expect(error.reason.contains("loop"))
    }

    @Test func imageWithoutAltText() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - image: logo.png\n"))
        #expect(error.code == .missingAttribute)
        #expect(error.reason.contains("alt"))
    }

    @Test func tableRowWithWrongColspanTotal() throws {
        let yaml = """
        document:
          title: T
        body:
          - table:
              columns: [{width: 10}, {width: 20}]
              total: [{text: Total, colspan: 3}]
        """
        let error = try #require(loadError(yaml))
        #expect(error.code == .invalidValue)
        #expect(location(error) == "test.yaml:6:14")
        #expect(error.reason.contains("span 3 columns, the table has 2"))
    }

    @Test func badColourAndBadNumber() throws {
        #expect(loadError("document:\n  title: T\nbody:\n  - rule: 1\n    color: '#12345'\n")?.code == .invalidValue)
        #expect(location(loadError("document:\n  title: T\nbody:\n  - spacer: beaucoup\n")) == "test.yaml:4:13")
    }

    @Test func badLoopHeader() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - paragraph: x\n    for: l of lignes\n"))
        #expect(error.code == .badExpression)
        #expect(location(error) == "test.yaml:5:10")
    }

    @Test func missingTitleAndBody() throws {
        #expect(loadError("document: {lang: fr}\nbody: []\n")?.code == .missingAttribute)
        #expect(loadError("document: {title: T}\n")?.code == .missingAttribute)
    }

    @Test func unquotedBraceTextGivesAHint() throws {
        let error = try #require(loadError("document:\n  title: T\nbody:\n  - paragraph: {titre}\n"))
        #expect(error.code == .invalidValue)
        #expect(error.reason.contains("quote text that starts with '{'"))
    }

    @Test func unknownLayoutName() throws {
        let library = try Scratch(["releve.yaml": "document: {title: T}\nbody: []\n"]).load()
        let error = try #require(expectError { _ = try library.layout(named: "relevé") })
        #expect(error.code == .unknownLayout)
        #expect(error.reason.contains("did you mean 'releve'?"))
    }
}

@Suite("Layout errors (files and checks)")
struct LayoutFileErrorTests {
    @Test func duplicateKeysAreSyntaxErrors() throws {
        let scratch = Scratch(["test.yaml": "document: {title: T}\nbody: []\nbody: []\n"])
        let error = try #require(expectError { _ = try scratch.load() })
        #expect(error.code == .yamlSyntax)
        #expect(error.reason.contains("body"))
    }

    @Test func symbolicLinksLeadingOutsideAreRefused() throws {
        let scratch = Scratch(["test.yaml": "document: {title: T}\nbody:\n  - image: lien.png\n    alt: A\n"])
        let outside = (scratch.directory as NSString).deletingLastPathComponent + "/dehors.png"
        _ = FileManager.default.createFile(atPath: outside, contents: Data(tinyPNG))
        try FileManager.default.createSymbolicLink(atPath: scratch.directory + "/assets/lien.png", withDestinationPath: outside)
        let error = try #require(expectError { _ = try scratch.load() })
        #expect(error.code == .pathEscape)
        #expect(error.sourceLocation?.line == 3)
    }

    @Test func checkReportsMissingSamplesAndMissingData() throws {
        let scratch = Scratch([
            "a.yaml": "document: {title: T}\nbody:\n  - \"{assure.nom}\"\n",
            "b.yaml": "document: {title: T}\nbody: []\n",
            "samples/a.json": "{\"assure\": {\"prenom\": \"Léa\"}}",
        ])
        let errors = LayoutLibrary.check(directory: scratch.directory, fontsDirectory: scratch.fonts)
        #expect(errors.map(\.code) == [.missingData, .io])
        #expect(errors.first?.dataPath == "assure.nom")
        #expect(errors.first?.sourceLocation?.line == 3)
        #expect(errors.last?.reason.contains("samples/b.json") == true)
    }

    @Test func invalidJSONSampleNamesTheSampleFile() throws {
        let scratch = Scratch(["a.yaml": "document: {title: T}\nbody: []\n", "samples/a.json": "{\n  \"x\": ,\n}"])
        let errors = LayoutLibrary.check(directory: scratch.directory, fontsDirectory: scratch.fonts)
        #expect(errors.count == 1)
        #expect(errors.first?.code == .jsonSyntax)
        #expect(errors.first?.sourceLocation == SourceLocation(file: "samples/a.json", line: 2, column: 8))
    }
}
