/// A whole account as written in one go: the insured, the family and every history.
///
/// This is the unit of insertion (the seed writes accounts, not rows); the store checks the
/// cross-entity rules on insert: rank 1 is the insured, ranks are unique, every row names an
/// existing beneficiary.
public struct Account: Hashable, Sendable {
    public var insured: InsuredPerson
    public var beneficiaries: [Beneficiary]
    public var rightsPeriods: [RightsPeriod]
    public var carePayments: [CarePayment]
    public var dailyAllowances: [DailyAllowance]
    public var invalidityPayments: [InvalidityPayment]
    public var ceamCards: [CEAMCard]
    public var ceamCertificates: [CEAMCertificate]

    public init(insured: InsuredPerson, beneficiaries: [Beneficiary], rightsPeriods: [RightsPeriod] = [],
                carePayments: [CarePayment] = [], dailyAllowances: [DailyAllowance] = [],
                invalidityPayments: [InvalidityPayment] = [], ceamCards: [CEAMCard] = [],
                ceamCertificates: [CEAMCertificate] = []) {
        self.insured = insured
        self.beneficiaries = beneficiaries
        self.rightsPeriods = rightsPeriods
        self.carePayments = carePayments
        self.dailyAllowances = dailyAllowances
        self.invalidityPayments = invalidityPayments
        self.ceamCards = ceamCards
        self.ceamCertificates = ceamCertificates
    }

    /// The cross-entity checks, with the field path of the first offending row.
    package func validate() throws(AccountsError) {
        let ranks = beneficiaries.map(\.rank)
        guard beneficiaries.first(where: { $0.rank == 1 })?.relationship == .assure else {
            throw AccountsError(.invalidValue, field: "beneficiaries", reason: "l'assuré (rang 1) manque")
        }
        guard Set(ranks).count == ranks.count else {
            throw AccountsError(.duplicate, field: "beneficiaries", reason: "rang en double")
        }
        let known = Set(ranks)
        func check(_ rank: Int, _ field: String) throws(AccountsError) {
            guard known.contains(rank) else {
                throw AccountsError(.unknownBeneficiary, field: field, reason: "aucun bénéficiaire de rang \(rank)")
            }
        }
        for (i, r) in rightsPeriods.enumerated() { try check(r.beneficiaryRank, "rightsPeriods[\(i)].beneficiaryRank") }
        for (i, p) in carePayments.enumerated() { try check(p.beneficiaryRank, "carePayments[\(i)].beneficiaryRank") }
        for (i, c) in ceamCards.enumerated() { try check(c.beneficiaryRank, "ceamCards[\(i)].beneficiaryRank") }
        for (i, c) in ceamCertificates.enumerated() {
            try check(c.beneficiaryRank, "ceamCertificates[\(i)].beneficiaryRank")
        }
        let certified = ceamCertificates.map(\.beneficiaryRank)
        guard Set(certified).count == certified.count else {
            throw AccountsError(.alreadyDelivered, field: "ceamCertificates", reason: "deux certificats provisoires pour un même bénéficiaire")
        }
    }
}
