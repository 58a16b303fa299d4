import Accounts
import Foundation
import TestSupport
import Portal

/// A small hand-written population whose every amount is known, in a real SQLite file.
///
/// Account A (Élodie, NIR13 2841275123456): rank 1 with an ALD exonérante since 1 June 2024;
/// Zoé (rank 2) whose rights closed on 31 March 2026 under the CSS; Noé (rank 3) with an ALD,
/// not exonérante, starting 1 December 2026. Account B (Jérôme, 1690175050120): rights closed
/// on 31 March 2026.
enum PortalFixtures {
    static let today = day("2026-11-26")
    static let nirA = "2841275123456"
    static let nirB = "1690175050120"

    static func day(_ text: String) -> Day { try! Day(iso: text) }
    static func euros(_ e: Int64, _ c: Int64 = 0) -> Money { Money(euros: e, cents: c) }

    static func store() throws -> SQLiteAccountStore {
        let store = try SQLiteAccountStore(path: TestFiles.processDirectory("portal") + "/portal.db")
        try store.insert(Caisse(code: "012010000", name: "CPAM de la Corse-du-Sud",
                                address: PostalAddress(street: "Boulevard Abbatucci", postalCode: "20000", city: "Ajaccio")))
        try store.insert([accountA(), accountB()])
        return store
    }

    /// The same population in memory: the builders must not see the difference.
    static func memoryStore() throws -> InMemoryAccountStore {
        try InMemoryAccountStore(
            caisses: [Caisse(code: "012010000", name: "CPAM de la Corse-du-Sud",
                             address: PostalAddress(street: "Boulevard Abbatucci", postalCode: "20000", city: "Ajaccio"))],
            accounts: [accountA(), accountB()])
    }

    static func insured(_ nir13: String, _ first: String, _ last: String, _ sex: InsuredPerson.Sex, _ birth: String) throws -> InsuredPerson {
        try InsuredPerson(nir: NIR(nir13: nir13, key: NIR.key(for: nir13)), lastName: last, firstName: first, sex: sex,
                          birthDate: day(birth),
                          address: PostalAddress(street: "2 cours Napoléon", postalCode: "20000", city: "Ajaccio"),
                          caisseCode: "012010000")
    }

    static func care(_ rank: Int, _ kind: CarePayment.Kind, care: String, paid: String, base: Money, rate: Int,
                     pf: Money = .zero, franchise: Money = .zero, to payee: CarePayment.Payee, dossier: String) throws -> CarePayment {
        try CarePayment(beneficiaryRank: rank, careDate: day(care), kind: kind, act: "Acte \(kind.rawValue)",
                        professional: "Dr Anaïs Çà", amountPaid: base, base: base, rate: Rate(percent: rate),
                        reimbursed: base.applying(Rate(percent: rate)), participationForfaitaire: pf, franchise: franchise,
                        paymentDate: day(paid), paidTo: payee, dossier: dossier)
    }

    static func ij(_ ref: String, _ from: String, _ to: String, days: Int, daily: Money, paid: String,
                   _ cause: DailyAllowance.Cause, ald: Bool = false, miTemps: Bool = false) throws -> DailyAllowance {
        try DailyAllowance.computed(workStopReference: ref, from: day(from), to: day(to), days: days, dailyGross: daily,
                                    paymentDate: day(paid), cause: cause, ald: ald, miTempsTherapeutique: miTemps)
    }

    static func accountA() throws -> Account {
        var pensions: [InvalidityPayment] = []
        // Months December 2024 … December 2025, paid on the 9th of the next month.
        for offset in 0..<13 {
            let month = try YearMonth(year: 2024, month: 12).adding(months: offset)
            let next = month.adding(months: 1)
            pensions.append(try InvalidityPayment(month: month, paymentDate: Day(year: next.year, month: next.month, day: 9),
                                                  category: 2, gross: euros(1000), net: euros(909), taxable: euros(941)))
        }
        return Account(
            insured: try insured(nirA, "Élodie", "Dupré-Lefèvre", .female, "1984-12-03"),
            beneficiaries: [
                try Beneficiary(rank: 1, relationship: .assure, firstName: "Élodie", lastName: "Dupré-Lefèvre", birthDate: day("1984-12-03")),
                try Beneficiary(rank: 2, relationship: .enfant, firstName: "Zoé", lastName: "Dupré", birthDate: day("2010-03-02")),
                try Beneficiary(rank: 3, relationship: .enfant, firstName: "Noé", lastName: "Dupré", birthDate: day("2016-07-14")),
            ],
            rightsPeriods: [
                try RightsPeriod(beneficiaryRank: 1, openFrom: day("2010-01-01"), openTo: nil,
                                 ald: .init(since: day("2024-06-01"), exonerationTicketModerateur: true)),
                try RightsPeriod(beneficiaryRank: 2, openFrom: day("2010-03-02"), openTo: day("2026-03-31"),
                                 complementaireSanteSolidaire: true),
                try RightsPeriod(beneficiaryRank: 3, openFrom: day("2016-07-14"), openTo: nil,
                                 ald: .init(since: day("2026-12-01"), exonerationTicketModerateur: false)),
            ],
            carePayments: [
                try care(1, .biologie, care: "2026-09-28", paid: "2026-10-01", base: euros(25), rate: 60, pf: euros(2), to: .professionnel, dossier: "B-1"),
                try care(1, .consultation, care: "2026-10-02", paid: "2026-10-05", base: euros(30), rate: 100, pf: euros(2), to: .assure, dossier: "C-1"),
                try care(3, .pharmacie, care: "2026-10-28", paid: "2026-10-31", base: euros(12, 40), rate: 65, franchise: euros(2), to: .professionnel, dossier: "P-1"),
                try care(1, .consultation, care: "2026-09-25", paid: "2026-09-30", base: euros(30), rate: 70, pf: euros(2), to: .assure, dossier: "C-0"),
                try care(1, .consultation, care: "2026-10-29", paid: "2026-11-01", base: euros(30), rate: 70, pf: euros(2), to: .assure, dossier: "C-2"),
                try care(1, .consultation, care: "2025-05-06", paid: "2025-05-10", base: euros(30), rate: 70, pf: euros(1), to: .assure, dossier: "C-3"),
                try care(3, .pharmacie, care: "2025-07-11", paid: "2025-07-15", base: euros(20), rate: 65, franchise: euros(1, 50), to: .professionnel, dossier: "P-2"),
                try care(2, .radiologie, care: "2025-02-03", paid: "2025-02-07", base: euros(40), rate: 70, to: .assure, dossier: "R-1"),
            ],
            dailyAllowances: [
                try ij("AM1", "2025-03-01", "2025-03-14", days: 11, daily: euros(40), paid: "2025-03-20", .maladie),
                try ij("AM2", "2025-06-01", "2025-06-14", days: 14, daily: euros(30), paid: "2025-06-20", .maladie, ald: true),
                try ij("AT1", "2025-09-01", "2025-09-14", days: 14, daily: euros(50), paid: "2025-09-20", .accidentDuTravail),
                try ij("MA1", "2025-11-01", "2025-11-14", days: 14, daily: euros(60), paid: "2025-12-31", .maternite),
                try ij("AM3", "2025-12-15", "2025-12-28", days: 14, daily: euros(40), paid: "2026-01-02", .maladie),
                try ij("AM4", "2026-10-01", "2026-10-14", days: 14, daily: euros(20), paid: "2026-10-20", .maladie, miTemps: true),
            ],
            invalidityPayments: pensions,
            ceamCards: [try CEAMCard(beneficiaryRank: 1, cardNumber: "80250010000000100001", expiry: day("2028-01-31"))])
    }

    static func accountB() throws -> Account {
        Account(
            insured: try insured(nirB, "Jérôme", "Lemaître", .male, "1969-01-15"),
            beneficiaries: [try Beneficiary(rank: 1, relationship: .assure, firstName: "Jérôme", lastName: "Lemaître", birthDate: day("1969-01-15"))],
            rightsPeriods: [try RightsPeriod(beneficiaryRank: 1, openFrom: day("2000-01-01"), openTo: day("2026-03-31"))])
    }
}
