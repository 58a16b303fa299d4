import Accounts

/// French date wording for the refusal reasons and the document models (« 1er février 2027 »,
/// « mars 2026 », « d'août 2024 »). Layout has its own formatters for the page; these are for
/// the sentences the rules produce.
public enum FrenchDate {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"]

    /// « 31 mars 2026 », « 1er février 2027 » (the ordinal for the first of the month).
    public static func long(_ day: Day) -> String {
        "\(day.day == 1 ? "1er" : String(day.day)) \(months[day.month - 1]) \(day.year)"
    }

    /// « mars 2026 ».
    public static func month(_ month: YearMonth) -> String { "\(months[month.month - 1]) \(month.year)" }

    /// « de mars 2026 », « d'août 2024 »: elision before a vowel (avril, août, octobre).
    public static func ofMonth(_ month: YearMonth) -> String {
        let name = months[month.month - 1]
        return ("aeiou".contains(name.first!) ? "d'" : "de ") + "\(name) \(month.year)"
    }
}
