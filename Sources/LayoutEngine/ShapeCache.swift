#if canImport(Glibc)
import Glibc
#endif
import Graphics
import LayoutDefinitions
import Synchronization
import Typography

/// Shaped pieces by (text, font), shared by every document and thread: statements repeat the same
/// labels, dates and names of acts, so most pieces are shaped once per process. Bounded: emptied when it
/// reaches `limit` entries, which keeps memory flat over a long batch.
final class ShapeCache: Sendable {
    /// The text by its bytes and the font by its number, hashed once (`KeyHasher`, eight bytes a step).
    struct Key: Digested {
        let text: String
        let font: Int
        let digest: UInt64

        init(text: String, font: Int, digest: UInt64) {
            self.text = text
            self.font = font
            self.digest = digest
        }

        static func digest(_ bytes: UnsafeRawBufferPointer, font: Int) -> UInt64 {
            var h = KeyHasher()
            h.word(UInt64(font))
            h.bytes(bytes)
            return h.digest.value
        }

        /// Whether this key is `bytes` in font `font`.
        func matches(_ bytes: UnsafeRawBufferPointer, font: Int) -> Bool {
            guard self.font == font, text.utf8.count == bytes.count else { return false }
            guard bytes.count > 0 else { return true }
            return text.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
                ?? text.utf8.elementsEqual(bytes)
        }

        static func == (a: Key, b: Key) -> Bool {
            a.digest == b.digest && a.font == b.font && KeyDigest.sameBytes(a.text, b.text)
        }
    }

    private let table = Mutex(DigestTable<Key, TextPiece>())
    let limit: Int

    init(limit: Int = 200_000) { self.limit = limit }

    func piece(_ text: String, kind: TextPiece.Kind, font: ResolvedFont) throws(TypographyError) -> TextPiece {
        let bytes = Array(text.utf8)
        let result: Result<TextPiece, TypographyError> = bytes.withUnsafeBytes { raw in
            do throws(TypographyError) { return .success(try piece(bytes: raw, kind: kind, font: font)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The piece of the text `bytes` (valid UTF-8). Looked up by the bytes themselves: its `String` is
    /// made only after a miss, to shape and to store.
    func piece(bytes: UnsafeRawBufferPointer, kind: TextPiece.Kind, font: ResolvedFont) throws(TypographyError) -> TextPiece {
        let digest = Key.digest(bytes, font: font.id)
        if let hit = table.withLock({ $0.get(digest: digest) { $0.matches(bytes, font: font.id) } }) { return hit }
        let text = String(decoding: bytes, as: UTF8.self)
        let runs = kind == .newline ? [] : try font.chain.shape(text)
        var width = 0.0
        for run in runs { width += Double(run.advanceSum) / Double(run.face.unitsPerEm) }
        let piece = TextPiece(kind: kind, runs: runs, widthPerPoint: width)
        table.withLock { t in
            if t.count >= limit { t.removeAll() }
            t.put(Key(text: text, font: font.id, digest: digest), piece)
        }
        return piece
    }
}

/// A font family and style: what selects a `FontChain`.
struct FontKey: Hashable, Sendable {
    let family: FontFamily
    let bold: Bool
    let italic: Bool

    init(_ style: TextStyle) {
        family = style.family
        bold = style.bold
        italic = style.italic
    }
}

/// A font chain and the number that stands for its `FontKey` in shape-cache keys.
struct ResolvedFont: Sendable {
    let id: Int
    let chain: FontChain
}
