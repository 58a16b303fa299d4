import Accounts
import Foundation
import LayoutDefinitions
import PDFRender

/// Issues a document end to end: applies the portal's rules to the store's data, binds the
/// kind's layout, renders the PDF to a file and fingerprints it.
///
/// The file appears only complete (the renderer writes a temporary file renamed into place); on a
/// refusal nothing is written, and on a failure after rendering the file is removed.
public struct DocumentIssuer: Sendable {
    public let store: any AccountStore
    public let library: LayoutLibrary
    public let renderer: DocumentRenderer

    public init(store: any AccountStore, library: LayoutLibrary, renderer: DocumentRenderer) {
        self.store = store
        self.library = library
        self.renderer = renderer
    }

    /// `inspect` sees the layout data before rendering (`paperasse render --data-out`, which is
    /// how `Layouts/samples/*.json` are made from seeded accounts).
    public func issue(_ request: DocumentRequest, to path: String,
                      inspect: (DataValue) -> Void = { _ in }) throws(IssueError) -> IssuedDocument {
        // The layout is looked up before the rules run: the CEAM certificate is recorded as
        // delivered by its rules, and must not be consumed by a request that cannot be printed.
        let layout: Layout
        do { layout = try library.layout(named: request.kind.layoutName) } catch {
            throw .failed("La mise en page « \(request.kind.layoutName) » est introuvable : \(error.reason)")
        }
        // Checked before the rules for the same reason: an unwritable destination is known now.
        let directory = (path as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: directory.isEmpty ? "." : directory) else {
            throw .failed("Le dossier de destination « \(directory) » n'existe pas ou n'est pas accessible en écriture.")
        }
        let id = Self.documentID(request)
        let prepared = try DocumentData.build(request, id: id, store: store)
        let data = prepared.data
        inspect(data)
        // Rendered in memory (an attestation is tens of kilobytes), fingerprinted from those bytes,
        // then written atomically: the file appears complete or not at all, and is never read back.
        let result: RenderResult
        do {
            let bound = try layout.bind(data)
            let today = request.today
            result = try renderer.render(bound, date: PDFDate(year: today.year, month: today.month, day: today.day),
                                         to: .memory)
            try Data(result.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .failed("Le document n'a pas pu être édité : \(error)")
        }
        // Only now that the document exists is its delivery recorded (the CEAM certificate, once per
        // beneficiary); if another request won the race, this document is withdrawn.
        if let commit = prepared.commit {
            do throws(Refusal) { try commit() } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw .refused(error)
            }
        }
        return IssuedDocument(id: id, kind: request.kind, pages: result.pageCount, bytes: result.byteCount,
                              sha256: Fingerprint.sha256Hex(result.bytes))
    }

    /// « RM-20261126-3F1C9A0B7D »: the kind, the day of issue, and a hash of the request, so the
    /// same request the same day gives the same id (and the same bytes), and no clock is read.
    static func documentID(_ request: DocumentRequest) -> String {
        let hash = Fingerprint.sha256Hex(request.canonical.utf8).prefix(10).uppercased()
        let t = request.today
        let day = String(t.year * 10_000 + t.month * 100 + t.day)
        return "\(request.kind.idPrefix)-\(day)-\(hash)"
    }
}
