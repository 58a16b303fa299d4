import Foundation
import Testing
import TestSupport
@testable import Typography

@Suite struct FallbackTests {
    /// DejaVu Sans cut down, with our own subsetter, to the glyphs of printable ASCII and Latin-1.
    static func latinOnlyFont(in dir: TemporaryDirectory) throws -> String {
        let face = try dejaVu.face(family: "DejaVu Sans")
        let scalars = (0x20...0x7E).map { $0 } + (0xA0...0xFF).map { $0 }
        let glyphs = scalars.map { Shaper.shape(String(Unicode.Scalar($0)!), face: face).glyphs[0] }
        #expect(!glyphs.contains(0))
        let subset = try Subsetter.subset(face, glyphs: glyphs, standalone: true)
        #expect(subset.newGlyphIDs.count == glyphs.count)
        let path = dir.file("LatinOnly.ttf")
        try writeFile(subset.bytes, to: path)
        return path
    }

    @Test func subsetFontCoversLatinOnly() throws {
        let dir = try TemporaryDirectory()
        let registry = try FontRegistry(paths: [try Self.latinOnlyFont(in: dir)])
        let latin = registry.faces[0]
        #expect(latin.covers("é") && latin.covers("A") && latin.covers("ÿ"))
        #expect(!latin.covers("Ε") && !latin.covers("Ж") && !latin.covers("€"))
        #expect(latin.glyphCount < 250)
        #expect(latin.glyphCount < dejaVu.faces[2].glyphCount / 10)
    }

    @Test func greekNameFallsBackToTheSecondFace() throws {
        let dir = try TemporaryDirectory()
        let registry = try FontRegistry(paths: [try Self.latinOnlyFont(in: dir), TestFiles.fontsDirectory + "/DejaVuSans.ttf"])
        // Both faces are family « DejaVu Sans »: a family-based chain would see one face only, so the
        // chain is built from the faces in order.
        let chain = FontChain(registry.faces)
        let runs = try chain.shape("Ελένη")
        #expect(runs.count == 1)
        #expect(runs[0].face === registry.faces[1])
        #expect(!runs[0].glyphs.contains(0))
        #expect(runs[0].glyphs.count == 5)

        let mixed = try chain.shape("Mme Ελένη Анна, née")
        #expect(mixed.map(\.text) == ["Mme ", "Ελένη", " ", "Анна", ", née"])
        #expect(mixed.map { $0.face === registry.faces[0] } == [true, false, true, false, true])
        #expect(mixed.allSatisfy { !$0.glyphs.contains(0) })
    }

    // DejaVu Sans has the emoticons of U+1F600…, but no CJK, no kana and no newer emoji.
    @Test(arguments: ["漢", "あ", "\u{1F9E1}"])
    func uncoveredCharacterNamesTheCodePointAndTheText(_ missing: String) throws {
        let chain = try dejaVu.chain(family: "DejaVu Sans")
        let text = "Nom : \(missing) Dupont"
        let hex = String(missing.unicodeScalars.first!.value, radix: 16, uppercase: true)
        #expect {
            _ = try chain.shape(text)
        } throws: { error in
            guard let e = error as? TypographyError else { return false }
            return e.code == .uncoveredCharacter && e.reason.contains("U+\(hex)") && e.reason.contains(text)
        }
    }
}

@Suite struct FontFileErrorTests {
    func loadError(_ paths: [String]) -> TypographyError? {
        do {
            _ = try FontRegistry(paths: paths)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingFontFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("Absent.ttf")
        let error = try #require(loadError([path]))
        #expect(error.code == .fontNotFound)
        #expect(error.reason.contains(path))
    }

    @Test func missingFontDirectory() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: TypographyError.self) { try FontRegistry(directory: dir.file("nowhere")) }
    }

    @Test func randomBytesAreNotAFont() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("Random.ttf")
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try writeFile(bytes, to: path)
        let error = try #require(loadError([path]))
        #expect(error.code == .fontCorrupt)
        #expect(error.reason.contains(path))
    }

    @Test func emptyFileIsNotAFont() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("Empty.ttf")
        try writeFile([UInt8](), to: path)
        let error = try #require(loadError([path]))
        #expect(error.code == .fontCorrupt)
        #expect(error.reason.contains(path))
    }

    @Test func truncatedFontIsRejected() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("Truncated.ttf")
        let whole = try Data(contentsOf: URL(fileURLWithPath: TestFiles.fontsDirectory + "/DejaVuSans.ttf"))
        try writeFile(whole.prefix(whole.count / 2), to: path)
        let error = try #require(loadError([path]), "a font cut in half must not load")
        #expect(error.code == .fontCorrupt)
        #expect(error.reason.contains(path))
    }
}

@Suite struct SubsetterTests {
    /// PDF subsets reuse pooled hb-subset inputs: a subset made after others (whose glyph sets were
    /// larger, smaller, or the same) is byte for byte the one made first.
    @Test func pooledInputsGiveTheSameSubset() throws {
        let face = try dejaVu.face(family: "DejaVu Sans")
        let glyphs = Shaper.shape("Relevé mensuel", face: face).glyphs
        let sorted = Array(Set(glyphs)).sorted()
        let first = try Subsetter.subset(face, glyphs: sorted)
        for n in [1, 5, 40, 200] {
            _ = try Subsetter.subset(face, glyphs: (1...UInt16(n)).map { $0 * 7 })
        }
        let again = try Subsetter.subset(face, glyphs: sorted)
        #expect(again.bytes == first.bytes)
        #expect(again.newGlyphIDs == first.newGlyphIDs)
        #expect(Set(first.newGlyphIDs).count == sorted.count && !first.newGlyphIDs.contains(0))
    }
}

extension FallbackTests {
    /// The one-run test decodes UTF-8 by hand: it must say what the scalar-by-scalar rule says, for
    /// one-, two-, three- and four-byte characters, ignorables, marks, scripts beyond U+0370 and
    /// characters the face lacks (the Latin-only face lacks €, Greek and Cyrillic).
    @Test func oneRunTestAgreesWithTheScalarRule() throws {
        let dir = try TemporaryDirectory()
        let registry = try FontRegistry(paths: [try Self.latinOnlyFont(in: dir)])
        let faces = [registry.faces[0], try dejaVu.face(family: "DejaVu Sans")]
        let samples = ["", "Consultation", "1 019,94\u{202F}€", "Élodie Dupré-Lefèvre", "Ελένη", "Жанна", "œuvre",
                       "soft\u{AD}hyphen", "zero\u{200B}width", "e\u{301}", "ǅ", "ﬁ", "👍🏽", "日本", "مرحبا", "ğül Øster",
                       "tab\tand\nnewline", "\u{2019}apostrophe\u{00A0}:", "x\u{FE0F}", "Ω", "ʼ"]
        var agreeing = 0
        for face in faces {
            for text in samples {
                let expected = text.unicodeScalars.allSatisfy { s in
                    (s.value < 0x370 || Shaper.script(of: s) == nil) && (face.covers(s) || FontChain.isIgnorable(s))
                }
                #expect(FontChain.isOneRun(text, face: face) == expected, "« \(text) » with \(face.postScriptName)")
                if expected { agreeing += 1 }
            }
        }
        // Both answers occur: the samples test something.
        #expect(agreeing > 5 && agreeing < 2 * samples.count - 5)
    }
}
