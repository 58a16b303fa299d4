import Testing
@testable import LayoutDefinitions

private let layoutText = """
document: {title: T}
body:
  - include: entete
  - image: logo.png
    alt: Logo
"""

private func scratch() -> Scratch {
    Scratch(["test.yaml": layoutText, "partials/entete.yaml": "- \"En-tête\"\n", "partials/inutile.yaml": "- \"x\"\n"],
            binary: ["assets/logo.png": tinyPNG, "assets/autre.png": tinyPNG])
}

@Suite("Layout versions")
struct VersionTests {
    @Test func versionIsAStableHexDigest() throws {
        let s = scratch()
        let a = try s.layout(), b = try s.layout()
        #expect(a.version == b.version && a.versionDigest == b.versionDigest)
        #expect(a.version.count == 16 && a.versionDigest.count == 64 && a.versionDigest.hasPrefix(a.version))
        #expect(a.version.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(a.dependencies == ["assets/logo.png", "partials/entete.yaml"])
        #expect(try a.bind([:]).layoutVersion == a.version)
    }

    @Test(arguments: [
        ("Layouts/test.yaml", Array((layoutText + "\n").utf8)),
        ("Layouts/partials/entete.yaml", Array("- \"En-tête !\"\n".utf8)),
        ("Layouts/assets/logo.png", tinyPNG + [0]),
        ("Fonts/Test.ttf", Array("not really a font, v2".utf8)),
        ("Fonts/Nouvelle.otf", Array("another font".utf8)),
        // The sample: the documents' shared font subsets are made from it.
        ("Layouts/samples/test.json", Array("{}".utf8)),
    ])
    func versionChangesWhenAUsedFileChanges(path: String, bytes: [UInt8]) throws {
        let s = scratch()
        let before = try s.layout().versionDigest
        s.write(path, bytes: bytes)
        #expect(try s.layout().versionDigest != before)
    }

    @Test(arguments: [
        ("Layouts/partials/inutile.yaml", Array("- \"y\"\n".utf8)),
        ("Layouts/assets/autre.png", tinyPNG + [1]),
        ("Layouts/samples/autre.json", Array("{}".utf8)),
        ("Fonts/LICENSE.txt", Array("licence".utf8)),
    ])
    func versionIgnoresFilesTheLayoutDoesNotUse(path: String, bytes: [UInt8]) throws {
        let s = scratch()
        let before = try s.layout().versionDigest
        s.write(path, bytes: bytes)
        #expect(try s.layout().versionDigest == before)
    }

    @Test func theSampleIsBoundAtLoadAndCarriedByEveryDocument() throws {
        let s = scratch()
        #expect(try s.layout().sample == nil)
        s.write("Layouts/samples/test.json", bytes: Array(#"{"nom": "Léa"}"#.utf8))
        let layout = try s.layout()
        let sample = try #require(layout.sample)
        #expect(layout.dependencies == ["assets/logo.png", "partials/entete.yaml", "samples/test.json"])
        #expect(sample.key == "test@" + layout.versionDigest)
        #expect(sample.document.layoutVersion == layout.version)
        #expect(try layout.bind([:]).sample === sample)
    }

    @Test func aSampleThatDoesNotBindIsALoadError() throws {
        let s = Scratch(["test.yaml": "document: {title: T}\nbody:\n  - \"{nom}\"\n"])
        #expect(try s.layout().sample == nil)
        s.write("Layouts/samples/test.json", bytes: Array(#"{"prenom": "Léa"}"#.utf8))
        let error = try #require(expectError { _ = try s.layout() })
        #expect(error.code == .missingData && error.dataPath == "nom", "\(error)")
        #expect(error.description.contains("samples/test.json"), "\(error)")
    }
}
