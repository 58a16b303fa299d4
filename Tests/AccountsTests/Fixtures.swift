import Accounts
import Foundation
import TestSupport

/// Temporary database files and a small hand-written account for the store tests.
enum Fixtures {
    /// A fresh path in a new temporary directory, removed when the test process exits.
    static func databasePath(_ name: String = "accounts.db") throws -> String {
        TestFiles.processDirectory("accounts") + "/" + name
    }

    static func day(_ text: String) -> Day { try! Day(iso: text) }

    static let caisse = try! Caisse(code: "017510000", name: "CPAM de Paris",
                                    address: PostalAddress(street: "21 rue Georges-Auric", postalCode: "75948", city: "Paris Cedex 19"))

    /// 2 84 12 75 123 456, key computed.
    static let nir13 = "2841275123456"

    static func store() throws -> SQLiteAccountStore {
        let store = try SQLiteAccountStore(path: try databasePath())
        try store.insert(caisse)
        return store
    }

    /// An insured woman with a nom d'usage, her child (rank 2), a care payment, an IJ payment,
    /// an invalidity payment, a CEAM card and no certificate.
    static func account(nir13: String = nir13) throws -> Account {
        let insured = try InsuredPerson(
            nir: NIR(nir13: nir13, key: NIR.key(for: nir13)), lastName: "Lefèvre", usageName: "Dupré-Lefèvre",
            firstName: "Élodie", sex: .female, birthDate: day("1984-12-03"),
            address: PostalAddress(street: "3 rue de l'Église", postalCode: "75011", city: "Paris"),
            email: "elodie@exemple.fr", iban: IBAN("FR76 3000 6000 0112 3456 7890 189"), caisseCode: caisse.code,
            medecinTraitant: "Dr Noël Lemaître", complementaire: "Mutuelle des Cévennes")
        return Account(
            insured: insured,
            beneficiaries: [
                try Beneficiary(rank: 1, relationship: .assure, firstName: "Élodie", lastName: "Lefèvre", birthDate: day("1984-12-03")),
                try Beneficiary(rank: 2, relationship: .enfant, firstName: "Zoé", lastName: "Dupré", birthDate: day("2015-03-02")),
            ],
            rightsPeriods: [
                try RightsPeriod(beneficiaryRank: 1, openFrom: day("2010-01-01"), openTo: nil,
                                 ald: .init(since: day("2024-06-01"), exonerationTicketModerateur: true)),
                try RightsPeriod(beneficiaryRank: 2, openFrom: day("2015-03-02"), openTo: day("2026-03-31"),
                                 complementaireSanteSolidaire: true),
            ],
            carePayments: [
                try CarePayment(beneficiaryRank: 2, careDate: day("2026-10-02"), kind: .consultation,
                                act: "Consultation médecin généraliste", professional: "Dr Anaïs Çà",
                                amountPaid: Money(euros: 30), base: Money(euros: 30), rate: Rate(percent: 70),
                                reimbursed: Money(euros: 21), participationForfaitaire: Money(euros: 2),
                                paymentDate: day("2026-10-05"), paidTo: .assure, dossier: "D-001"),
            ],
            dailyAllowances: [
                try DailyAllowance.computed(workStopReference: "AM1", from: day("2026-09-01"), to: day("2026-09-14"),
                                            days: 11, dailyGross: Money(cents: 4147), paymentDate: day("2026-09-20"),
                                            cause: .maladie, ald: true),
            ],
            invalidityPayments: [
                try InvalidityPayment(month: YearMonth(year: 2026, month: 9), paymentDate: day("2026-10-09"), category: 2,
                                      gross: Money(euros: 1000), net: Money(euros: 909), taxable: Money(euros: 941)),
            ],
            ceamCards: [try CEAMCard(beneficiaryRank: 2, cardNumber: "80250020000012312345", expiry: day("2027-05-31"))])
    }
}
