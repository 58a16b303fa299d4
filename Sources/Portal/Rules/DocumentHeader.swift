import Accounts

/// What every document shows at the top: the insured, the caisse that issues it, and the day of
/// issue (the injected "today", never the clock).
public struct DocumentHeader: Sendable, Hashable {
    public let insured: InsuredPerson
    public let caisse: Caisse
    public let issuedOn: Day

    /// Loads the insured and the caisse, refusing an unknown account.
    static func load(store: any AccountStore, nir13: String, today: Day) throws(Refusal) -> DocumentHeader {
        let (insured, caisse) = try Refusal.reading { () throws -> (InsuredPerson?, Caisse?) in
            guard let insured = try store.insured(nir13: nir13) else { return (nil, nil) }
            return (insured, try store.caisse(code: insured.caisseCode))
        }
        guard let insured, let caisse else {
            throw Refusal(.compteInconnu, "Aucun compte ne correspond à ce numéro de sécurité sociale.")
        }
        return DocumentHeader(insured: insured, caisse: caisse, issuedOn: today)
    }

    /// « Élodie DUPRÉ-LEFÈVRE »: first name, then the name in use in capitals.
    public var insuredName: String { "\(insured.firstName) \(insured.displayLastName.uppercased())" }
}
