import Accounts
import Portal
import Testing

@Suite("Attestation de droits")
struct AttestationDroitsTests {
    typealias F = PortalFixtures

    @Test("family: closed ayants droit left out, mentions only where they apply")
    func family() throws {
        let doc = try AttestationDroitsBuilder.build(store: F.store(), nir13: F.nirA, scope: .family, today: F.today)
        #expect(doc.lines.map(\.beneficiary.rank) == [1, 3])
        #expect(doc.lines[0].mentions.map(\.code) == [.ald, .exonerationTicketModerateur])
        #expect(doc.lines[0].mentions[0].text == "Affection de longue durée reconnue depuis le 1er juin 2024.")
        // Noé's ALD starts on 1 December 2026: not yet mentioned.
        #expect(doc.lines[1].mentions.isEmpty)
        #expect(doc.lines[0].rightsTo == nil)
        #expect(doc.header.issuedOn == F.today)
        #expect(doc.header.caisse.name == "CPAM de la Corse-du-Sud")
        #expect(doc.header.insuredName == "Élodie DUPRÉ-LEFÈVRE")
    }

    @Test("on the last day of Zoé's rights she is listed, with the CSS mention")
    func lastDay() throws {
        let doc = try AttestationDroitsBuilder.build(store: F.store(), nir13: F.nirA, scope: .family, today: F.day("2026-03-31"))
        #expect(doc.lines.map(\.beneficiary.rank) == [1, 2, 3])
        #expect(doc.lines[1].mentions.map(\.code) == [.complementaireSanteSolidaire])
        #expect(doc.lines[1].rightsTo == F.day("2026-03-31"))
    }

    @Test("ALD without exonération is mentioned alone once started")
    func aldWithoutExoneration() throws {
        let doc = try AttestationDroitsBuilder.build(store: F.store(), nir13: F.nirA, scope: .beneficiary(rank: 3), today: F.day("2026-12-01"))
        #expect(doc.lines.map(\.beneficiary.firstName) == ["Noé"])
        #expect(doc.lines[0].mentions.map(\.code) == [.ald])
    }

    @Test("refusals: closed rights (insured and chosen beneficiary), unknown beneficiary or account")
    func refusals() throws {
        let store = try F.store()
        let insured = #expect(throws: Refusal.self) {
            try AttestationDroitsBuilder.build(store: store, nir13: F.nirB, scope: .family, today: F.today)
        }
        #expect(insured?.code == .droitsFermes)
        #expect(insured?.reason == "Vos droits sont fermés depuis le 31 mars 2026 : l'attestation de droits ne peut pas être délivrée.")
        let zoe = #expect(throws: Refusal.self) {
            try AttestationDroitsBuilder.build(store: store, nir13: F.nirA, scope: .beneficiary(rank: 2), today: F.today)
        }
        #expect(zoe?.reason == "Les droits de Zoé sont fermés depuis le 31 mars 2026 : l'attestation de droits ne peut pas être délivrée.")
        #expect(throws: Refusal(.beneficiaireInconnu, "Ce bénéficiaire n'est pas rattaché à votre compte.")) {
            try AttestationDroitsBuilder.build(store: store, nir13: F.nirA, scope: .beneficiary(rank: 9), today: F.today)
        }
        let unknown = #expect(throws: Refusal.self) {
            try AttestationDroitsBuilder.build(store: store, nir13: "1000000000000", scope: .family, today: F.today)
        }
        #expect(unknown?.code == .compteInconnu)
    }
}
