import Accounts

/// The period an attestation d'indemnités journalières may cover: from ≤ to, not ending after
/// today, at most `maximumDays` long (default 366: one year, leap day included, which is what
/// employers and Pôle emploi/France Travail ask for).
public struct IJPeriodPolicy: Sendable {
    public let maximumDays: Int

    public init(maximumDays: Int = 366) { self.maximumDays = maximumDays }

    public func validate(from: Day, to: Day, today: Day) throws(Refusal) {
        guard from <= to else {
            throw Refusal(.periodeInversee,
                          "La date de début (\(FrenchDate.long(from))) est postérieure à la date de fin (\(FrenchDate.long(to))).")
        }
        guard to <= today else {
            throw Refusal(.periodeFuture,
                          "La période ne peut pas se terminer après aujourd'hui (\(FrenchDate.long(today))) : les indemnités futures ne sont pas encore versées.")
        }
        guard from.days(to: to) + 1 <= maximumDays else {
            throw Refusal(.periodeTropLongue,
                          "La période demandée compte \(from.days(to: to) + 1) jours : elle ne peut pas dépasser \(maximumDays) jours.")
        }
    }
}
