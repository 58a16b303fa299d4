/// Income replacement: indemnités journalières and invalidity pensions.
extension PopulationGenerator {
    func dailyAllowances(_ family: Family, rights: [RightsPeriod], index: Int,
                         _ rng: inout SeededGenerator) throws -> [DailyAllowance] {
        let insured = family.insured
        let age = PopulationGenerator.age(of: insured.birthDate, at: today)
        guard (18...66).contains(age), rng.chance(16) else { return [] }
        let ald = rights.first?.ald
        var payments: [DailyAllowance] = []
        for stop in 0..<rng.int(1...2) {
            let start = today.adding(days: -rng.int(20...820))
            let cause: DailyAllowance.Cause = insured.sex == .female && age <= 44 && rng.chance(20) ? .maternite
                : rng.chance(22) ? .accidentDuTravail : .maladie
            // Congé maternité: 16 weeks (CSS art. L331-3); other stops from 4 days to 5 months.
            let length = cause == .maternite ? 112 : rng.int(4...(cause == .maladie ? 90 : 150))
            let underALD = cause == .maladie && (ald?.exonerationTicketModerateur ?? false) && rng.chance(60)
            let dailyGross = Money(cents: Int64(cause == .maternite ? rng.int(1000...10194)
                : cause == .maladie ? rng.int(2000...4147) : rng.int(3000...12000)))
            let reference = "\(cause == .accidentDuTravail ? "AT" : "AM")\(start.packed)\(index % 10_000)\(stop)"
            payments += try slices(reference: reference, from: start, length: length, dailyGross: dailyGross,
                                   cause: cause, ald: underALD, carence: cause == .maladie ? 3 : 0, miTemps: false, &rng)
            // Some sick leaves continue as a temps partiel thérapeutique, paid at half the rate.
            if cause == .maladie, rng.chance(15) {
                payments += try slices(reference: reference + "T", from: start.adding(days: length), length: rng.int(28...84),
                                       dailyGross: Money(cents: dailyGross.cents / 2), cause: cause, ald: underALD,
                                       carence: 0, miTemps: true, &rng)
            }
        }
        return payments.sorted { ($0.paymentDate, $0.from) < ($1.paymentDate, $1.from) }
    }

    /// Cuts a stop in fortnightly payments, paid a few days after each fortnight; only those
    /// already paid at `today` exist. Sick leave has a 3-day carence (CSS art. R323-1).
    private func slices(reference: String, from start: Day, length: Int, dailyGross: Money, cause: DailyAllowance.Cause,
                        ald: Bool, carence: Int, miTemps: Bool, _ rng: inout SeededGenerator) throws -> [DailyAllowance] {
        var result: [DailyAllowance] = []
        var from = start
        let end = start.adding(days: length - 1)
        // ALD stops are exempt of carence after the first stop; keep it simple: ALD has none.
        var unpaid = ald ? 0 : carence
        while from <= end {
            let to = min(from.adding(days: 13), end)
            let span = from.days(to: to) + 1
            let days = span - min(unpaid, span)
            unpaid -= span - days
            let paid = to.adding(days: rng.int(3...9))
            if paid >= today { break }
            if days > 0 {
                result.append(try DailyAllowance.computed(
                    workStopReference: reference, from: from, to: to, days: days, dailyGross: dailyGross,
                    paymentDate: paid, cause: cause, ald: ald, miTempsTherapeutique: miTemps))
            }
            from = to.adding(days: 1)
        }
        return result
    }

    /// Monthly pension payments since the pension was granted, paid on the 9th of the next month.
    func invalidityPayments(_ family: Family, _ rng: inout SeededGenerator) throws -> [InvalidityPayment] {
        let age = PopulationGenerator.age(of: family.insured.birthDate, at: today)
        guard (30...61).contains(age), rng.chance(4) else { return [] }
        let category = rng.chance(70) ? 2 : (rng.chance(80) ? 1 : 3)
        let since = today.adding(days: -rng.int(60...3000)).yearMonth
        let gross = Money(cents: Int64(category == 1 ? rng.int(30_000...90_000) : rng.int(60_000...180_000)))
        // CSG 8,3 % (5,9 % deductible) + CRDS 0,5 % + CASA 0,3 % on invalidity pensions.
        let net = gross - gross.applying(Rate(basisPoints: 910))
        let taxable = gross - gross.applying(Rate(basisPoints: 590))
        var payments: [InvalidityPayment] = []
        let first = today.yearMonth.adding(months: -PopulationGenerator.historyMonths)
        for offset in 0...PopulationGenerator.historyMonths {
            let month = first.adding(months: offset)
            let paid = Day(unchecked: month.adding(months: 1).year, month.adding(months: 1).month, 9)
            guard month >= since, paid < today else { continue }
            payments.append(try InvalidityPayment(month: month, paymentDate: paid, category: category,
                                                  gross: gross, net: net, taxable: taxable))
        }
        return payments
    }
}
