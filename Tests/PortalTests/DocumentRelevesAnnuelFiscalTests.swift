import Accounts
import Portal
import TestSupport
import Testing

@Suite("Documents: relevés annuel et fiscal")
struct DocumentRelevesAnnuelFiscalTests {
    typealias S = SeededAccounts
    static let year = 2025
    static let yearRange = SeededAccounts.day("2025-01-01")...SeededAccounts.day("2025-12-31")

    /// The document's words for each kind of benefit, written here again.
    static let careLabels: [CarePayment.Kind: String] = [
        .consultation: "Consultations", .pharmacie: "Pharmacie", .biologie: "Biologie", .radiologie: "Radiologie",
        .kinesitherapie: "Kinésithérapie", .soinsInfirmiers: "Soins infirmiers", .dentaire: "Soins dentaires",
        .optique: "Optique", .hospitalisation: "Hospitalisation", .transport: "Transports",
    ]
    static let causeLabels: [DailyAllowance.Cause: String] = [
        .maladie: "Indemnités journalières maladie", .accidentDuTravail: "Indemnités journalières accident du travail",
        .maternite: "Indemnités journalières maternité",
    ]

    /// Per-kind totals of one beneficiary, summed from the store's rows: care at its
    /// reimbursement before deductions, IJ and pensions (the insured's) at their net paid.
    static func amounts(_ store: SQLiteAccountStore, _ nir: String, rank: Int) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for p in try store.carePayments(nir13: nir, paid: yearRange, beneficiaryRank: rank) {
            out[careLabels[p.kind]!, default: 0] += p.reimbursed.cents
        }
        guard rank == 1 else { return out }
        for a in try store.dailyAllowances(nir13: nir, paid: yearRange) { out[causeLabels[a.cause]!, default: 0] += a.net.cents }
        for v in try store.invalidityPayments(nir13: nir, year: year) { out["Pension d'invalidité", default: 0] += v.net.cents }
        return out
    }

    @Test("relevé annuel: per beneficiary and per kind, the year's deductions, totals recomputed from the store")
    func annuel() async throws {
        let seeded = try await SeededAccounts()
        let nir = try seeded.first("a family with deductions and IJ in 2025") { nir in
            let care = try seeded.store.carePayments(nir13: nir, paid: Self.yearRange, beneficiaryRank: nil)
            let ij = try seeded.store.dailyAllowances(nir13: nir, paid: Self.yearRange)
            return Set(care.map(\.beneficiaryRank)).count >= 2 && care.contains { $0.franchise > .zero } && !ij.isEmpty
        }
        let harness = try DocumentHarness(store: seeded.store)
        let doc = try harness.render(DocumentRequest(kind: .releveAnnuel, nir13: nir, today: S.today, year: Self.year), name: "ra")
        let check = try PDFTools.qpdfCheck(doc.path)
        #expect(check.clean, "\(check.output)")
        let text = doc.text
        expectText(text, contains: "du 1er janvier 2025 au 31 décembre 2025")
        var all: [String: Int64] = [:]
        var pfAll: Int64 = 0, franchiseAll: Int64 = 0
        for member in try seeded.store.beneficiaries(nir13: nir) {
            let amounts = try Self.amounts(seeded.store, nir, rank: member.rank)
            guard !amounts.isEmpty else { continue }
            let care = try seeded.store.carePayments(nir13: nir, paid: Self.yearRange, beneficiaryRank: member.rank)
            let pf = care.reduce(Int64(0)) { $0 + $1.participationForfaitaire.cents }
            let franchise = care.reduce(Int64(0)) { $0 + $1.franchise.cents }
            let start = try #require(text.range(of: "Pour \(member.firstName.uppercased()) "))
            let end = try #require(text.range(of: "Total versé pour \(member.firstName) ", range: start.upperBound..<text.endIndex))
            let block = text[start.lowerBound..<end.upperBound]
            for (label, cents) in amounts { expectText(block, contains: "\(label) \(Expected.euros(cents))") }
            if pf > 0 { expectText(block, contains: "Participations forfaitaires \(Expected.euros(-pf))") }
            if franchise > 0 { expectText(block, contains: "Franchises médicales \(Expected.euros(-franchise))") }
            let net = amounts.values.reduce(0, +) - pf - franchise
            expectText(text[end.lowerBound...], contains: "Total versé pour \(member.firstName) \(Expected.euros(net))")
            for (label, cents) in amounts { all[label, default: 0] += cents }
            pfAll += pf
            franchiseAll += franchise
        }
        let summary = try #require(text.range(of: "Récapitulatif de l'année 2025"))
        for (label, cents) in all { expectText(text[summary.upperBound...], contains: "\(label) \(Expected.euros(cents))") }
        expectText(text, contains: "Participations forfaitaires de l'année \(Expected.euros(-pfAll))")
        expectText(text, contains: "Franchises médicales de l'année \(Expected.euros(-franchiseAll))")
        expectText(text, contains: "Total versé en 2025 \(Expected.euros(all.values.reduce(0, +) - pfAll - franchiseAll))")
    }

    /// The relevé fiscal's lines, recomputed: gross − 3,8 % deductible CSG (half-cent away from
    /// zero, once on the year's gross of each kind), halved for AT/MP (half-cent up), zero under
    /// an ALD; the pension's own taxable amounts.
    static func fiscalLines(_ store: SQLiteAccountStore, _ nir: String) throws -> [(label: String, gross: Int64, net: Int64, taxable: Int64)] {
        let ij = try store.dailyAllowances(nir13: nir, paid: yearRange)
        func csgDeductible(_ g: Int64) -> Int64 { (g * 380 + 5_000) / 10_000 }
        let kinds: [(String, (DailyAllowance) -> Bool, (Int64) -> Int64)] = [
            ("Indemnités journalières maladie", { !$0.ald && $0.cause == .maladie }, { $0 - csgDeductible($0) }),
            ("Indemnités journalières maternité", { !$0.ald && $0.cause == .maternite }, { $0 - csgDeductible($0) }),
            ("Indemnités journalières accident du travail / maladie professionnelle (imposables à 50 %)",
             { !$0.ald && $0.cause == .accidentDuTravail }, { ($0 - csgDeductible($0) + 1) / 2 }),
            ("Indemnités journalières affection de longue durée (non imposables)", { $0.ald }, { _ in 0 }),
        ]
        var lines: [(String, Int64, Int64, Int64)] = []
        for (label, belongs, taxable) in kinds {
            let own = ij.filter(belongs)
            guard !own.isEmpty else { continue }
            let gross = own.reduce(Int64(0)) { $0 + $1.gross.cents }
            lines.append((label, gross, own.reduce(Int64(0)) { $0 + $1.net.cents }, taxable(gross)))
        }
        let pensions = try store.invalidityPayments(nir13: nir, year: year)
        if !pensions.isEmpty {
            lines.append(("Pension d'invalidité", pensions.reduce(0) { $0 + $1.gross.cents }, pensions.reduce(0) { $0 + $1.net.cents },
                          pensions.reduce(0) { $0 + $1.taxable.cents }))
        }
        return lines
    }

    @Test("relevé fiscal 2025 (asked on 15 March 2026): every kind, the net fiscal amounts and mentions recomputed",
          arguments: ["IJ under an ALD and taxable IJ", "an invalidity pension"])
    func fiscal(_ what: String) async throws {
        let seeded = try await SeededAccounts(accounts: 400)
        let nir = try seeded.first(what) { nir in
            let ij = try seeded.store.dailyAllowances(nir13: nir, paid: Self.yearRange)
            if what.hasPrefix("IJ") { return ij.contains(where: \.ald) && ij.contains { !$0.ald } }
            let pensions = try seeded.store.invalidityPayments(nir13: nir, year: Self.year)
            return !pensions.isEmpty
        }
        let harness = try DocumentHarness(store: seeded.store)
        let doc = try harness.render(DocumentRequest(kind: .releveFiscal, nir13: nir, today: S.day("2026-03-15")), name: "rf")
        let check = try PDFTools.qpdfCheck(doc.path)
        #expect(check.clean, "\(check.output)")
        let text = doc.text
        expectText(text, contains: "Édité le 15 mars 2026")
        let lines = try Self.fiscalLines(seeded.store, nir)
        for line in lines {
            expectText(text, contains: "\(line.label) \(Expected.euros(line.gross)) \(Expected.euros(line.net)) \(Expected.euros(line.taxable))")
        }
        let total = lines.reduce(Int64(0)) { $0 + $1.taxable }
        expectText(text, contains: "Montant net fiscal à déclarer pour 2025 \(Expected.euros(total))")
        expectText(text, contains: "Montant net fiscal 2025 : \(Expected.euros(total))")
        let aldMention = "Les indemnités versées au titre d'une affection de longue durée ne sont pas imposables."
        let atMention = "Les indemnités d'accident du travail ou de maladie professionnelle sont imposables à hauteur de 50 %."
        let hasALD = lines.contains { $0.label.contains("affection de longue durée") }
        let hasAT = lines.contains { $0.label.contains("accident du travail") }
        if hasALD { expectText(text, contains: aldMention) } else { expectText(text, lacks: aldMention) }
        if hasAT { expectText(text, contains: atMention) } else { expectText(text, lacks: atMention) }
    }

    @Test("relevé fiscal out of its window (after 31 July), relevé annuel of a future year: refused, no file")
    func refusals() async throws {
        let seeded = try await SeededAccounts()
        let nir = try #require(seeded.summaries.first?.nir13)
        let harness = try DocumentHarness(store: seeded.store)
        let late = try harness.refusal(DocumentRequest(kind: .releveFiscal, nir13: nir, today: S.today), name: "late")
        #expect(late.error?.code == "releve-fiscal-expire")
        #expect(late.error?.reason == "Le relevé fiscal 2025 n'est plus disponible depuis le 1er août 2026 : il pouvait être téléchargé pendant 6 mois après sa publication.")
        #expect(late.files.isEmpty)
        let early = try harness.refusal(DocumentRequest(kind: .releveFiscal, nir13: nir, today: S.day("2026-01-31")), name: "early")
        #expect(early.error?.code == "releve-fiscal-pas-encore-publie")
        #expect(early.files.isEmpty)
        let future = try harness.refusal(DocumentRequest(kind: .releveAnnuel, nir13: nir, today: S.today, year: 2027), name: "future")
        #expect(future.error?.code == "annee-future")
        #expect(future.files.isEmpty)
    }
}
