import Accounts
import Portal
import Testing

/// The policies alone, with a fixed "today", by tables of boundary cases.
@Suite("Portal policies")
struct PolicyTests {
    typealias F = PortalFixtures

    @Test("relevé mensuel: the current month and the 26 before it", arguments: [
        ("2026-11-26", 2024, 8, Refusal.Code?.some(.moisTropAncien)),
        ("2026-11-26", 2024, 9, nil),
        ("2026-11-26", 2026, 11, nil),
        ("2026-11-26", 2026, 12, .some(.moisFutur)),
        ("2026-11-01", 2024, 9, nil),
        ("2026-11-30", 2024, 8, .some(.moisTropAncien)),
        ("2027-01-01", 2024, 10, .some(.moisTropAncien)),
        ("2027-01-01", 2024, 11, nil),
    ])
    func releveMensuelWindow(today: String, year: Int, month: Int, refusal: Refusal.Code?) throws {
        let ym = try YearMonth(year: year, month: month)
        let result = Result { () throws(Refusal) in try ReleveMensuelPolicy().validate(month: ym, today: F.day(today)) }
        switch result {
        case .success: #expect(refusal == nil)
        case .failure(let error): #expect(error.code == refusal)
        }
    }

    @Test("relevé mensuel refusals say which month and since when, with elision")
    func releveMensuelReasons() {
        let old = #expect(throws: Refusal.self) { try ReleveMensuelPolicy().validate(month: YearMonth(year: 2024, month: 8), today: F.today) }
        #expect(old?.reason == "Le relevé d'août 2024 n'est plus disponible : seuls les 27 derniers mois peuvent être consultés (depuis septembre 2024).")
        let future = #expect(throws: Refusal.self) { try ReleveMensuelPolicy().validate(month: YearMonth(year: 2026, month: 12), today: F.today) }
        #expect(future?.reason == "Le relevé de décembre 2026 n'est pas encore disponible.")
    }

    @Test("relevé fiscal: from 1 February for 6 months (default)", arguments: [
        ("2026-01-31", Refusal.Code?.some(.releveFiscalPasEncorePublie)),
        ("2026-02-01", nil), ("2026-07-31", nil),
        ("2026-08-01", .some(.releveFiscalExpire)),
        ("2026-11-26", .some(.releveFiscalExpire)),
    ])
    func releveFiscalDefault(today: String, refusal: Refusal.Code?) {
        let result = Result { () throws(Refusal) in try ReleveFiscalPolicy().taxYear(today: F.day(today)) }
        switch result {
        case .success(let year): #expect(refusal == nil && year == 2025)
        case .failure(let error): #expect(error.code == refusal)
        }
    }

    @Test("relevé fiscal: publication date and availability are configurable", arguments: [
        ("2026-03-14", false), ("2026-03-15", true), ("2026-05-14", true), ("2026-05-15", false),
    ])
    func releveFiscalConfigured(today: String, available: Bool) {
        let policy = ReleveFiscalPolicy(publicationMonth: 3, publicationDay: 15, availabilityMonths: 2)
        #expect(((try? policy.taxYear(today: F.day(today))) != nil) == available)
    }

    @Test("relevé fiscal reasons name the dates")
    func releveFiscalReasons() {
        let early = #expect(throws: Refusal.self) { try ReleveFiscalPolicy().taxYear(today: F.day("2026-01-31")) }
        #expect(early?.reason == "Le relevé fiscal 2025 sera disponible à partir du 1er février 2026.")
        let late = #expect(throws: Refusal.self) { try ReleveFiscalPolicy().taxYear(today: F.today) }
        #expect(late?.reason == "Le relevé fiscal 2025 n'est plus disponible depuis le 1er août 2026 : il pouvait être téléchargé pendant 6 mois après sa publication.")
    }

    @Test("IJ period: ordered, not in the future, at most 366 days", arguments: [
        ("2026-10-02", "2026-10-01", Refusal.Code?.some(.periodeInversee)),
        ("2026-10-01", "2026-11-26", nil),
        ("2026-10-01", "2026-11-27", .some(.periodeFuture)),
        ("2025-01-01", "2026-01-01", nil),
        ("2024-12-31", "2026-01-01", .some(.periodeTropLongue)),
        ("2026-11-26", "2026-11-26", nil),
    ])
    func ijPeriod(from: String, to: String, refusal: Refusal.Code?) {
        let result = Result { () throws(Refusal) in try IJPeriodPolicy().validate(from: F.day(from), to: F.day(to), today: F.today) }
        switch result {
        case .success: #expect(refusal == nil)
        case .failure(let error): #expect(error.code == refusal)
        }
    }

    @Test("CEAM departure within 15 days, today included", arguments: [
        ("2026-11-25", Refusal.Code?.some(.departPasse)),
        ("2026-11-26", nil), ("2026-12-11", nil),
        ("2026-12-12", .some(.departTropLointain)),
    ])
    func ceamDeparture(departure: String, refusal: Refusal.Code?) {
        let result = Result { () throws(Refusal) in try CEAMCertificatePolicy().checkDeparture(F.day(departure), today: F.today) }
        switch result {
        case .success: #expect(refusal == nil)
        case .failure(let error): #expect(error.code == refusal)
        }
    }

    @Test("CEAM too-early refusal says from when to ask")
    func ceamTooEarlyReason() {
        let error = #expect(throws: Refusal.self) { try CEAMCertificatePolicy().checkDeparture(F.day("2026-12-12"), today: F.today) }
        #expect(error?.reason.hasSuffix("faites votre demande à partir du 27 novembre 2026.") == true)
    }

    @Test("CEAM certificate validity: three months, month ends kept", arguments: [
        ("2026-11-26", "2027-02-25"), ("2026-11-30", "2027-02-28"), ("2026-12-01", "2027-02-28"),
        ("2027-01-01", "2027-03-31"), ("2027-11-30", "2028-02-29"),
    ])
    func ceamValidity(delivered: String, validTo: String) {
        #expect(CEAMCertificatePolicy().validTo(deliveredOn: F.day(delivered)) == F.day(validTo))
    }

    @Test("rights: open on the last day, closed the day after, with the date in the reason")
    func rightsBoundaries() throws {
        let periods = [try RightsPeriod(beneficiaryRank: 2, openFrom: F.day("2010-03-02"), openTo: F.day("2026-03-31"))]
        let policy = RightsPolicy()
        let consequence = "l'attestation de droits ne peut pas être délivrée"
        #expect(try policy.openPeriod(rank: 2, in: periods, today: F.day("2026-03-31"), whose: "Vos droits", consequence: consequence).openFrom == F.day("2010-03-02"))
        let closed = #expect(throws: Refusal.self) {
            try policy.openPeriod(rank: 2, in: periods, today: F.day("2026-04-01"), whose: "Vos droits", consequence: consequence)
        }
        #expect(closed?.code == .droitsFermes)
        #expect(closed?.reason == "Vos droits sont fermés depuis le 31 mars 2026 : l'attestation de droits ne peut pas être délivrée.")
        let notYet = #expect(throws: Refusal.self) {
            try policy.openPeriod(rank: 2, in: periods, today: F.day("2010-03-01"), whose: "Vos droits", consequence: consequence)
        }
        #expect(notYet?.code == .aucunDroit)
    }

    @Test("French dates", arguments: [("2026-02-01", "1er février 2026"), ("2026-03-31", "31 mars 2026"), ("2024-08-15", "15 août 2024")])
    func frenchDates(day: String, text: String) {
        #expect(FrenchDate.long(F.day(day)) == text)
    }
}
