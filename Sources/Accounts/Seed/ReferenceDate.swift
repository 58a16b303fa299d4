/// Where the seed's "today" comes from: `--today`, else `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention, seconds since 1970-01-01 UTC), else
/// `PopulationGenerator.defaultToday`. Never the clock: two runs a day apart must give the same
/// population.
public enum ReferenceDate {
    public static func resolve(option: String?, environment: [String: String]) throws -> Day {
        if let option { return try Day(iso: option, field: "--today") }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch) else {
                throw AccountsError(.invalidDay, field: "SOURCE_DATE_EPOCH",
                                    reason: "nombre de secondes attendu : « \(epoch) »")
            }
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            return Day(ordinal: Int(days))
        }
        return PopulationGenerator.defaultToday
    }
}
