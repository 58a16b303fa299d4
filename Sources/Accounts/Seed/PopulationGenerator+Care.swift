/// Rights periods and care payments.
extension PopulationGenerator {
    func rightsPeriods(_ family: Family, _ rng: inout SeededGenerator) throws -> [RightsPeriod] {
        let opened = max(family.insured.birthDate, today.adding(days: -rng.int(900...9000)))
        let closed = family.household.closedOn.map { max($0, opened) }
        var periods: [RightsPeriod] = []
        for member in family.members {
            let from = max(opened, member.birthDate)
            var ald: RightsPeriod.ALD?
            let adult = PopulationGenerator.age(of: member.birthDate, at: today) >= 18
            if rng.chance(adult ? 10 : 2) {
                ald = RightsPeriod.ALD(since: day(between: from, and: max(from, closed ?? today), &rng),
                                       exonerationTicketModerateur: rng.chance(85))
            }
            periods.append(try RightsPeriod(beneficiaryRank: member.rank, openFrom: from, openTo: closed.map { max($0, from) }, ald: ald,
                                            complementaireSanteSolidaire: family.household.complementaireSanteSolidaire))
        }
        return periods
    }

    /// A care act template: kind, label, how the base is drawn, the rate, and the deductions.
    private struct Act {
        let kind: CarePayment.Kind
        let label: String
        let baseCents: ClosedRange<Int>
        let ratePercent: Int
        /// Participation forfaitaire applies (consultations, acts, biology, radiology).
        let participation: Bool
        /// Franchise per unit (boxes of medicine, sessions, trips); 0 when none.
        let franchiseUnit: FranchiseUnit
        let tiersPayant: Int
        let professional: String
    }

    private enum FranchiseUnit { case none, box, session, transport }

    private static let acts: [Act] = [
        Act(kind: .consultation, label: "Consultation médecin généraliste", baseCents: 3000...3000, ratePercent: 70,
            participation: true, franchiseUnit: .none, tiersPayant: 15, professional: "Dr"),
        Act(kind: .consultation, label: "Consultation médecin spécialiste", baseCents: 3000...6000, ratePercent: 70,
            participation: true, franchiseUnit: .none, tiersPayant: 10, professional: "Dr"),
        Act(kind: .pharmacie, label: "Médicaments remboursés à 65 %", baseCents: 300...9000, ratePercent: 65,
            participation: false, franchiseUnit: .box, tiersPayant: 90, professional: "Pharmacie"),
        Act(kind: .pharmacie, label: "Médicaments remboursés à 30 %", baseCents: 300...4000, ratePercent: 30,
            participation: false, franchiseUnit: .box, tiersPayant: 90, professional: "Pharmacie"),
        Act(kind: .biologie, label: "Analyses de biologie médicale", baseCents: 800...9000, ratePercent: 60,
            participation: true, franchiseUnit: .none, tiersPayant: 70, professional: "Laboratoire"),
        Act(kind: .radiologie, label: "Radiographie", baseCents: 2000...7000, ratePercent: 70,
            participation: true, franchiseUnit: .none, tiersPayant: 30, professional: "Cabinet de radiologie"),
        Act(kind: .kinesitherapie, label: "Séances de kinésithérapie", baseCents: 1613...16130, ratePercent: 60,
            participation: false, franchiseUnit: .session, tiersPayant: 40, professional: "M."),
        Act(kind: .soinsInfirmiers, label: "Soins infirmiers", baseCents: 315...4500, ratePercent: 60,
            participation: false, franchiseUnit: .session, tiersPayant: 60, professional: "Mme"),
        Act(kind: .dentaire, label: "Soins dentaires conservateurs", baseCents: 2600...8400, ratePercent: 60,
            participation: true, franchiseUnit: .none, tiersPayant: 20, professional: "Dr"),
        Act(kind: .optique, label: "Équipement optique (verres et monture)", baseCents: 900...12000, ratePercent: 60,
            participation: false, franchiseUnit: .none, tiersPayant: 80, professional: "Opticien"),
        Act(kind: .hospitalisation, label: "Hospitalisation – frais de séjour", baseCents: 40000...400000, ratePercent: 80,
            participation: false, franchiseUnit: .none, tiersPayant: 100, professional: "Centre hospitalier"),
        Act(kind: .transport, label: "Transport sanitaire (taxi conventionné)", baseCents: 3000...12000, ratePercent: 65,
            participation: false, franchiseUnit: .transport, tiersPayant: 85, professional: "Taxi"),
    ]

    /// Per title (« Dr », « Pharmacie », …), 64 names drawn once from a fixed stream.
    private static let professionals: [String: [String]] = {
        var rng = SeededGenerator(seed: 0x5EED_0F_D0C, stream: 0)
        var pools: [String: [String]] = [:]
        for title in Set(acts.map(\.professional)).sorted() {
            let person = title == "Dr" || title == "M." || title == "Mme"
            pools[title] = (0..<64).map { _ in
                person ? "\(title) \(rng.pick(FrenchNames.firstNames)) \(rng.pick(FrenchNames.last))"
                    : "\(title) \(rng.pick(FrenchNames.streets).split(separator: " ").dropFirst().joined(separator: " "))"
            }
        }
        return pools
    }()

    func carePayments(_ family: Family, rights: [RightsPeriod], index: Int,
                      _ rng: inout SeededGenerator) throws -> [CarePayment] {
        var payments: [CarePayment] = []
        // At most three a month: reserving once avoids regrowing an array of large structs.
        payments.reserveCapacity(3 * PopulationGenerator.historyMonths)
        let firstMonth = today.yearMonth.adding(months: -(PopulationGenerator.historyMonths - 1))
        for offset in 0..<PopulationGenerator.historyMonths {
            let month = firstMonth.adding(months: offset)
            let count = rng.int(0...2) + (family.members.count > 2 ? rng.int(0...1) : 0)
            for _ in 0..<count {
                let member = rng.chance(60) ? family.members[0] : rng.pick(family.members)
                let paid = day(between: month.firstDay, and: month.lastDay, &rng)
                let careDate = paid.adding(days: -rng.int(1...14))
                guard paid < today, let period = rights.first(where: { $0.beneficiaryRank == member.rank }),
                      period.covers(careDate), member.birthDate <= careDate
                else { continue }
                payments.append(try payment(for: member, period: period, careDate: careDate, paid: paid,
                                            household: family.household, serial: payments.count, index: index, &rng))
            }
        }
        return payments
    }

    private func payment(for member: Beneficiary, period: RightsPeriod, careDate: Day, paid: Day,
                         household: HouseholdFlags, serial: Int, index: Int,
                         _ rng: inout SeededGenerator) throws -> CarePayment {
        let act = rng.pick(PopulationGenerator.acts)
        let base = Money(cents: Int64(rng.int(act.baseCents)))
        let exonerated = (period.ald?.exonerationTicketModerateur ?? false) && (period.ald?.since ?? today) <= careDate
            && rng.chance(60)
        let rate = Rate(percent: exonerated ? 100 : act.ratePercent)
        let overrun = act.kind == .consultation || act.kind == .optique ? Money(cents: Int64(rng.int(0...4) * 500)) : .zero
        let reimbursed = base.applying(rate)
        // Minors and CSS beneficiaries pay neither participation forfaitaire nor franchises
        // (CSS art. L160-13 III, R160-17). Amounts changed in 2024: PF 1 € → 2 € (15 May),
        // franchise 0,50 € → 1 € per box/session and 2 € → 4 € per transport (31 March).
        let exempt = household.complementaireSanteSolidaire || PopulationGenerator.age(of: member.birthDate, at: careDate) < 18
        let after2024PF = careDate >= Day(unchecked: 2024, 5, 15)
        let after2024Franchise = careDate >= Day(unchecked: 2024, 3, 31)
        var participation = exempt || !act.participation ? Money.zero : Money(cents: after2024PF ? 200 : 100)
        let units = rng.int(1...3)
        var franchise: Money = switch (exempt, act.franchiseUnit) {
        case (true, _), (_, .none): .zero
        case (_, .box), (_, .session): Money(cents: Int64(units) * (after2024Franchise ? 100 : 50))
        case (_, .transport): Money(cents: after2024Franchise ? 400 : 200)
        }
        participation = min(participation, reimbursed)
        franchise = min(franchise, reimbursed - participation)
        // Professionals come from a fixed pool per title: building a name per payment was a
        // third of the generation time, and a real patient sees the same few professionals.
        let professional = rng.pick(PopulationGenerator.professionals[act.professional]!)
        let dossier = "\(paid.packed)\(index % 100_000 + 100_000)\(serial % 100 + 100)"
        return try CarePayment(
            beneficiaryRank: member.rank, careDate: careDate, kind: act.kind, act: act.label, professional: professional,
            amountPaid: base + overrun, base: base, rate: rate, reimbursed: reimbursed,
            participationForfaitaire: participation, franchise: franchise, paymentDate: paid,
            paidTo: rng.chance(act.tiersPayant) ? .professionnel : .assure, dossier: dossier)
    }
}
