import LayoutDefinitions
import Synchronization
import Typography

/// Shaped pieces by (text, font), shared by every document and thread: statements repeat the same
/// labels, dates and names of acts, so most pieces are shaped once per process. Bounded: emptied when it
/// reaches `limit` entries, which keeps memory flat over a long batch.
final class ShapeCache: Sendable {
    /// The text by its bytes and the font by its number, hashed once (`KeyDigest`).
    struct Key: Digested {
        let text: String
        let font: Int
        let digest: UInt64

        init(text: String, font: Int) {
            self.text = text
            self.font = font
            var d = KeyDigest()
            d.add(UInt64(font))
            d.add(text)
            digest = d.value
        }

        static func == (a: Key, b: Key) -> Bool {
            a.digest == b.digest && a.font == b.font && KeyDigest.sameBytes(a.text, b.text)
        }
    }

    private let table = Mutex(DigestTable<Key, TextPiece>())
    let limit: Int

    init(limit: Int = 200_000) { self.limit = limit }

    func piece(_ text: String, kind: TextPiece.Kind, font: ResolvedFont) throws(TypographyError) -> TextPiece {
        let key = Key(text: text, font: font.id)
        if let hit = table.withLock({ $0.get(key) }) { return hit }
        let runs = kind == .newline ? [] : try font.chain.shape(text)
        var width = 0.0
        for run in runs { width += Double(run.advanceSum) / Double(run.face.unitsPerEm) }
        let piece = TextPiece(kind: kind, runs: runs, widthPerPoint: width)
        table.withLock { t in
            if t.count >= limit { t.removeAll() }
            t.put(key, piece)
        }
        return piece
    }
}

/// A font family and style: what selects a `FontChain`.
struct FontKey: Hashable, Sendable {
    let family: String
    let bold: Bool
    let italic: Bool

    init(_ style: TextStyle) {
        family = style.fontFamily
        bold = style.bold
        italic = style.italic
    }
}

/// A font chain and the number that stands for its `FontKey` in shape-cache keys.
struct ResolvedFont: Sendable {
    let id: Int
    let chain: FontChain
}
