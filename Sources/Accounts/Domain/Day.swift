import CivilDays

/// A calendar date (year, month, day) with no time and no time zone.
///
/// Insurance documents speak in days: rights open on a day, a payment is made on a day. Using
/// Foundation `Date` would bring time zones into the model and make 23:30 UTC a different day in
/// Paris, so the model never uses it. Arithmetic goes through a day ordinal (days since
/// 1970-01-01, proleptic Gregorian calendar).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Refuses impossible dates (2026-02-30, month 13) and years outside 1800...2200, which can
    /// only be typing or conversion errors in this domain.
    public init(year: Int, month: Int, day: Int, field: String = "day") throws(AccountsError) {
        guard (1800...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(year: year, month: month)
        else {
            throw AccountsError(.invalidDay, field: field,
                                reason: "date impossible : \(Day.format(year, month, day))")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly (ten characters, zero-padded).
    public init(iso text: String, field: String = "day") throws(AccountsError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2,
              parts[2].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else {
            throw AccountsError(.invalidDay, field: field,
                                reason: "date attendue au format AAAA-MM-JJ : « \(text) »")
        }
        try self.init(year: y, month: m, day: d, field: field)
    }

    /// The day `ordinal` days after 1970-01-01 (negative before).
    public init(ordinal: Int) {
        (year, month, day) = CivilDays.date(fromDays: ordinal)
    }

    /// Days since 1970-01-01.
    public var ordinal: Int { CivilDays.days(year: year, month: month, day: day) }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Same day number `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29
    /// Feb), which is how "valid three months" is read in practice.
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return Day(unchecked: y, m, min(day, Day.daysIn(year: y, month: m)))
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public var yearMonth: YearMonth { YearMonth(unchecked: year, month) }

    /// `YYYY-MM-DD`.
    public var description: String { Day.format(year, month, day) }

    /// `YYYYMMDD` as an integer: the storage form (sorts like the date).
    package var packed: Int { year * 10_000 + month * 100 + day }

    package init(packed: Int, field: String = "day") throws(AccountsError) {
        try self.init(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100, field: field)
    }

    package init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
