import Foundation
import LayoutDefinitions
@testable import LayoutEngine
import Testing

/// The byte path of `TextSegmenter` must give exactly the pieces of the `Character` path, and the
/// paragraph cache key must cover every field of the styles it writes.
@Suite struct TextSegmenterTests {
    /// Every scalar the byte path accepts, around the characters the rules look at.
    @Test func bytePathMatchesCharacterPathOnEverySimpleScalar() {
        let contexts = ["a#b", "a-#", "#-a", "1/#", "#/b", "a #", "# b", "#\u{00AD}a", "a\u{200B}#", "#\r\n#", "#"]
        var scalars: [Unicode.Scalar] = []
        for v in UInt32(0)...0x20CF where TextSegmenter.isSimple(v) {
            if let s = Unicode.Scalar(v) { scalars.append(s) }
        }
        var checked = 0
        for scalar in scalars {
            for context in contexts {
                let text = context.replacingOccurrences(of: "#", with: String(Character(scalar)))
                let bytes = Array(text.utf8)
                #expect(TextSegmenter.pieces(bytes) == TextSegmenter.characterPieces(text), "U+\(String(scalar.value, radix: 16)) in \(context.debugDescription)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    @Test func textOutsideTheSimpleSetTakesTheCharacterPath() {
        for text in ["e\u{0301}-tude", "-\u{0301}a", "a\u{0600}-b", "👍🏽 ok", "x\u{200D}-y", "Ğ-Ş", "אבי-כהן", "a\r\nb"] {
            #expect(TextSegmenter.pieces(Array(text.utf8)) == TextSegmenter.characterPieces(text), "\(text.debugDescription)")
        }
    }

    @Test func breakOpportunities() {
        let text = "Saint-Étienne 01/10/2026 porte\u{00AD}monnaie"
        let pieces = TextSegmenter.pieces(Array(text.utf8))
        let words = pieces.map { String(decoding: Array(text.utf8)[$0.start..<$0.end], as: UTF8.self) }
        #expect(words == ["Saint-", "Étienne", " ", "01/10/2026", " ", "porte\u{00AD}", "monnaie"])
        #expect(pieces[0].breakAfter && !pieces[1].breakAfter && pieces[5].softHyphen)
    }

    /// `ParagraphCache.key` writes these styles field by field: a new field must be written too, or two
    /// paragraphs differing only by it would share a cached layout.
    @Test func cacheKeyCoversEveryStyleField() {
        #expect(Mirror(reflecting: TextStyle()).children.count == 5)
        #expect(Mirror(reflecting: FontFamily("DejaVu Sans")).children.count == 1)
        #expect(Mirror(reflecting: ParagraphStyle()).children.count == 5)
        #expect(Mirror(reflecting: RGB.black).children.count == 3)
    }

    @Test func cacheKeysCompareBytes() {
        func key(_ text: String, size: Double = 10, width: Double = 100) -> CacheKey? {
            let span = BoundSpan(content: .text(text), style: TextStyle(size: size))
            return ParagraphCache.key(BoundParagraph(spans: SpanList(span)), width: width, alignment: nil)
        }
        #expect(key("Dupré") == key("Dupré"))
        #expect(key("Dupré") != key("Dupre\u{0301}"), "canonically equivalent, different bytes: two keys")
        #expect(key("Dupré") != key("Dupré", size: 11))
        #expect(key("Dupré") != key("Dupré", width: 0) && key("a", width: 0) == key("a", width: -0.0))
        func key(_ style: TextStyle) -> CacheKey? {
            ParagraphCache.key(BoundParagraph(spans: SpanList(BoundSpan(content: .text("a"), style: style))), width: 100, alignment: nil)
        }
        #expect(key(TextStyle(fontFamily: "Test Serif")) == key(TextStyle(fontFamily: "Test Serif")))
        #expect(key(TextStyle(fontFamily: "Test Serif")) != key(TextStyle()), "the family is in the key")
        #expect(key(TextStyle(bold: true)) != key(TextStyle()) && key(TextStyle(italic: true)) != key(TextStyle(bold: true)))
        let two = ParagraphCache.key(BoundParagraph(spans: [BoundSpan(content: .text("ab"), style: TextStyle()),
                                                            BoundSpan(content: .text("c"), style: TextStyle())]),
                                     width: 100, alignment: nil)
        let split = ParagraphCache.key(BoundParagraph(spans: [BoundSpan(content: .text("a"), style: TextStyle()),
                                                              BoundSpan(content: .text("bc"), style: TextStyle())]),
                                       width: 100, alignment: nil)
        #expect(two != split)
        #expect(ParagraphCache.key(BoundParagraph(spans: [BoundSpan(content: .pageNumber, style: TextStyle())]),
                                   width: 100, alignment: nil) == nil)
    }
}
