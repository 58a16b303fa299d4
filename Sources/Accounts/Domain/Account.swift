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
    ///
    /// Families have a handful of members, so ranks are checked against a small array (no
    /// hashing) and rows are read by index (no copy of each row): this runs on the seed's
    /// writer thread for every account.
    package func validate() throws(AccountsError) {
        let ranks = beneficiaries.map(\.rank)
        guard beneficiaries.first(where: { $0.rank == 1 })?.relationship == .assure else {
            throw AccountsError(.invalidValue, field: "beneficiaries", reason: "l'assuré (rang 1) manque")
        }
        for i in ranks.indices where ranks[(i + 1)...].contains(ranks[i]) {
            throw AccountsError(.duplicate, field: "beneficiaries[\(i)].rank", reason: "rang en double : \(ranks[i])")
        }
        func check(_ rank: Int, _ field: @autoclosure () -> String) throws(AccountsError) {
            guard ranks.contains(rank) else {
                throw AccountsError(.unknownBeneficiary, field: field(), reason: "aucun bénéficiaire de rang \(rank)")
            }
        }
        for i in rightsPeriods.indices { try check(rightsPeriods[i].beneficiaryRank, "rightsPeriods[\(i)].beneficiaryRank") }
        for i in carePayments.indices { try check(carePayments[i].beneficiaryRank, "carePayments[\(i)].beneficiaryRank") }
        for i in ceamCards.indices { try check(ceamCards[i].beneficiaryRank, "ceamCards[\(i)].beneficiaryRank") }
        for i in ceamCertificates.indices {
            let rank = ceamCertificates[i].beneficiaryRank
            try check(rank, "ceamCertificates[\(i)].beneficiaryRank")
            if ceamCertificates[(i + 1)...].contains(where: { $0.beneficiaryRank == rank }) {
                throw AccountsError(.alreadyDelivered, field: "ceamCertificates",
                                    reason: "deux certificats provisoires pour un même bénéficiaire")
            }
        }
    }
}
