import Accounts

/// Which months a relevé mensuel may be asked for: the current month (payments so far) and the
/// `windowMonths − 1` months before it, i.e. with the default 27 and today = 26 November 2026,
/// September 2024 through November 2026 inclusive. August 2024 is too old; December 2026 is in
/// the future. (27 months: the period during which the portal keeps the payments online.)
public struct ReleveMensuelPolicy: Sendable {
    public let windowMonths: Int

    public init(windowMonths: Int = 27) { self.windowMonths = windowMonths }

    /// The oldest month offered at `today`.
    public func oldestMonth(today: Day) -> YearMonth { today.yearMonth.adding(months: -(windowMonths - 1)) }

    public func validate(month: YearMonth, today: Day) throws(Refusal) {
        guard month <= today.yearMonth else {
            throw Refusal(.moisFutur, "Le relevé \(FrenchDate.ofMonth(month)) n'est pas encore disponible.")
        }
        let oldest = oldestMonth(today: today)
        guard month >= oldest else {
            throw Refusal(.moisTropAncien,
                          "Le relevé \(FrenchDate.ofMonth(month)) n'est plus disponible : seuls les \(windowMonths) derniers mois peuvent être consultés (depuis \(FrenchDate.month(oldest))).")
        }
    }
}
