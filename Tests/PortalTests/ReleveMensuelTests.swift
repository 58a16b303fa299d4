import Accounts
import Portal
import Testing

@Suite("Relevé mensuel")
struct ReleveMensuelTests {
    typealias F = PortalFixtures

    @Test("October 2026: grouped by beneficiary, month bounds by payment date, deductions negative")
    func october() throws {
        let doc = try ReleveMensuelBuilder.build(store: F.store(), nir13: F.nirA, month: YearMonth(year: 2026, month: 10), today: F.today)
        #expect(doc.monthLabel == "octobre 2026")
        #expect(doc.groups.map(\.beneficiary.rank) == [1, 3])
        #expect(doc.groups[0].payments.map(\.dossier) == ["B-1", "C-1"])  // 30 Sept and 1 Nov excluded
        #expect(doc.groups[1].payments.map(\.dossier) == ["P-1"])

        let biology = doc.groups[0].payments[0]
        #expect(biology.reimbursed == F.euros(15))
        #expect(biology.deductions.map(\.amount) == [F.euros(-2)])
        #expect(biology.deductions.map(\.kind) == [.participationForfaitaire])
        #expect(biology.net == F.euros(13))
        #expect(biology.settlement == "Réglé le 1er octobre 2026 au professionnel de santé (tiers payant)")
        #expect(doc.groups[0].payments[1].settlement == "Réglé le 5 octobre 2026 à vous")
        let pharmacy = doc.groups[1].payments[0]
        #expect(pharmacy.reimbursed == F.euros(8, 6))  // 65 % of 12,40 €
        #expect(pharmacy.deductions.map(\.kind) == [.franchise])
        #expect(pharmacy.net == F.euros(6, 6))
    }

    @Test("totals recomputed from the rows")
    func totals() throws {
        let doc = try ReleveMensuelBuilder.build(store: F.store(), nir13: F.nirA, month: YearMonth(year: 2026, month: 10), today: F.today)
        let payments = doc.groups.flatMap(\.payments)
        let net = payments.reduce(Int64(0)) { $0 + $1.reimbursed.cents + $1.deductions.reduce(0) { $0 + $1.amount.cents } }
        #expect(doc.totals.net.cents == net)
        #expect(doc.totals.net == F.euros(13 + 28) + F.euros(6, 6))
        #expect(doc.totals.participationsForfaitaires == F.euros(-4))
        #expect(doc.totals.franchises == F.euros(-2))
        #expect(doc.totals.paidToInsured == F.euros(28))
        #expect(doc.totals.paidToProfessionals == F.euros(19, 6))
        #expect(doc.totals.paidToInsured + doc.totals.paidToProfessionals == doc.totals.net)
        for group in doc.groups {
            #expect(group.totals.reimbursed.cents == group.payments.reduce(0) { $0 + $1.reimbursed.cents })
        }
    }

    @Test("a month in the window without payments gives an empty relevé; outside it is refused")
    func window() throws {
        let store = try F.store()
        let empty = try ReleveMensuelBuilder.build(store: store, nir13: F.nirA, month: YearMonth(year: 2024, month: 9), today: F.today)
        #expect(empty.groups.isEmpty && empty.totals.net == .zero)
        let old = #expect(throws: Refusal.self) {
            try ReleveMensuelBuilder.build(store: store, nir13: F.nirA, month: YearMonth(year: 2024, month: 8), today: F.today)
        }
        #expect(old?.code == .moisTropAncien)
    }
}
