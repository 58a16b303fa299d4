import Accounts
import Portal
import TestSupport
import Testing

@Suite("Documents: attestation de paiement des indemnités journalières")
struct DocumentAttestationIJTests {
    typealias S = SeededAccounts
    static let from = S.today.adding(days: -365)

    static func payments(_ seeded: SeededAccounts, _ nir: String) throws -> [DailyAllowance] {
        try seeded.store.dailyAllowances(nir13: nir, paid: from...S.today)
    }

    /// The row as poppler reads it: the cells in column order.
    static func row(_ p: DailyAllowance) -> String {
        let cause = switch p.cause {
        case .maladie: "Maladie"
        case .accidentDuTravail: "Accident du travail"
        case .maternite: "Maternité"
        }
        return [p.workStopReference, cause + (p.miTempsTherapeutique ? " (temps partiel thérapeutique)" : ""),
                "du \(Expected.short(p.from)) au \(Expected.short(p.to))", String(p.days), Expected.euros(p.dailyGross),
                Expected.euros(p.gross), Expected.euros(p.csg), Expected.euros(p.crds), Expected.euros(p.net),
                Expected.short(p.paymentDate)].joined(separator: " ")
    }

    /// The total row's cells (days, gross, CSG, CRDS, net), summed here from the store's rows,
    /// with CSG and CRDS recomputed from the gross at 6,2 % and 0,5 % (half-cent away from zero).
    /// Poppler reads a total row's cells out of order (after the last headers), so the cells are
    /// looked for one by one in the group's part of the text.
    static func totalCells(_ rows: [DailyAllowance]) -> [String] {
        func rate(_ cents: Int64, _ bp: Int64) -> Int64 { (cents * bp + 5_000) / 10_000 }
        let gross = rows.reduce(Int64(0)) { $0 + $1.dailyGross.cents * Int64($1.days) }
        let csg = rows.reduce(Int64(0)) { $0 + rate($1.gross.cents, 620) }
        let crds = rows.reduce(Int64(0)) { $0 + rate($1.gross.cents, 50) }
        let days = rows.reduce(0) { $0 + $1.days }
        return ["Total \(days) ", Expected.euros(gross), Expected.euros(csg), Expected.euros(crds), Expected.euros(gross - csg - crds)]
    }

    /// The first window of at most 366 days, starting on a payment day, holding payments that
    /// satisfy every predicate.
    static func window(_ seeded: SeededAccounts, _ what: String,
                       _ predicates: [(DailyAllowance) -> Bool]) throws -> (nir: String, from: Day, to: Day) {
        var found: (String, Day, Day)?
        _ = try seeded.first(what) { nir in
            let all = try seeded.store.dailyAllowances(nir13: nir, paid: Day(iso: "2000-01-01")...S.today)
            for start in all.map(\.paymentDate) {
                let end = min(start.adding(days: 365), S.today)
                let inside = all.filter { $0.paymentDate >= start && $0.paymentDate <= end }
                if predicates.allSatisfy({ p in inside.contains(where: p) }) { found = (nir, start, end); return true }
            }
            return false
        }
        return try #require(found)
    }

    @Test("taxable and ALD payments in separate tables, every row and total, the ALD mention, qpdf clean")
    func withALD() async throws {
        let seeded = try await SeededAccounts(accounts: 400)
        let (nir, from, to) = try Self.window(seeded, "IJ with and without ALD within a year", [{ $0.ald }, { !$0.ald }])
        let harness = try DocumentHarness(store: seeded.store)
        let doc = try harness.render(DocumentRequest(kind: .attestationIJ, nir13: nir, today: S.today, from: from, to: to), name: "ij")
        let check = try PDFTools.qpdfCheck(doc.path)
        #expect(check.clean, "\(check.output)")
        let text = doc.text
        expectText(text, contains: Expected.nir(nir))
        expectText(text, contains: "payées du \(Expected.long(from)) au \(Expected.long(to))")
        expectText(text, contains: "CSG 6,2 %")
        expectText(text, contains: "CRDS 0,5 %")
        let payments = try seeded.store.dailyAllowances(nir13: nir, paid: from...to)
        for p in payments { expectText(text, contains: Self.row(p)) }
        let taxable = payments.filter { !$0.ald }, ald = payments.filter(\.ald)
        let taxableStart = try #require(text.range(of: "Indemnités journalières imposables"))
        let aldStart = try #require(text.range(of: "Indemnités journalières versées au titre d'une affection de longue durée (non imposables)"))
        #expect(taxableStart.upperBound < aldStart.lowerBound)
        // Each group's rows and total sit in its own table: the ALD rows after the ALD title only.
        for p in ald { expectText(text[aldStart.upperBound...], contains: Self.row(p)) }
        for p in taxable { expectText(text[..<aldStart.lowerBound], contains: Self.row(p)) }
        for cell in Self.totalCells(taxable) { expectText(text[..<aldStart.lowerBound], contains: cell) }
        for cell in Self.totalCells(ald) { expectText(text[aldStart.upperBound...], contains: cell) }
        let grossAll = payments.reduce(Int64(0)) { $0 + $1.gross.cents }, netAll = payments.reduce(Int64(0)) { $0 + $1.net.cents }
        expectText(text, contains: "\(payments.reduce(0) { $0 + $1.days }) jours, montant brut \(Expected.euros(grossAll))")
        expectText(text, contains: "montant net \(Expected.euros(netAll)).")
        expectText(text, contains: "Les indemnités versées au titre d'une affection de longue durée ne sont pas imposables.")
        let miTemps = text.contains("temps partiel thérapeutique")
        #expect(miTemps == payments.contains(where: \.miTempsTherapeutique))
    }

    @Test("no ALD and no mi-temps: one table, neither mention")
    func withoutMentions() async throws {
        let seeded = try await SeededAccounts()
        let nir = try seeded.first("IJ without ALD nor mi-temps in the last year") { nir in
            let p = try Self.payments(seeded, nir)
            return !p.isEmpty && !p.contains { $0.ald || $0.miTempsTherapeutique }
        }
        let harness = try DocumentHarness(store: seeded.store)
        let text = try harness.render(DocumentRequest(kind: .attestationIJ, nir13: nir, today: S.today, from: Self.from, to: S.today), name: "ij").text
        let payments = try Self.payments(seeded, nir)
        for p in payments { expectText(text, contains: Self.row(p)) }
        for cell in Self.totalCells(payments) { expectText(text, contains: cell) }
        expectText(text, lacks: "affection de longue durée")
        expectText(text, lacks: "thérapeutique")
    }

    @Test("mi-temps thérapeutique: the mention and the marked rows")
    func miTemps() async throws {
        let seeded = try await SeededAccounts(accounts: 400)
        let nir = try seeded.first("IJ under a mi-temps thérapeutique in the last year") { try Self.payments(seeded, $0).contains(where: \.miTempsTherapeutique) }
        let harness = try DocumentHarness(store: seeded.store)
        let text = try harness.render(DocumentRequest(kind: .attestationIJ, nir13: nir, today: S.today, from: Self.from, to: S.today), name: "ij").text
        for p in try Self.payments(seeded, nir) { expectText(text, contains: Self.row(p)) }
        expectText(text, contains: "Certaines indemnités ont été versées au titre d'un temps partiel thérapeutique.")
    }

    @Test("a period longer than a year, or without payment: refused, no file")
    func refusals() async throws {
        let seeded = try await SeededAccounts()
        let nir = try #require(seeded.summaries.first?.nir13)
        let harness = try DocumentHarness(store: seeded.store)
        let long = try harness.refusal(DocumentRequest(kind: .attestationIJ, nir13: nir, today: S.today, from: S.today.adding(days: -366), to: S.today), name: "long")
        #expect(long.error?.code == "periode-trop-longue")
        #expect(long.error?.reason == "La période demandée compte 367 jours : elle ne peut pas dépasser 366 jours.")
        #expect(long.files.isEmpty)
        let future = try harness.refusal(DocumentRequest(kind: .attestationIJ, nir13: nir, today: S.today, from: S.today, to: S.today.adding(days: 1)), name: "future")
        #expect(future.error?.code == "periode-future")
        #expect(future.files.isEmpty)
    }
}
