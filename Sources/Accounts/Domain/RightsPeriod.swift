/// A period during which a beneficiary's rights to the health-insurance benefits are open.
public struct RightsPeriod: Hashable, Sendable {
    /// Affection de longue durée: recognised since `since`; `exonerationTicketModerateur` when it
    /// is an ALD « exonérante » (care related to it reimbursed at 100 %, CSS art. L160-14).
    public struct ALD: Hashable, Sendable {
        public let since: Day
        public let exonerationTicketModerateur: Bool
        public init(since: Day, exonerationTicketModerateur: Bool) {
            self.since = since
            self.exonerationTicketModerateur = exonerationTicketModerateur
        }
    }

    public let beneficiaryRank: Int
    public let openFrom: Day
    /// Last day of rights, inclusive; `nil` while open-ended.
    public let openTo: Day?
    public let ald: ALD?
    /// Complémentaire santé solidaire (CSS) granted over this period.
    public let complementaireSanteSolidaire: Bool

    public init(beneficiaryRank: Int, openFrom: Day, openTo: Day?, ald: ALD? = nil,
                complementaireSanteSolidaire: Bool = false) throws(AccountsError) {
        if let openTo, openTo < openFrom {
            throw AccountsError(.invalidValue, field: "rightsPeriod.openTo",
                                reason: "fin des droits (\(openTo)) avant leur ouverture (\(openFrom))")
        }
        self.beneficiaryRank = beneficiaryRank
        self.openFrom = openFrom
        self.openTo = openTo
        self.ald = ald
        self.complementaireSanteSolidaire = complementaireSanteSolidaire
    }

    /// Whether `day` falls inside the period (bounds inclusive).
    public func covers(_ day: Day) -> Bool {
        openFrom <= day && (openTo.map { day <= $0 } ?? true)
    }
}
