import Accounts

/// Builds a `ReleveMensuel` from the payments paid during the month.
public enum ReleveMensuelBuilder {
    public static func build(store: any AccountStore, nir13: String, month: YearMonth, today: Day,
                             policy: ReleveMensuelPolicy = ReleveMensuelPolicy()) throws(Refusal) -> ReleveMensuel {
        try policy.validate(month: month, today: today)
        let header = try DocumentHeader.load(store: store, nir13: nir13, today: today)
        let (members, payments) = try Refusal.reading {
            (try store.beneficiaries(nir13: nir13),
             try store.carePayments(nir13: nir13, paid: month.firstDay...month.lastDay, beneficiaryRank: nil))
        }
        let groups = members.compactMap { member -> ReleveMensuel.Group? in
            let own = payments.filter { $0.beneficiaryRank == member.rank }.map(payment)
            return own.isEmpty ? nil : ReleveMensuel.Group(beneficiary: member, payments: own, totals: ReleveMensuel.Totals(own))
        }
        return ReleveMensuel(header: header, month: month, monthLabel: FrenchDate.month(month), groups: groups,
                             totals: ReleveMensuel.Totals(groups.flatMap(\.payments)))
    }

    static func payment(_ p: CarePayment) -> ReleveMensuel.Payment {
        var deductions: [ReleveMensuel.Deduction] = []
        // CSS art. L160-13 II and III: the participation forfaitaire and the franchise médicale
        // are deducted from the reimbursement and printed as such.
        if p.participationForfaitaire > .zero {
            deductions.append(.init(kind: .participationForfaitaire, label: "Participation forfaitaire",
                                    amount: -p.participationForfaitaire))
        }
        if p.franchise > .zero {
            deductions.append(.init(kind: .franchise, label: "Franchise médicale", amount: -p.franchise))
        }
        let payee = p.paidTo == .assure ? "à vous" : "au professionnel de santé (tiers payant)"
        return ReleveMensuel.Payment(
            careDate: p.careDate, act: p.act, professional: p.professional, amountPaid: p.amountPaid, base: p.base,
            rate: p.rate, reimbursed: p.reimbursed, deductions: deductions,
            net: p.reimbursed + deductions.map(\.amount).sum(), paidOn: p.paymentDate, paidTo: p.paidTo,
            settlement: "Réglé le \(FrenchDate.long(p.paymentDate)) \(payee)", dossier: p.dossier)
    }
}
