import Accounts

/// Builds a `ReleveAnnuel` from the payments paid during the year.
public enum ReleveAnnuelBuilder {
    public static func build(store: any AccountStore, nir13: String, year: Int, today: Day,
                             policy: ReleveAnnuelPolicy = ReleveAnnuelPolicy()) throws(Refusal) -> ReleveAnnuel {
        let through = try policy.validate(year: year, today: today)
        let header = try DocumentHeader.load(store: store, nir13: nir13, today: today)
        let range = Day(unchecked: year, 1, 1)...through
        let (members, care, allowances, pensions) = try Refusal.reading {
            (try store.beneficiaries(nir13: nir13), try store.carePayments(nir13: nir13, paid: range, beneficiaryRank: nil),
             try store.dailyAllowances(nir13: nir13, paid: range),
             try store.invalidityPayments(nir13: nir13, year: year).filter { range.contains($0.paymentDate) })
        }
        var perMember: [ReleveAnnuel.BeneficiaryTotals] = []
        for member in members {
            var amounts: [ReleveAnnuel.Benefit: Money] = [:]
            let own = care.filter { $0.beneficiaryRank == member.rank }
            for p in own { amounts[.care(p.kind), default: .zero] = amounts[.care(p.kind), default: .zero] + p.reimbursed }
            if member.rank == 1 {
                for a in allowances { amounts[.dailyAllowance(a.cause), default: .zero] = amounts[.dailyAllowance(a.cause), default: .zero] + a.net }
                for v in pensions { amounts[.invalidityPension, default: .zero] = amounts[.invalidityPension, default: .zero] + v.net }
            }
            guard !amounts.isEmpty else { continue }
            let benefits = totals(amounts)
            let pf = -own.map(\.participationForfaitaire).sum()
            let franchises = -own.map(\.franchise).sum()
            perMember.append(ReleveAnnuel.BeneficiaryTotals(
                beneficiary: member, benefits: benefits, participationsForfaitaires: pf, franchises: franchises,
                net: benefits.map(\.amount).sum() + pf + franchises))
        }
        var all: [ReleveAnnuel.Benefit: Money] = [:]
        for t in perMember.flatMap(\.benefits) { all[t.benefit, default: .zero] = all[t.benefit, default: .zero] + t.amount }
        return ReleveAnnuel(
            header: header, year: year, coveredThrough: through, beneficiaries: perMember, benefits: totals(all),
            participationsForfaitaires: perMember.map(\.participationsForfaitaires).sum(),
            franchises: perMember.map(\.franchises).sum(), net: perMember.map(\.net).sum())
    }

    /// Sorted by the benefit's printing order, so the output never depends on dictionary order.
    private static func totals(_ amounts: [ReleveAnnuel.Benefit: Money]) -> [ReleveAnnuel.BenefitTotal] {
        amounts.keys.sorted().map { ReleveAnnuel.BenefitTotal(benefit: $0, label: $0.label, amount: amounts[$0]!) }
    }
}
