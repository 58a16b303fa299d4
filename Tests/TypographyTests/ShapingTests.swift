import Foundation
import Testing
import TestSupport
@testable import Typography

/// The fonts of the package, loaded once for the suite (loading is the slow part).
let dejaVu: FontRegistry = {
    do { return try FontRegistry(directory: TestFiles.fontsDirectory) } catch { fatalError("\(error)") }
}()

@Suite struct ShapingTests {
    let regular: Face

    init() throws {
        regular = try dejaVu.face(family: "DejaVu Sans")
    }

    /// The glyph the cmap gives one character on its own.
    func nominalGlyph(_ s: String) -> UInt16 {
        let shaped = Shaper.shape(s, face: regular)
        precondition(shaped.glyphs.count == 1)
        return shaped.glyphs[0]
    }

    @Test func registryLoadsTheThreeFacesInFileNameOrder() throws {
        #expect(dejaVu.faces.map(\.postScriptName) == ["DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans"])
        let bold = try dejaVu.face(family: "DejaVu Sans", bold: true)
        #expect(bold.isBold && !bold.isItalic)
        let italic = try dejaVu.face(family: "DejaVu Sans", italic: true)
        #expect(italic.isItalic)
        #expect(!regular.isBold && !regular.isItalic)
        #expect(regular.unitsPerEm == 2048)
    }

    @Test func fiLigature() throws {
        let shaped = Shaper.shape("fichier", face: regular)
        let fi = nominalGlyph("\u{FB01}")
        #expect(fi != 0)
        #expect(shaped.glyphs.count == 6, "7 characters, one ligature")
        #expect(shaped.glyphs.first == fi)
        #expect(shaped.glyphs.dropFirst() == ArraySlice(["c", "h", "i", "e", "r"].map(nominalGlyph)))
        // The ligature's cluster starts at « f »; the next glyph's at « c », two bytes later.
        #expect(shaped.clusters == [0, 2, 3, 4, 5, 6])
    }

    @Test func fflLigature() throws {
        let shaped = Shaper.shape("affluence", face: regular)
        let ffl = nominalGlyph("\u{FB04}")
        #expect(ffl != 0)
        #expect(shaped.glyphs.count == 7, "9 characters, one three-letter ligature")
        #expect(shaped.glyphs[1] == ffl)
        #expect(shaped.clusters == [0, 1, 4, 5, 6, 7, 8])
    }

    @Test func chainShapesTheSameAsTheShaperForCoveredText() throws {
        let chain = try dejaVu.chain(family: "DejaVu Sans")
        let runs = try chain.shape("affluence")
        #expect(runs.count == 1)
        #expect(runs[0].face === regular)
        #expect(runs[0].glyphs == Shaper.shape("affluence", face: regular).glyphs)
    }

    @Test func kerningOfAV() {
        let shaped = Shaper.shape("AV", face: regular)
        #expect(shaped.glyphs == [nominalGlyph("A"), nominalGlyph("V")])
        let nominal = regular.advance(of: shaped.glyphs[0])
        #expect(nominal > 0)
        #expect(shaped.advances[0] < nominal, "A before V is kerned closer (GPOS)")
        // On its own, A keeps its nominal advance.
        #expect(Shaper.shape("A", face: regular).advances[0] == nominal)
    }

    @Test func accentedLettersArePrecomposedGlyphs() throws {
        // « é » written decomposed still shapes to one glyph through the font's composition.
        let decomposed = Shaper.shape("e\u{301}", face: regular)
        #expect(decomposed.glyphs.count == 1)
        #expect(decomposed.glyphs[0] == nominalGlyph("é"))
    }

    @Test func glyphRunCarriesShapingAndWidth() {
        let shaped = Shaper.shape("Noël", face: regular)
        let run = shaped.glyphRun(size: 10, origin: .init(x: 5, y: 7), color: .black)
        #expect(run.shaped.glyphs == shaped.glyphs)
        #expect(run.shaped.text == "Noël")
        #expect(run.unitsPerEm == 2048)
        let expected = Double(shaped.advances.reduce(0, +)) * 10 / 2048
        #expect(abs(run.width - expected) < 1e-9)
        #expect(run.width > 15 && run.width < 30)
    }
}

extension ShapingTests {
    /// Script itemization (UAX #24): Arabic inside a French line is its own run, shaped as Arabic, right
    /// to left, so its letters join exactly as in the name alone.
    @Test func arabicInsideAFrenchLineJoinsLikeArabicAlone() throws {
        let chain = try dejaVu.chain(family: "DejaVu Sans")
        let alone = try chain.shape("محمد")
        #expect(alone.count == 1)
        let mixed = try chain.shape("Nom : محمد")
        #expect(mixed.count == 2, "one face covers both, but Latin and Arabic are shaped as two runs")
        #expect(mixed.last?.isRightToLeft == true && mixed.first?.isRightToLeft == false)
        // Arabic alone gets contextual forms: none of its glyphs is the isolated form of its letter.
        let isolated = Set("محمد".unicodeScalars.map { Shaper.shape(String($0), face: regular).glyphs[0] })
        #expect(Set(alone[0].glyphs).isDisjoint(with: isolated))
        #expect(mixed.last?.glyphs == alone[0].glyphs, "the same joined forms as the name alone")
    }
}
