import Accounts
import Portal
import Testing

@Suite("Relevé annuel and relevé fiscal")
struct RelevesAnnuelFiscalTests {
    typealias F = PortalFixtures

    @Test("relevé annuel 2025: per beneficiary and per kind, deductions of the year")
    func annual() throws {
        let doc = try ReleveAnnuelBuilder.build(store: F.store(), nir13: F.nirA, year: 2025, today: F.today)
        #expect(doc.coveredThrough == F.day("2025-12-31"))
        #expect(doc.beneficiaries.map(\.beneficiary.rank) == [1, 2, 3])
        let insured = doc.beneficiaries[0]
        func amount(_ benefit: ReleveAnnuel.Benefit, _ totals: [ReleveAnnuel.BenefitTotal]) -> Money? {
            totals.first { $0.benefit == benefit }?.amount
        }
        #expect(amount(.care(.consultation), insured.benefits) == F.euros(21))
        // IJ at their net: 440 − 27,28 − 2,20; 420 (ALD) − 26,04 − 2,10; both maladie.
        #expect(amount(.dailyAllowance(.maladie), insured.benefits) == F.euros(410, 52) + F.euros(391, 86))
        #expect(amount(.dailyAllowance(.maternite), insured.benefits) == F.euros(840) - F.euros(52, 8) - F.euros(4, 20))
        // Pensions paid in 2025: months December 2024 … November 2025.
        #expect(amount(.invalidityPension, insured.benefits) == F.euros(909) * 12)
        #expect(insured.participationsForfaitaires == F.euros(-1))
        #expect(doc.beneficiaries[2].franchises == F.euros(-1, -50))
        #expect(doc.franchises == F.euros(-1, -50))
        for b in doc.beneficiaries {
            #expect(b.net.cents == b.benefits.reduce(0) { $0 + $1.amount.cents } + b.participationsForfaitaires.cents + b.franchises.cents)
        }
        #expect(doc.net.cents == doc.beneficiaries.reduce(0) { $0 + $1.net.cents })
        #expect(doc.benefits.map(\.benefit) == doc.benefits.map(\.benefit).sorted())
    }

    @Test("relevé annuel: current year partial, future and too old years refused")
    func annualYears() throws {
        let store = try F.store()
        #expect(try ReleveAnnuelBuilder.build(store: store, nir13: F.nirA, year: 2026, today: F.today).coveredThrough == F.today)
        #expect(try ReleveAnnuelBuilder.build(store: store, nir13: F.nirA, year: 2024, today: F.today).beneficiaries.isEmpty)
        let future = #expect(throws: Refusal.self) { try ReleveAnnuelBuilder.build(store: store, nir13: F.nirA, year: 2027, today: F.today) }
        #expect(future?.code == .anneeFuture)
        let old = #expect(throws: Refusal.self) { try ReleveAnnuelBuilder.build(store: store, nir13: F.nirA, year: 2023, today: F.today) }
        #expect(old?.code == .anneeTropAncienne)
    }

    @Test("relevé fiscal 2025: net fiscal per kind, AT/MP at 50 %, ALD not taxable")
    func fiscal() throws {
        let doc = try ReleveFiscalBuilder.build(store: F.store(), nir13: F.nirA, today: F.day("2026-03-15"))
        #expect(doc.year == 2025)
        #expect(doc.lines.map(\.kind) == [.ijMaladie, .ijMaternite, .ijAccidentDuTravail, .ijALD, .pensionInvalidite])
        let taxable = Dictionary(uniqueKeysWithValues: doc.lines.map { ($0.kind, $0.taxable) })
        // Gross minus deductible CSG (3,8 %), worked by hand:
        #expect(taxable[.ijMaladie] == F.euros(423, 28))        // 440 − 16,72 (the 2 January 2026 payment excluded)
        #expect(taxable[.ijMaternite] == F.euros(808, 8))       // 840 − 31,92
        #expect(taxable[.ijAccidentDuTravail] == F.euros(336, 70))  // (700 − 26,60) × 50 %
        #expect(taxable[.ijALD] == .zero)
        #expect(taxable[.pensionInvalidite] == F.euros(941) * 12)
        #expect(doc.totalTaxable == F.euros(423, 28) + F.euros(808, 8) + F.euros(336, 70) + F.euros(11_292))
        #expect(doc.lines.first { $0.kind == .ijALD }?.gross == F.euros(420))
        #expect(doc.mentions.map(\.code) == [.ijALD, .accidentDuTravailDemiImposable])
    }

    @Test("relevé fiscal: refused outside its window, and when nothing taxable was paid")
    func fiscalRefusals() throws {
        let store = try F.store()
        let late = #expect(throws: Refusal.self) { try ReleveFiscalBuilder.build(store: store, nir13: F.nirA, today: F.today) }
        #expect(late?.code == .releveFiscalExpire)
        let nothing = #expect(throws: Refusal.self) { try ReleveFiscalBuilder.build(store: store, nir13: F.nirB, today: F.day("2026-02-01")) }
        #expect(nothing?.code == .aucunPaiement)
    }
}
