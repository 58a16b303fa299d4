import Accounts

/// When the relevé fiscal of year N−1 can be downloaded: from its publication date in year N
/// (default 1 February, once the amounts have been sent to the tax administration) and for
/// `availabilityMonths` months (default 6: until 31 July inclusive).
public struct ReleveFiscalPolicy: Sendable {
    public let publicationMonth: Int
    public let publicationDay: Int
    public let availabilityMonths: Int

    public init(publicationMonth: Int = 2, publicationDay: Int = 1, availabilityMonths: Int = 6) {
        self.publicationMonth = publicationMonth
        self.publicationDay = publicationDay
        self.availabilityMonths = availabilityMonths
    }

    /// The publication date of the relevé for `taxYear`.
    public func publication(of taxYear: Int) -> Day {
        Day(unchecked: taxYear + 1, publicationMonth, min(publicationDay, Day.daysIn(year: taxYear + 1, month: publicationMonth)))
    }

    /// First day it is no longer available.
    public func expiry(of taxYear: Int) -> Day { publication(of: taxYear).adding(months: availabilityMonths) }

    /// The tax year offered at `today` (the previous calendar year), or the refusal.
    public func taxYear(today: Day) throws(Refusal) -> Int {
        let year = today.year - 1
        let published = publication(of: year)
        guard today >= published else {
            throw Refusal(.releveFiscalPasEncorePublie,
                          "Le relevé fiscal \(year) sera disponible à partir du \(FrenchDate.long(published)).")
        }
        let expiry = expiry(of: year)
        guard today < expiry else {
            throw Refusal(.releveFiscalExpire,
                          "Le relevé fiscal \(year) n'est plus disponible depuis le \(FrenchDate.long(expiry)) : il pouvait être téléchargé pendant \(availabilityMonths) mois après sa publication.")
        }
        return year
    }
}
