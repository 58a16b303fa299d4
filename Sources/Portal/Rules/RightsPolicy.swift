import Accounts

/// Whether a beneficiary's rights are open at "today", and which mentions apply.
///
/// Rules: rights are open when a period covers today (bounds included); when none does, the
/// refusal names the day the last period ended. ALD and exonération du ticket modérateur are
/// mentioned only once the ALD has started; CSS only on a period that grants it.
public struct RightsPolicy: Sendable {
    public init() {}

    /// The period open at `today` for `rank`, or the refusal saying since when rights are closed.
    /// `whose` is the subject of the sentence (« Vos droits », « Les droits de Zoé »),
    /// `consequence` its end (« l'attestation de droits ne peut pas être délivrée »).
    public func openPeriod(rank: Int, in periods: [RightsPeriod], today: Day, whose: String,
                           consequence: String) throws(Refusal) -> RightsPeriod {
        let own = periods.filter { $0.beneficiaryRank == rank }
        if let open = own.last(where: { $0.covers(today) }) { return open }
        if let ended = own.compactMap(\.openTo).filter({ $0 < today }).max() {
            throw Refusal(.droitsFermes,
                          "\(whose) sont fermés depuis le \(FrenchDate.long(ended)) : \(consequence).")
        }
        throw Refusal(.aucunDroit,
                      "\(whose) ne sont pas ouverts au \(FrenchDate.long(today)) : \(consequence).")
    }

    /// The mentions that apply to `period` at `today`, in printing order.
    public func mentions(for period: RightsPeriod, today: Day) -> [Mention] {
        var mentions: [Mention] = []
        if let ald = period.ald, ald.since <= today {
            mentions.append(Mention(.ald, "Affection de longue durée reconnue depuis le \(FrenchDate.long(ald.since))."))
            if ald.exonerationTicketModerateur {
                // CSS art. L160-14 3°: care related to the ALD is covered at 100 %.
                mentions.append(Mention(.exonerationTicketModerateur,
                                        "Exonération du ticket modérateur pour les soins en rapport avec l'affection de longue durée."))
            }
        }
        if period.complementaireSanteSolidaire {
            mentions.append(Mention(.complementaireSanteSolidaire, "Bénéficiaire de la complémentaire santé solidaire."))
        }
        return mentions
    }
}
