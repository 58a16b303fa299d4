import Accounts
import Testing

@Suite("Bad data refused at the store's boundary")
struct StoreValidationTests {
    @Test("a payment for an unknown beneficiary is refused, naming the row")
    func unknownBeneficiary() throws {
        let store = try Fixtures.store()
        var account = try Fixtures.account()
        account.carePayments.append(try CarePayment(
            beneficiaryRank: 5, careDate: Fixtures.day("2026-10-01"), kind: .pharmacie, act: "Médicaments",
            professional: "Pharmacie", amountPaid: Money(euros: 5), base: Money(euros: 5), rate: Rate(percent: 65),
            reimbursed: Money(cents: 325), paymentDate: Fixtures.day("2026-10-02"), paidTo: .professionnel, dossier: "D2"))
        let error = #expect(throws: AccountsError.self) { try store.insert(account) }
        #expect(error?.code == .unknownBeneficiary)
        #expect(error?.field == "accounts[0].carePayments[1].beneficiaryRank")
        #expect(try store.insured(nir13: Fixtures.nir13) == nil)
    }

    @Test("an account without the insured at rank 1 is refused")
    func rankOne() throws {
        let store = try Fixtures.store()
        var account = try Fixtures.account()
        account.beneficiaries.removeFirst()
        account.rightsPeriods.removeFirst()
        let error = #expect(throws: AccountsError.self) { try store.insert(account) }
        #expect(error?.field == "accounts[0].beneficiaries")
        #expect(throws: AccountsError.self) {
            try Beneficiary(rank: 1, relationship: .enfant, firstName: "Noé", lastName: "Martin", birthDate: Fixtures.day("2020-01-01"))
        }
    }

    @Test("the same NIR cannot be inserted twice")
    func duplicateNIR() throws {
        let store = try Fixtures.store()
        try store.insert(Fixtures.account())
        let error = #expect(throws: AccountsError.self) { try store.insert(Fixtures.account()) }
        #expect(error?.code == .duplicate)
        #expect(error?.field == "accounts[0].insured")
    }

    @Test("inconsistent IJ amounts and inverted periods are refused with the field")
    func dailyAllowanceChecks() throws {
        let base = (from: Fixtures.day("2026-09-01"), to: Fixtures.day("2026-09-14"))
        let netWrong = #expect(throws: AccountsError.self) {
            try DailyAllowance(workStopReference: "AM1", from: base.from, to: base.to, days: 14, dailyGross: Money(euros: 10),
                               gross: Money(euros: 140), csg: Money(cents: 868), crds: Money(cents: 70),
                               net: Money(euros: 140), paymentDate: Fixtures.day("2026-09-20"), cause: .maladie)
        }
        #expect(netWrong?.code == .inconsistentAmounts)
        #expect(netWrong?.field == "dailyAllowance.net")
        let tooManyDays = #expect(throws: AccountsError.self) {
            try DailyAllowance.computed(workStopReference: "AM1", from: base.from, to: base.to, days: 15,
                                        dailyGross: Money(euros: 10), paymentDate: Fixtures.day("2026-09-20"), cause: .maladie)
        }
        #expect(tooManyDays?.field == "dailyAllowance.days")
        let inverted = #expect(throws: AccountsError.self) {
            try RightsPeriod(beneficiaryRank: 1, openFrom: Fixtures.day("2026-04-01"), openTo: Fixtures.day("2026-03-31"))
        }
        #expect(inverted?.field == "rightsPeriod.openTo")
        #expect(inverted?.reason.contains("2026-03-31") == true)
    }

    @Test("deductions larger than the reimbursement are refused")
    func deductions() {
        let error = #expect(throws: AccountsError.self) {
            try CarePayment(beneficiaryRank: 1, careDate: Fixtures.day("2026-10-01"), kind: .consultation, act: "Consultation",
                            professional: "Dr X", amountPaid: Money(euros: 1), base: Money(euros: 1), rate: Rate(percent: 70),
                            reimbursed: Money(cents: 70), participationForfaitaire: Money(euros: 2),
                            paymentDate: Fixtures.day("2026-10-02"), paidTo: .assure, dossier: "D")
        }
        #expect(error?.code == .inconsistentAmounts)
    }
}
