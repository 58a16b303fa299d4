import Accounts
import Foundation
import LayoutDefinitions
import Portal
import TestSupport
import Typography

/// Issues documents through the `DocumentIssuer` façade into a temporary directory, and reads
/// them back with the real readers (poppler's `pdftotext`, `qpdf --check`).
struct DocumentHarness {
    let issuer: DocumentIssuer
    let output: TemporaryDirectory

    init(store: any AccountStore) throws {
        let root = TestFiles.packageRoot()
        issuer = DocumentIssuer(store: store,
                                library: try LayoutLibrary.load(directory: root + "/Layouts", fontsDirectory: root + "/Fonts"),
                                renderer: try DocumentRenderer(fonts: FontRegistry(directory: root + "/Fonts")))
        output = try TemporaryDirectory("paperasse-issued")
    }

    /// A rendered document: what the façade returned and the text poppler extracts, normalised
    /// (NFC, U+00A0 and U+202F folded to spaces, whitespace runs to one space).
    ///
    /// `pdftotext -raw` keeps the content stream's order, which is the layout's: row after row,
    /// cell after cell. The default mode guesses columns and, on a wide table, reads the left
    /// cells of every row before the right ones, so a row could not be checked as a whole.
    struct Rendered {
        let issued: IssuedDocument
        let path: String
        let text: String
    }

    func render(_ request: DocumentRequest, name: String) throws -> Rendered {
        let path = output.file(name + ".pdf")
        let issued = try issuer.issue(request, to: path)
        let extracted = try Tool.run("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"])
        guard extracted.exitCode == 0 else { throw NoSuchAccount(description: "pdftotext failed: \(extracted.combined)") }
        // A cell may break a line after a hyphen (« Émile-Zola »): rejoin it, as a reader does.
        let text = normalizedText(extracted.stdout).replacingOccurrences(of: "- ", with: "-")
        return Rendered(issued: issued, path: path, text: text)
    }

    /// The refusal for `request`, and the directory listing after it (which must stay empty).
    func refusal(_ request: DocumentRequest, name: String) throws -> (error: IssueError?, files: [String]) {
        var refusal: IssueError?
        do throws(IssueError) {
            _ = try issuer.issue(request, to: output.file(name + ".pdf"))
        } catch {
            refusal = error
        }
        return (refusal, try output.listing())
    }
}
