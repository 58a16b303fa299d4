import Accounts
import LayoutDefinitions

extension ReleveFiscal {
    /// The data of `Layouts/releve-fiscal.yaml`: one line per kind of income with its gross, net
    /// paid and montant net fiscal, the total to declare, and the mentions that apply.
    public func layoutData(id: String) -> DataValue {
        let rows: [DataValue] = lines.map { line in
            ["code": .string(line.kind.rawValue), "libelle": .string(line.label), "brut": LayoutData.cents(line.gross),
             "net_paye": LayoutData.cents(line.netPaid), "imposable": LayoutData.cents(line.taxable)]
        }
        return .object(LayoutData.common(header, id: id, title: "Relevé fiscal \(year) : sommes à déclarer") + [
            ("annee", .int(Int64(year))),
            ("lignes", .array(rows)),
            ("total_imposable", LayoutData.cents(totalTaxable)),
            ("mentions", LayoutData.mentions(mentions)),
        ])
    }
}
