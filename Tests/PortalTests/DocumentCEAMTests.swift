import Accounts
import Portal
import TestSupport
import Testing

@Suite("Documents: certificat provisoire de remplacement de la CEAM")
struct DocumentCEAMTests {
    typealias S = SeededAccounts

    /// An insured with open rights, a card, and no certificate delivered yet.
    static func candidate(_ seeded: SeededAccounts) throws -> String {
        try seeded.first("an insured with a CEAM, open rights and no certificate") { nir in
            let open = try seeded.store.rightsPeriods(nir13: nir).contains { $0.beneficiaryRank == 1 && $0.covers(S.today) }
            let card = try seeded.store.ceamCards(nir13: nir).contains { $0.beneficiaryRank == 1 }
            return try open && card && seeded.store.ceamCertificates(nir13: nir).isEmpty
        }
    }

    @Test("the EU model's fields in order, validity (a) (b) (c), the stamp box; a second request is refused")
    func fieldsThenOnce() async throws {
        let seeded = try await SeededAccounts()
        let nir = try Self.candidate(seeded)
        let harness = try DocumentHarness(store: seeded.store)
        let departure = S.today.adding(days: 15)  // the last day the window allows
        let doc = try harness.render(DocumentRequest(kind: .ceamProvisoire, nir13: nir, today: S.today, departure: departure), name: "cp")
        let check = try PDFTools.qpdfCheck(doc.path)
        #expect(check.clean, "\(check.output)")
        let insured = try #require(try seeded.store.insured(nir13: nir))
        let card = try #require(try seeded.store.ceamCards(nir13: nir).first { $0.beneficiaryRank == 1 })
        let number = stride(from: 0, to: 20, by: 4).map { i in String(Array(card.cardNumber)[i..<i + 4]) }.joined(separator: " ")
        let fields = [
            "2. État membre émetteur FR",
            "3. Nom \(insured.displayLastName.uppercased())",
            "4. Prénoms \(insured.firstName)",
            "5. Date de naissance \(Expected.short(insured.birthDate))",
            "6. Numéro d'identification personnel \(Expected.nir(nir))",
            "7. Numéro d'identification de l'institution et sigle \(insured.caisseCode) — ",
            "8. Numéro d'identification de la carte \(number)",
            "9. Date d'expiration \(Expected.short(card.expiry))",
        ]
        // In the model's order: each field after the previous one.
        var cursor = doc.text.startIndex
        for field in fields {
            let found = doc.text.range(of: field, range: cursor..<doc.text.endIndex)
            #expect(found != nil, "missing or out of order « \(field) »")
            if let found { cursor = found.upperBound }
        }
        // Three months from delivery, counted from the day before: 26 November → 25 February.
        expectText(doc.text, contains: "(a) du 26/11/2026 (b) au 25/02/2027 (c) Date de délivrance du certificat 26/11/2026")
        expectText(doc.text, contains: "Cachet et signature de l'institution")
        expectText(doc.text, contains: "pour un départ prévu le \(Expected.long(departure))")
        #expect(try seeded.store.ceamCertificates(nir13: nir).map(\.deliveredOn) == [S.today])

        let again = try harness.refusal(DocumentRequest(kind: .ceamProvisoire, nir13: nir, today: S.day("2026-11-28"), departure: S.day("2026-12-01")), name: "again")
        #expect(again.error?.code == "certificat-deja-delivre")
        #expect(again.error?.reason == "Un certificat provisoire a déjà été délivré en ligne le 26 novembre 2026 pour \(insured.firstName) : il ne peut l'être qu'une fois, contactez votre caisse.")
        #expect(again.files == ["cp.pdf"])
    }

    @Test("departure more than 15 days ahead: refused, no file, nothing recorded")
    func departureTooFar() async throws {
        let seeded = try await SeededAccounts()
        let nir = try Self.candidate(seeded)
        let harness = try DocumentHarness(store: seeded.store)
        let (error, files) = try harness.refusal(DocumentRequest(kind: .ceamProvisoire, nir13: nir, today: S.today, departure: S.today.adding(days: 16)), name: "far")
        #expect(error?.code == "depart-trop-lointain")
        #expect(error?.reason == "Le certificat provisoire ne peut être demandé que dans les 15 jours précédant le départ : faites votre demande à partir du 27 novembre 2026.")
        #expect(files.isEmpty)
        #expect(try seeded.store.ceamCertificates(nir13: nir).isEmpty)
    }

    @Test("a certificate already delivered (seeded), closed rights: refused, no file")
    func seededRefusals() async throws {
        let seeded = try await SeededAccounts()
        let harness = try DocumentHarness(store: seeded.store)
        let delivered = try seeded.first("a certificate already delivered") { try !seeded.store.ceamCertificates(nir13: $0).isEmpty }
        let rank = try #require(try seeded.store.ceamCertificates(nir13: delivered).first?.beneficiaryRank)
        let second = try harness.refusal(DocumentRequest(kind: .ceamProvisoire, nir13: delivered, today: S.today, beneficiaryRank: rank, departure: S.today), name: "second")
        #expect(second.error?.code == "certificat-deja-delivre")
        #expect(second.files.isEmpty)
        let closed = try seeded.first("closed rights and no certificate") { nir in
            let own = try seeded.store.rightsPeriods(nir13: nir).filter { $0.beneficiaryRank == 1 }
            let certificates = try seeded.store.ceamCertificates(nir13: nir)
            return !own.contains { $0.covers(S.today) } && certificates.isEmpty
        }
        let refused = try harness.refusal(DocumentRequest(kind: .ceamProvisoire, nir13: closed, today: S.today, departure: S.today), name: "closed")
        #expect(refused.error?.code == "droits-fermes")
        #expect(refused.error?.reason.hasSuffix("le certificat provisoire ne peut pas être délivré.") == true)
        #expect(refused.files.isEmpty)
    }

    /// The delivery is recorded only once the PDF exists, and the database decides between concurrent
    /// requests: of six simultaneous requests for one beneficiary, exactly one leaves a document and a
    /// record; the others are refused and leave no file.
    @Test("concurrent requests: one document, one record, the others refused without a file")
    func concurrentRequestsIssueOnce() async throws {
        let seeded = try await SeededAccounts()
        let nir = try Self.candidate(seeded)
        let harness = try DocumentHarness(store: seeded.store)
        let request = DocumentRequest(kind: .ceamProvisoire, nir13: nir, today: S.today, departure: S.today.adding(days: 3))
        let outcomes = await withTaskGroup(of: String?.self) { group in
            for i in 0..<6 {
                group.addTask {
                    do throws(IssueError) {
                        _ = try harness.issuer.issue(request, to: harness.output.file("cp-\(i).pdf"))
                        return nil
                    } catch {
                        return error.code
                    }
                }
            }
            var codes: [String?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == "certificat-deja-delivre" })
        let files = try harness.output.listing()
        #expect(files.count == 1 && files.allSatisfy { $0.hasPrefix("cp-") && $0.hasSuffix(".pdf") }, "\(files)")
        #expect(try seeded.store.ceamCertificates(nir13: nir).filter { $0.beneficiaryRank == 1 }.count == 1)
    }
}
