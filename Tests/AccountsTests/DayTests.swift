import Accounts
import Testing

@Suite("Day: calendar dates without time zones")
struct DayTests {
    @Test("impossible dates are refused with the value and field", arguments: [
        (2026, 2, 30), (2026, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10), (2026, 1, 0), (1700, 1, 1),
    ])
    func impossible(y: Int, m: Int, d: Int) {
        let error = #expect(throws: AccountsError.self) { try Day(year: y, month: m, day: d, field: "careDate") }
        #expect(error?.code == .invalidDay)
        #expect(error?.field == "careDate")
    }

    @Test("leap days exist only in leap years", arguments: [(2024, true), (2000, true), (2026, false), (1900, false)])
    func leap(year: Int, leap: Bool) {
        #expect(Day.isLeap(year) == leap)
        #expect(((try? Day(year: year, month: 2, day: 29)) != nil) == leap)
    }

    @Test("ISO parsing is strict", arguments: ["2026-2-01", "2026/02/01", "20260201", "2026-02-30", "abcd-ef-gh"])
    func strictParsing(text: String) {
        #expect(throws: AccountsError.self) { try Day(iso: text) }
    }

    @Test("ordinal round-trips and counts days", arguments: [
        ("1970-01-01", 0), ("2000-03-01", 11_017), ("2026-11-26", 20_783), ("1969-12-31", -1),
    ])
    func ordinal(text: String, ordinal: Int) throws {
        let day = try Day(iso: text)
        #expect(day.ordinal == ordinal)
        #expect(Day(ordinal: ordinal) == day)
        #expect(day.description == text)
    }

    /// Every day from 1800 to 2200 follows the one before: the ordinal goes up by one and the date is the
    /// next one in the calendar (month lengths, leap years of 1900, 2000 and 2100 included).
    @Test func consecutiveDaysFromOrdinals() throws {
        var previous = try Day(iso: "1800-01-01")
        for ordinal in (previous.ordinal + 1)...(try Day(iso: "2200-12-31")).ordinal {
            let day = Day(ordinal: ordinal)
            let expected = previous.day < Day.daysIn(year: previous.year, month: previous.month)
                ? (previous.year, previous.month, previous.day + 1)
                : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
            guard (day.year, day.month, day.day) == expected, day.ordinal == ordinal else {
                Issue.record("ordinal \(ordinal) gave \(day), after \(previous)")
                return
            }
            previous = day
        }
    }

    @Test("adding months clamps to the end of the month", arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-11-26", 3, "2027-02-26"),
        ("2026-03-31", -1, "2026-02-28"), ("2026-12-15", 1, "2027-01-15"), ("2026-01-15", -13, "2024-12-15"),
    ])
    func addingMonths(from: String, months: Int, expected: String) throws {
        #expect(try Day(iso: from).adding(months: months).description == expected)
    }

    @Test("ordering and differences")
    func ordering() throws {
        let a = try Day(iso: "2026-02-28"), b = try Day(iso: "2026-03-01")
        #expect(a < b)
        #expect(a.days(to: b) == 1)
        #expect(a.adding(days: 1) == b)
        #expect(b.yearMonth.adding(months: -1) == a.yearMonth)
        #expect(try YearMonth(year: 2024, month: 9).months(to: YearMonth(year: 2026, month: 11)) == 26)
    }
}
