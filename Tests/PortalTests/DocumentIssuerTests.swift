import Accounts
import Foundation
import Portal
import TestSupport
import Testing

@Suite("Documents: the issuing façade")
struct DocumentIssuerTests {
    typealias S = SeededAccounts

    @Test("same request, same day: same id and bytes; SHA-256 as sha256sum says; size and pages as read; PDF/A-2b")
    func deterministic() async throws {
        let seeded = try await SeededAccounts(accounts: 40)
        let nir = try #require(seeded.summaries.first?.nir13)
        let harness = try DocumentHarness(store: seeded.store)
        let request = DocumentRequest(kind: .releveAnnuel, nir13: nir, today: S.today, year: 2026)
        let first = try harness.render(request, name: "a"), second = try harness.render(request, name: "b")
        #expect(first.issued == second.issued)
        #expect(first.issued.id.hasPrefix("RA-20261126-"))
        let sum = try Tool.run("sha256sum", [first.path])
        #expect(sum.stdout.split(separator: " ").first.map(String.init) == first.issued.sha256)
        let size = try FileManager.default.attributesOfItem(atPath: first.path)[.size] as? Int
        #expect(size == first.issued.bytes)
        let pdfa = try PDFTools.pdfaCheck(first.path)
        #expect(pdfa.passed, "\(pdfa.findings)")
        let pages = try PDFTools.pdfinfo(first.path)["Pages"]
        #expect(pages == String(first.issued.pages))
        let other = try harness.render(DocumentRequest(kind: .releveAnnuel, nir13: nir, today: S.today, year: 2025), name: "c")
        #expect(other.issued.id != first.issued.id && other.issued.sha256 != first.issued.sha256)
    }

    @Test("a missing parameter or a mention the document does not carry: invalid request, no file")
    func invalidRequests() async throws {
        let seeded = try await SeededAccounts(accounts: 40)
        let nir = try #require(seeded.summaries.first?.nir13)
        let harness = try DocumentHarness(store: seeded.store)
        let noMonth = try harness.refusal(DocumentRequest(kind: .releveMensuel, nir13: nir, today: S.today), name: "m")
        #expect(noMonth.error?.reason == "Le relevé mensuel demande un mois (--month AAAA-MM).")
        let cssOnIJ = try harness.refusal(DocumentRequest(kind: .attestationIJ, nir13: nir, today: S.today, from: S.today, to: S.today,
                                                          mentions: [.css]), name: "ij")
        #expect(cssOnIJ.error?.code == "requete-invalide")
        #expect(cssOnIJ.error?.reason == "La mention « complémentaire santé solidaire » ne figure pas sur ce document (attestation-ij).")
        let unknown = try harness.refusal(DocumentRequest(kind: .attestationDroits, nir13: "1990199999999", today: S.today), name: "x")
        #expect(unknown.error?.code == "compte-inconnu")
        #expect(noMonth.files.isEmpty && cssOnIJ.files.isEmpty && unknown.files.isEmpty)
    }

    @Test("an unwritable destination fails before the rules: the CEAM certificate is not spent")
    func unwritableDestination() async throws {
        let seeded = try await SeededAccounts(accounts: 40)
        let nir = try seeded.first("an insured without certificate, rights open") { nir in
            let open = try seeded.store.rightsPeriods(nir13: nir).contains { $0.beneficiaryRank == 1 && $0.covers(S.today) }
            return try open && seeded.store.ceamCertificates(nir13: nir).isEmpty
        }
        let harness = try DocumentHarness(store: seeded.store)
        var failure: IssueError?
        do throws(IssueError) {
            _ = try harness.issuer.issue(DocumentRequest(kind: .ceamProvisoire, nir13: nir, today: S.today, departure: S.today),
                                         to: harness.output.file("missing/cp.pdf"))
        } catch { failure = error }
        #expect(failure?.code == "echec-edition")
        #expect(try seeded.store.ceamCertificates(nir13: nir).isEmpty)
    }
}
