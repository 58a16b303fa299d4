import Accounts

/// The certificat provisoire de remplacement of the CEAM, delivered online: valid
/// `validityMonths` months from its delivery (default 3: delivered on 26 November, valid through
/// 25 February; delivered on 1 December, through the end of February), only when the departure is within `departureWindowDays` days (default 15,
/// today included, departure today allowed), and once per beneficiary (enforced by the store).
public struct CEAMCertificatePolicy: Sendable {
    public let validityMonths: Int
    public let departureWindowDays: Int

    public init(validityMonths: Int = 3, departureWindowDays: Int = 15) {
        self.validityMonths = validityMonths
        self.departureWindowDays = departureWindowDays
    }

    /// Refuses a departure in the past or more than `departureWindowDays` days ahead.
    public func checkDeparture(_ departure: Day, today: Day) throws(Refusal) {
        guard departure >= today else {
            throw Refusal(.departPasse, "La date de départ (\(FrenchDate.long(departure))) est déjà passée.")
        }
        guard today.days(to: departure) <= departureWindowDays else {
            let opens = departure.adding(days: -departureWindowDays)
            throw Refusal(.departTropLointain,
                          "Le certificat provisoire ne peut être demandé que dans les \(departureWindowDays) jours précédant le départ : faites votre demande à partir du \(FrenchDate.long(opens)).")
        }
    }

    /// Last day of validity for a certificate delivered on `delivery`.
    /// Counted from the day before, so that month ends stay month ends (1 Dec → 28 Feb).
    public func validTo(deliveredOn delivery: Day) -> Day { delivery.adding(days: -1).adding(months: validityMonths) }

    /// The refusal for a beneficiary who already received one.
    public func alreadyDelivered(firstName: String, on day: Day?) -> Refusal {
        let when = day.map { " le \(FrenchDate.long($0))" } ?? ""
        return Refusal(.certificatDejaDelivre,
                       "Un certificat provisoire a déjà été délivré en ligne\(when) pour \(firstName) : il ne peut l'être qu'une fois, contactez votre caisse.")
    }
}
