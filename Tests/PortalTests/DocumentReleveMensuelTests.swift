import Accounts
import Portal
import TestSupport
import Testing

@Suite("Documents: relevé mensuel (données du compte)")
struct DocumentReleveMensuelTests {
    typealias S = SeededAccounts

    /// A month of the window with a participation forfaitaire, a franchise, payments to the
    /// insured and to professionals, for at least two beneficiaries.
    static func richMonth(_ seeded: SeededAccounts) throws -> (nir: String, month: YearMonth) {
        var found: (String, YearMonth)?
        _ = try seeded.first("a month with deductions, both payees and two beneficiaries") { nir in
            for back in 0..<27 {
                let month = S.today.yearMonth.adding(months: -back)
                let rows = try seeded.store.carePayments(nir13: nir, paid: month.firstDay...month.lastDay, beneficiaryRank: nil)
                if rows.contains(where: { $0.participationForfaitaire > .zero }), rows.contains(where: { $0.franchise > .zero }),
                   rows.contains(where: { $0.paidTo == .assure }), rows.contains(where: { $0.paidTo == .professionnel }),
                   Set(rows.map(\.beneficiaryRank)).count >= 2 {
                    found = (nir, month)
                    return true
                }
            }
            return false
        }
        return try #require(found)
    }

    @Test("every payment with its deductions and settlement, per beneficiary, and the month's totals")
    func rich() async throws {
        let seeded = try await SeededAccounts()
        let (nir, month) = try Self.richMonth(seeded)
        let harness = try DocumentHarness(store: seeded.store)
        let doc = try harness.render(DocumentRequest(kind: .releveMensuel, nir13: nir, today: S.today, month: month), name: "rm")
        let check = try PDFTools.qpdfCheck(doc.path)
        #expect(check.clean, "\(check.output)")
        let text = doc.text
        expectText(text, contains: Expected.nir(nir))
        expectText(text, contains: "Voici le détail des versements effectués par votre caisse d'assurance maladie pour la période du \(Expected.long(month.firstDay)) au \(Expected.long(month.lastDay)).")
        let rows = try seeded.store.carePayments(nir13: nir, paid: month.firstDay...month.lastDay, beneficiaryRank: nil)
        let members = try seeded.store.beneficiaries(nir13: nir)
        var previous = text.startIndex
        for member in members {
            let own = rows.filter { $0.beneficiaryRank == member.rank }
            let heading = "Pour \(member.firstName.uppercased()) "
            guard !own.isEmpty else { expectText(text, lacks: heading); continue }
            // Beneficiaries in rank order, each block after the previous one.
            let start = try #require(text.range(of: heading, range: previous..<text.endIndex))
            expectText(text[start.lowerBound...], contains: "le \(Expected.long(member.birthDate))")
            for p in own {
                expectText(text, contains: "\(Expected.short(p.careDate)) \(p.act) — \(p.professional) \(Expected.euros(p.amountPaid)) \(Expected.euros(p.base)) \(Expected.percent(p.rate)) \(Expected.euros(p.reimbursed)) —")
                if p.participationForfaitaire > .zero {
                    expectText(text, contains: "Participation forfaitaire \(Expected.euros(-p.participationForfaitaire.cents))")
                }
                if p.franchise > .zero { expectText(text, contains: "Franchise médicale \(Expected.euros(-p.franchise.cents))") }
                let net = p.reimbursed.cents - p.participationForfaitaire.cents - p.franchise.cents
                let payee = p.paidTo == .assure ? "à vous" : "au professionnel de santé (tiers payant)"
                expectText(text, contains: "Réglé le \(Expected.long(p.paymentDate)) : \(Expected.euros(net)) \(payee) — dossier n° \(p.dossier)")
            }
            let paid = own.reduce(Int64(0)) { $0 + $1.amountPaid.cents }
            let net = own.reduce(Int64(0)) { $0 + $1.reimbursed.cents - $1.participationForfaitaire.cents - $1.franchise.cents }
            expectText(text[start.lowerBound...], contains: "Total pour \(member.firstName) \(Expected.euros(paid)) \(Expected.euros(net))")
            previous = start.upperBound
        }
        func sum(_ f: (CarePayment) -> Int64) -> Int64 { rows.reduce(0) { $0 + f($1) } }
        let net = sum { $0.reimbursed.cents - $0.participationForfaitaire.cents - $0.franchise.cents }
        let toInsured = rows.filter { $0.paidTo == .assure }.reduce(Int64(0)) { $0 + $1.reimbursed.cents - $1.participationForfaitaire.cents - $1.franchise.cents }
        expectText(text, contains: "Dépenses engagées (montants payés) \(Expected.euros(sum { $0.amountPaid.cents }))")
        expectText(text, contains: "Remboursements de l'Assurance Maladie \(Expected.euros(sum { $0.reimbursed.cents }))")
        expectText(text, contains: "Participations forfaitaires \(Expected.euros(-sum { $0.participationForfaitaire.cents }))")
        expectText(text, contains: "Franchises médicales \(Expected.euros(-sum { $0.franchise.cents }))")
        expectText(text, contains: "Total versé pour \(Expected.months[month.month - 1]) \(month.year) \(Expected.euros(net))")
        expectText(text, contains: "dont versé à vous \(Expected.euros(toInsured))")
        expectText(text, contains: "dont versé aux professionnels de santé (tiers payant) \(Expected.euros(net - toInsured))")
        expectText(text, lacks: "Aucun versement")
    }

    @Test("a month without payment says so; out of the 27-month window or in the future: refused, no file")
    func window() async throws {
        let seeded = try await SeededAccounts()
        let nir = try #require(seeded.summaries.first?.nir13)
        let harness = try DocumentHarness(store: seeded.store)
        let old = try harness.refusal(DocumentRequest(kind: .releveMensuel, nir13: nir, today: S.today, month: YearMonth(year: 2024, month: 8)), name: "old")
        #expect(old.error?.code == "mois-trop-ancien")
        #expect(old.error?.reason == "Le relevé d'août 2024 n'est plus disponible : seuls les 27 derniers mois peuvent être consultés (depuis septembre 2024).")
        #expect(old.files.isEmpty)
        let future = try harness.refusal(DocumentRequest(kind: .releveMensuel, nir13: nir, today: S.today, month: YearMonth(year: 2026, month: 12)), name: "future")
        #expect(future.error?.code == "mois-futur")
        #expect(future.files.isEmpty)
        let empty = try seeded.first("an empty month in the window") { nir in
            try seeded.store.carePayments(nir13: nir, paid: Day(iso: "2024-09-01")...Day(iso: "2024-09-30"), beneficiaryRank: nil).isEmpty
        }
        let text = try harness.render(DocumentRequest(kind: .releveMensuel, nir13: empty, today: S.today, month: YearMonth(year: 2024, month: 9)), name: "empty").text
        expectText(text, contains: "Aucun versement n'a été effectué pendant cette période.")
        expectText(text, lacks: "Réglé le")
    }
}
