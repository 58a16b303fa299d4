import Accounts

/// The relevé fiscal: the « montant net fiscal » of the previous year per kind of income, to be
/// declared by the insured.
///
/// Rules (CGI art. 80 quinquies, CSS art. L136-8): IJ maladie and maternité are taxable at their
/// gross amount minus the deductible CSG (3,8 % of the gross); IJ for an accident du travail or
/// a maladie professionnelle are taxable on 50 % of that amount; IJ paid under an ALD exonérante
/// are not taxable (shown with a zero taxable amount); invalidity pensions contribute the
/// taxable amount of each monthly payment.
public struct ReleveFiscal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case ijMaladie = "ij-maladie"
        case ijMaternite = "ij-maternite"
        case ijAccidentDuTravail = "ij-at-mp"
        case ijALD = "ij-ald"
        case pensionInvalidite = "pension-invalidite"

        public var label: String {
            switch self {
            case .ijMaladie: "Indemnités journalières maladie"
            case .ijMaternite: "Indemnités journalières maternité"
            case .ijAccidentDuTravail: "Indemnités journalières accident du travail / maladie professionnelle (imposables à 50 %)"
            case .ijALD: "Indemnités journalières affection de longue durée (non imposables)"
            case .pensionInvalidite: "Pension d'invalidité"
            }
        }
    }

    /// One kind of income.
    public struct Line: Sendable, Hashable {
        public let kind: Kind
        public let label: String
        public let gross: Money
        public let netPaid: Money
        /// Montant net fiscal to declare.
        public let taxable: Money
    }

    public let header: DocumentHeader
    public let year: Int
    /// Kinds with at least one payment, in `Kind.allCases` order.
    public let lines: [Line]
    public let totalTaxable: Money
    public let mentions: [Mention]
}

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
