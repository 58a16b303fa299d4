/// A calendar month (year and month), the unit of the relevé mensuel and of pension payments.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int, field: String = "month") throws(AccountsError) {
        guard (1800...2200).contains(year), (1...12).contains(month) else {
            throw AccountsError(.invalidDay, field: field, reason: "mois impossible : \(year)-\(month)")
        }
        self.year = year
        self.month = month
    }

    package init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    public var firstDay: Day { Day(unchecked: year, month, 1) }
    public var lastDay: Day { Day(unchecked: year, month, Day.daysIn(year: year, month: month)) }

    /// Months are counted on a single axis (`year * 12 + month - 1`) so that adding and
    /// differences need no carry logic.
    public var index: Int { year * 12 + month - 1 }

    public func adding(months: Int) -> YearMonth {
        let i = index + months
        return YearMonth(unchecked: i / 12, i % 12 + 1)
    }

    /// Whole months from `self` to `other` (positive when `other` is later).
    public func months(to other: YearMonth) -> Int { other.index - index }

    public var description: String {
        (month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)")
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.index < rhs.index }
}
