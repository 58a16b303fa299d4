import Accounts
import LayoutDefinitions

extension AttestationIJ {
    /// The data of `Layouts/attestation-ij.yaml`: the taxable payments (`imposables`) and those
    /// under an ALD exonérante (`ald`), each present only when it has rows; mentions filtered by
    /// `shown` (nil: every mention that applies).
    public func layoutData(id: String, shown: Set<Mention.Code>? = nil) -> DataValue {
        var fields = LayoutData.common(header, id: id, title: "Attestation de paiement des indemnités journalières")
        fields += [("periode_du", LayoutData.day(from)), ("periode_au", LayoutData.day(to)),
                   ("taux_csg", LayoutData.percent(csgRate)), ("taux_crds", LayoutData.percent(crdsRate))]
        // The builder puts the ALD group last and adds the `ijALD` mention exactly when that group
        // exists (the rows themselves do not say whether they were paid under an ALD).
        let aldIndex = mentions.contains { $0.code == .ijALD } ? groups.count - 1 : nil
        for (index, group) in groups.enumerated() {
            fields.append((index == aldIndex ? "ald" : "imposables", Self.group(group)))
        }
        fields.append(("totaux", Self.totals(totals)))
        fields.append(("mentions", LayoutData.mentions(mentions.filter { shown?.contains($0.code) ?? true })))
        return .object(fields)
    }

    static func group(_ group: Group) -> DataValue {
        .object([("titre", .string(group.title)), ("lignes", .array(group.rows.map(row))),
                 ("totaux", totals(group.totals))])
    }

    static func row(_ row: Row) -> DataValue {
        [
            "arret": .string(row.workStopReference),
            "nature": .string(nature(row.cause) + (row.miTempsTherapeutique ? " (temps partiel thérapeutique)" : "")),
            "du": LayoutData.day(row.from), "au": LayoutData.day(row.to), "jours": .int(Int64(row.days)),
            "journalier": LayoutData.cents(row.dailyGross), "brut": LayoutData.cents(row.gross),
            "csg": LayoutData.cents(row.csg), "crds": LayoutData.cents(row.crds), "net": LayoutData.cents(row.net),
            "paye_le": LayoutData.day(row.paymentDate),
        ]
    }

    static func totals(_ t: Totals) -> DataValue {
        ["jours": .int(Int64(t.days)), "brut": LayoutData.cents(t.gross), "csg": LayoutData.cents(t.csg),
         "crds": LayoutData.cents(t.crds), "net": LayoutData.cents(t.net)]
    }

    static func nature(_ cause: DailyAllowance.Cause) -> String {
        switch cause {
        case .maladie: "Maladie"
        case .accidentDuTravail: "Accident du travail"
        case .maternite: "Maternité"
        }
    }
}
