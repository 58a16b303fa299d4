import Accounts
import Portal
import TestSupport
import Testing

@Suite("Documents: attestation de droits")
struct DocumentAttestationDroitsTests {
    typealias S = SeededAccounts

    /// An account whose insured has an ALD exonérante and the CSS at today, with ayants droit.
    static func familyWithMentions(_ seeded: SeededAccounts) throws -> String {
        try seeded.first("ALD exonérante, CSS and a family") { nir in
            let periods = try seeded.store.rightsPeriods(nir13: nir)
            let open = periods.filter { $0.beneficiaryRank == 1 && $0.covers(S.today) }
            return try seeded.store.beneficiaries(nir13: nir).count > 1
                && open.contains { $0.complementaireSanteSolidaire && $0.ald?.exonerationTicketModerateur == true && $0.ald!.since <= S.today }
        }
    }

    @Test("family: every open beneficiary with birth date and rights, the mentions that apply, qpdf clean")
    func family() async throws {
        let seeded = try await SeededAccounts()
        let nir = try Self.familyWithMentions(seeded)
        // The harness owns the output directory: keep it alive while qpdf reads the file.
        let harness = try DocumentHarness(store: seeded.store)
        let doc = try harness.render(DocumentRequest(kind: .attestationDroits, nir13: nir, today: S.today), name: "ad")
        let check = try PDFTools.qpdfCheck(doc.path)
        #expect(check.clean, "\(check.output)")
        let text = doc.text
        let insured = try #require(try seeded.store.insured(nir13: nir))
        expectText(text, contains: "N° de sécurité sociale : \(Expected.nir(nir))")
        expectText(text, contains: "code organisme \(insured.caisseCode)")
        expectText(text, contains: "Édité le \(Expected.long(S.today))")
        expectText(text, contains: doc.issued.id)
        let periods = try seeded.store.rightsPeriods(nir13: nir)
        for member in try seeded.store.beneficiaries(nir13: nir) {
            let lastName = member.rank == 1 ? insured.displayLastName : member.lastName
            let name = "\(member.firstName) \(lastName.uppercased())"
            guard let open = periods.last(where: { $0.beneficiaryRank == member.rank && $0.covers(S.today) }) else {
                expectText(text, lacks: name + " ")
                continue
            }
            expectText(text, contains: name)
            expectText(text, contains: "le \(Expected.long(member.birthDate))")
            let period = open.openTo.map { "Droits ouverts du \(Expected.long(open.openFrom)) au \(Expected.long($0))" }
                ?? "Droits ouverts depuis le \(Expected.long(open.openFrom)), sans date de fin"
            expectText(text, contains: period)
        }
        let ald = try #require(periods.first { $0.beneficiaryRank == 1 && $0.covers(S.today) }?.ald)
        expectText(text, contains: "Affection de longue durée reconnue depuis le \(Expected.long(ald.since)).")
        expectText(text, contains: "Exonération du ticket modérateur")
        expectText(text, contains: "Bénéficiaire de la complémentaire santé solidaire.")
    }

    @Test("--mention ald prints the ALD only: neither the CSS nor the exonération")
    func chosenMentions() async throws {
        let seeded = try await SeededAccounts()
        let nir = try Self.familyWithMentions(seeded)
        let request = DocumentRequest(kind: .attestationDroits, nir13: nir, today: S.today, beneficiaryRank: 1, mentions: [.ald])
        let text = try DocumentHarness(store: seeded.store).render(request, name: "ad-ald").text
        expectText(text, contains: "Affection de longue durée reconnue depuis le")
        expectText(text, lacks: "complémentaire santé solidaire")
        expectText(text, lacks: "Exonération du ticket modérateur")
    }

    @Test("an account without ALD: no ALD mention; asking for it is refused, no file")
    func noALD() async throws {
        let seeded = try await SeededAccounts()
        let nir = try seeded.first("open rights without ALD nor CSS") { nir in
            let own = try seeded.store.rightsPeriods(nir13: nir).filter { $0.beneficiaryRank == 1 && $0.covers(S.today) }
            return !own.isEmpty && own.allSatisfy { $0.ald == nil && !$0.complementaireSanteSolidaire }
        }
        let harness = try DocumentHarness(store: seeded.store)
        let text = try harness.render(DocumentRequest(kind: .attestationDroits, nir13: nir, today: S.today, beneficiaryRank: 1), name: "plain").text
        expectText(text, lacks: "Affection de longue durée")
        expectText(text, lacks: "complémentaire santé solidaire")
        let other = try DocumentHarness(store: seeded.store)
        let (error, files) = try other.refusal(DocumentRequest(kind: .attestationDroits, nir13: nir, today: S.today, mentions: [.ald]), name: "ald")
        #expect(error?.code == "requete-invalide")
        #expect(error?.reason.contains("affection de longue durée") == true)
        #expect(files.isEmpty)
    }

    @Test("closed rights: the rules' refusal, its reason, and no file")
    func closedRights() async throws {
        let seeded = try await SeededAccounts()
        let nir = try seeded.first("closed rights") { nir in
            let own = try seeded.store.rightsPeriods(nir13: nir).filter { $0.beneficiaryRank == 1 }
            return !own.isEmpty && !own.contains { $0.covers(S.today) }
        }
        let ended = try #require(try seeded.store.rightsPeriods(nir13: nir).filter { $0.beneficiaryRank == 1 }.compactMap(\.openTo).max())
        let (error, files) = try DocumentHarness(store: seeded.store)
            .refusal(DocumentRequest(kind: .attestationDroits, nir13: nir, today: S.today), name: "closed")
        #expect(error?.code == "droits-fermes")
        #expect(error?.reason == "Vos droits sont fermés depuis le \(Expected.long(ended)) : l'attestation de droits ne peut pas être délivrée.")
        #expect(files.isEmpty)
    }
}
