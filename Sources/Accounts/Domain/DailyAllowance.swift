/// One payment of indemnités journalières (IJ) for a work stop.
///
/// The store keeps the amounts as paid (gross, CSG, CRDS, net), and refuses a row where they do
/// not add up: `gross = dailyGross × days` and `net = gross − CSG − CRDS`.
public struct DailyAllowance: Hashable, Sendable {
    public enum Cause: String, Sendable, Hashable, CaseIterable {
        case maladie
        case accidentDuTravail = "accident-du-travail"
        case maternite
    }

    /// CSG on replacement income, 6,2 % (CSS art. L136-8 II), of which 3,8 % is deductible.
    public static let csgRate = Rate(basisPoints: 620)
    public static let csgDeductibleRate = Rate(basisPoints: 380)
    /// CRDS, 0,5 % (ordonnance 96-50 art. 19).
    public static let crdsRate = Rate(basisPoints: 50)

    /// Arrêt de travail reference.
    public let workStopReference: String
    public let from: Day
    public let to: Day
    public let days: Int
    public let dailyGross: Money
    public let gross: Money
    public let csg: Money
    public let crds: Money
    public let net: Money
    public let paymentDate: Day
    public let cause: Cause
    /// Paid under an ALD exonérante: not taxable (CGI art. 80 quinquies).
    public let ald: Bool
    /// Temps partiel (mi-temps) thérapeutique.
    public let miTempsTherapeutique: Bool

    public init(workStopReference: String, from: Day, to: Day, days: Int, dailyGross: Money,
                gross: Money, csg: Money, crds: Money, net: Money, paymentDate: Day, cause: Cause,
                ald: Bool = false, miTempsTherapeutique: Bool = false) throws(AccountsError) {
        guard from <= to else {
            throw AccountsError(.invalidValue, field: "dailyAllowance.to", reason: "période inversée : du \(from) au \(to)")
        }
        guard days >= 1, days <= from.days(to: to) + 1 else {
            throw AccountsError(.invalidValue, field: "dailyAllowance.days",
                                reason: "\(days) jours pour une période de \(from.days(to: to) + 1) jours")
        }
        self.dailyGross = try dailyGross.nonNegative("dailyAllowance.dailyGross")
        self.gross = try gross.nonNegative("dailyAllowance.gross")
        self.csg = try csg.nonNegative("dailyAllowance.csg")
        self.crds = try crds.nonNegative("dailyAllowance.crds")
        self.net = try net.nonNegative("dailyAllowance.net")
        guard gross == dailyGross * days else {
            throw AccountsError(.inconsistentAmounts, field: "dailyAllowance.gross",
                                reason: "brut \(gross) ≠ \(days) × \(dailyGross)")
        }
        guard net == gross - csg - crds else {
            throw AccountsError(.inconsistentAmounts, field: "dailyAllowance.net",
                                reason: "net \(net) ≠ brut − CSG − CRDS (\(gross - csg - crds))")
        }
        guard !workStopReference.isEmpty else {
            throw AccountsError(.invalidValue, field: "dailyAllowance.workStopReference", reason: "référence d'arrêt vide")
        }
        self.workStopReference = workStopReference
        self.from = from
        self.to = to
        self.days = days
        self.paymentDate = paymentDate
        self.cause = cause
        self.ald = ald
        self.miTempsTherapeutique = miTempsTherapeutique
    }

    /// Builds a payment from the daily gross, computing CSG, CRDS and net at the legal rates.
    public static func computed(workStopReference: String, from: Day, to: Day, days: Int, dailyGross: Money,
                                paymentDate: Day, cause: Cause, ald: Bool = false,
                                miTempsTherapeutique: Bool = false) throws(AccountsError) -> DailyAllowance {
        let gross = dailyGross * days
        let csg = gross.applying(csgRate)
        let crds = gross.applying(crdsRate)
        return try DailyAllowance(workStopReference: workStopReference, from: from, to: to, days: days,
                                  dailyGross: dailyGross, gross: gross, csg: csg, crds: crds,
                                  net: gross - csg - crds, paymentDate: paymentDate, cause: cause,
                                  ald: ald, miTempsTherapeutique: miTempsTherapeutique)
    }
}
