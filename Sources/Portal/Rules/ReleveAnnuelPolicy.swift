import Accounts

/// Which years a relevé annuel may be asked for: any year that overlaps the months the portal
/// keeps online (see `ReleveMensuelPolicy`), up to the current year. The current year is
/// partial: it covers payments up to "today".
public struct ReleveAnnuelPolicy: Sendable {
    public let window: ReleveMensuelPolicy

    public init(window: ReleveMensuelPolicy = ReleveMensuelPolicy()) { self.window = window }

    /// The last day the relevé for `year` covers (31 December, or today for the current year).
    public func validate(year: Int, today: Day) throws(Refusal) -> Day {
        guard year <= today.year else {
            throw Refusal(.anneeFuture, "Le relevé annuel \(year) n'est pas encore disponible.")
        }
        let oldest = window.oldestMonth(today: today).year
        guard year >= oldest else {
            throw Refusal(.anneeTropAncienne,
                          "Le relevé annuel \(year) n'est plus disponible : les remboursements sont consultables depuis \(FrenchDate.month(window.oldestMonth(today: today))).")
        }
        return year == today.year ? today : Day(unchecked: year, 12, 31)
    }
}
