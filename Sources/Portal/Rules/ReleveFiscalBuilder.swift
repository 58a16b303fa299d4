import Accounts

/// Builds the `ReleveFiscal` of the previous year, when the policy allows it at `today`.
public enum ReleveFiscalBuilder {
    public static func build(store: any AccountStore, nir13: String, today: Day,
                             policy: ReleveFiscalPolicy = ReleveFiscalPolicy()) throws(Refusal) -> ReleveFiscal {
        let year = try policy.taxYear(today: today)
        let header = try DocumentHeader.load(store: store, nir13: nir13, today: today)
        let (allowances, pensions) = try Refusal.reading {
            (try store.dailyAllowances(nir13: nir13, paid: Day(unchecked: year, 1, 1)...Day(unchecked: year, 12, 31)),
             try store.invalidityPayments(nir13: nir13, year: year))
        }
        var lines: [ReleveFiscal.Line] = []
        for kind in ReleveFiscal.Kind.allCases {
            if kind == .pensionInvalidite {
                guard !pensions.isEmpty else { continue }
                lines.append(.init(kind: kind, label: kind.label, gross: pensions.map(\.gross).sum(),
                                   netPaid: pensions.map(\.net).sum(), taxable: pensions.map(\.taxable).sum()))
                continue
            }
            let own = allowances.filter { Self.kind(of: $0) == kind }
            guard !own.isEmpty else { continue }
            let gross = own.map(\.gross).sum()
            lines.append(.init(kind: kind, label: kind.label, gross: gross, netPaid: own.map(\.net).sum(),
                               taxable: taxable(kind: kind, gross: gross)))
        }
        guard !lines.isEmpty else {
            throw Refusal(.aucunPaiement, "Aucune somme imposable ne vous a été versée en \(year).")
        }
        var mentions: [Mention] = []
        if lines.contains(where: { $0.kind == .ijALD }) {
            mentions.append(Mention(.ijALD, "Les indemnités versées au titre d'une affection de longue durée ne sont pas imposables."))
        }
        if lines.contains(where: { $0.kind == .ijAccidentDuTravail }) {
            mentions.append(Mention(.accidentDuTravailDemiImposable,
                                    "Les indemnités d'accident du travail ou de maladie professionnelle sont imposables à hauteur de 50 %."))
        }
        return ReleveFiscal(header: header, year: year, lines: lines, totalTaxable: lines.map(\.taxable).sum(), mentions: mentions)
    }

    static func kind(of payment: DailyAllowance) -> ReleveFiscal.Kind {
        if payment.ald { return .ijALD }
        switch payment.cause {
        case .maladie: return .ijMaladie
        case .maternite: return .ijMaternite
        case .accidentDuTravail: return .ijAccidentDuTravail
        }
    }

    /// Montant net fiscal of a yearly gross: gross − deductible CSG (one rounding per kind, on the
    /// yearly total), halved (half-cent up) for AT/MP, zero under ALD.
    static func taxable(kind: ReleveFiscal.Kind, gross: Money) -> Money {
        let net = gross - gross.applying(DailyAllowance.csgDeductibleRate)
        switch kind {
        case .ijALD: return .zero
        case .ijAccidentDuTravail: return net.applying(Rate(percent: 50))
        default: return net
        }
    }
}
