import LayoutDefinitions
import Synchronization
import Typography

/// Shaped pieces by (text, font style), shared by every document and thread: statements repeat the
/// same labels, dates and names of acts, so most pieces are shaped once per process. Bounded: emptied
/// when it reaches `limit` entries, which keeps memory flat over a long batch.
final class ShapeCache: Sendable {
    struct Key: Hashable, Sendable {
        let text: String
        let font: FontKey
    }

    private let table = Mutex<[Key: TextPiece]>([:])
    let limit: Int

    init(limit: Int = 200_000) { self.limit = limit }

    func piece(_ text: Substring, kind: TextPiece.Kind, font: FontKey, chain: FontChain) throws(TypographyError) -> TextPiece {
        let key = Key(text: String(text), font: font)
        if let hit = table.withLock({ $0[key] }) { return hit }
        let runs = kind == .newline ? [] : try chain.shape(String(text))
        var width = 0.0
        for run in runs { width += Double(run.advanceSum) / Double(run.face.unitsPerEm) }
        let piece = TextPiece(kind: kind, runs: runs, widthPerPoint: width)
        table.withLock { t in
            if t.count >= limit { t.removeAll(keepingCapacity: true) }
            t[key] = piece
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
