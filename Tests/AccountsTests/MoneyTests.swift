import Accounts
import Testing

@Suite("Money in integer cents")
struct MoneyTests {
    @Test("arithmetic is exact")
    func arithmetic() {
        let a = Money(euros: 12, cents: 34), b = Money(cents: 66)
        #expect((a + b).cents == 1_300)
        #expect((a - b).cents == 1_168)
        #expect((-a).cents == -1_234)
        #expect((b * 3).cents == 198)
        #expect([a, b, Money(cents: -100)].sum().cents == 1_200)
        #expect(Money.zero - a < Money.zero)
    }

    @Test("rates round half away from zero to the cent", arguments: [
        (1_001, 620, 62),      // 10,01 € × 6,2 % = 0,62062 €
        (1_000, 50, 5),        // CRDS 0,5 % of 10 €
        (1_010, 50, 5),        // 0,0505 € → 0,05 €
        (1_090, 50, 5),        // 0,0545 € → 0,05 €
        (1_100, 50, 6),        // 0,055 € → 0,06 € (half up)
        (-1_100, 50, -6),      // symmetric for negatives
        (3_000, 7_000, 2_100), // 70 % of 30 €
        (4_147, 10_000, 4_147),
    ])
    func rates(cents: Int64, basisPoints: Int, expected: Int64) {
        #expect(Money(cents: cents).applying(Rate(basisPoints: basisPoints)).cents == expected)
    }

    @Test("neutral text form", arguments: [(0, "0.00"), (5, "0.05"), (123_456, "1234.56"), (-205, "-2.05")])
    func text(cents: Int64, expected: String) {
        #expect(Money(cents: cents).description == expected)
    }

    @Test("negative amounts are refused where they are not allowed")
    func negativeRefused() throws {
        let error = #expect(throws: AccountsError.self) {
            try CarePayment(beneficiaryRank: 1, careDate: Day(iso: "2026-10-01"), kind: .pharmacie, act: "Médicaments",
                            professional: "Pharmacie", amountPaid: Money(cents: -500), base: Money(cents: 500),
                            rate: Rate(percent: 65), reimbursed: Money(cents: 325),
                            paymentDate: Day(iso: "2026-10-03"), paidTo: .professionnel, dossier: "D1")
        }
        #expect(error?.code == .negativeAmount)
        #expect(error?.field == "carePayment.amountPaid")
        #expect(error?.reason.contains("-5.00") == true)
    }
}
