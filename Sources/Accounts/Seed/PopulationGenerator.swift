/// Generates a deterministic synthetic population that looks real: families with ayants droit,
/// valid NIR and IBAN keys, 27 months of care payments before `today`, some IJ, ALD, invalidity
/// pensions, CEAM cards, and a few accounts whose rights are closed.
///
/// Each account is generated from its own random stream (`seed`, `index`), so account *i* is the
/// same whatever the batch size or the order of generation. Nothing reads the clock: `today` is
/// the reference date of the population.
public struct PopulationGenerator: Sendable {
    public let seed: UInt64
    public let today: Day

    /// The default reference date when neither `--today` nor `SOURCE_DATE_EPOCH` is given.
    public static let defaultToday = Day(unchecked: 2026, 11, 26)
    /// How far back care payments go: the relevé mensuel offers the last 27 months.
    public static let historyMonths = 27

    public init(seed: UInt64, today: Day) {
        self.seed = seed
        self.today = today
    }

    public func caisses() throws -> [Caisse] { try SeedCaisses.caisses() }

    /// The largest population whose NIRs are guaranteed distinct (see `nir(index:…)`).
    public static let maximumAccounts = 1_000_000

    /// Account number `index` (0-based) of the population.
    public func account(index: Int) throws -> Account {
        var rng = SeededGenerator(seed: seed, stream: UInt64(index))
        let place = rng.pick(SeedCaisses.entries)
        let family = try familyMembers(index: index, place: place, &rng)
        let rights = try rightsPeriods(family, &rng)
        let care = try carePayments(family, rights: rights, index: index, &rng)
        let allowances = try dailyAllowances(family, rights: rights, index: index, &rng)
        let pensions = try invalidityPayments(family, &rng)
        let (cards, certificates) = try ceam(family, index: index, &rng)
        return Account(insured: family.insured, beneficiaries: family.members, rightsPeriods: rights,
                       carePayments: care, dailyAllowances: allowances, invalidityPayments: pensions,
                       ceamCards: cards, ceamCertificates: certificates)
    }

    /// The insured and his family, as generated before any history.
    struct Family {
        let insured: InsuredPerson
        let members: [Beneficiary]
        let household: HouseholdFlags
    }

    /// Facts drawn once per account that later generators depend on.
    struct HouseholdFlags {
        let complementaireSanteSolidaire: Bool
        let closedOn: Day?
    }

    /// A day uniformly drawn in `[from, to]`.
    func day(between from: Day, and to: Day, _ rng: inout SeededGenerator) -> Day {
        from.adding(days: rng.int(0...max(0, from.days(to: to))))
    }

    /// Age in whole years at `day`.
    static func age(of birth: Day, at day: Day) -> Int {
        day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day) ? 1 : 0)
    }
}
