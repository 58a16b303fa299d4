import Accounts
import LayoutDefinitions

/// From a request to the layout's data: checks the parameters the kind needs, runs the kind's
/// rules (which may refuse), and maps the document model to `DataValue`.
enum DocumentData {
    /// The layout's data, and what to record once the PDF exists (the CEAM delivery), if anything.
    struct Prepared {
        var data: DataValue
        var commit: (() throws(Refusal) -> Void)?
    }

    static func build(_ request: DocumentRequest, id: String, store: any AccountStore) throws(IssueError) -> Prepared {
        if request.kind == .ceamProvisoire {
            do { return try ceam(request, id: id, store: store) } catch let error as IssueError { throw error } catch let refusal as Refusal {
                throw .refused(refusal)
            } catch {
                throw .failed("Le document n'a pas pu être préparé : \(error)")
            }
        }
        return Prepared(data: try data(request, id: id, store: store), commit: nil)
    }

    private static func data(_ request: DocumentRequest, id: String, store: any AccountStore) throws(IssueError) -> DataValue {
        let shown = try shownMentions(request)
        do {
            switch request.kind {
            case .attestationDroits:
                let scope: AttestationDroits.Scope = request.beneficiaryRank.map { .beneficiary(rank: $0) } ?? .family
                let doc = try AttestationDroitsBuilder.build(store: store, nir13: request.nir13, scope: scope, today: request.today)
                try checkApplies(request, printed: Set(doc.lines.flatMap(\.mentions).map(\.code)))
                return doc.layoutData(id: id, shown: shown)
            case .attestationIJ:
                guard let from = request.from, let to = request.to else {
                    throw IssueError.invalidRequest("L'attestation d'indemnités journalières demande une période (--from et --to).")
                }
                let doc = try AttestationIJBuilder.build(store: store, nir13: request.nir13, from: from, to: to, today: request.today)
                try checkApplies(request, printed: Set(doc.mentions.map(\.code)))
                return doc.layoutData(id: id, shown: shown)
            case .releveMensuel:
                guard let month = request.month else {
                    throw IssueError.invalidRequest("Le relevé mensuel demande un mois (--month AAAA-MM).")
                }
                return try ReleveMensuelBuilder.build(store: store, nir13: request.nir13, month: month, today: request.today)
                    .layoutData(id: id)
            case .releveAnnuel:
                guard let year = request.year else {
                    throw IssueError.invalidRequest("Le relevé annuel demande une année (--year AAAA).")
                }
                return try ReleveAnnuelBuilder.build(store: store, nir13: request.nir13, year: year, today: request.today)
                    .layoutData(id: id)
            case .releveFiscal:
                return try ReleveFiscalBuilder.build(store: store, nir13: request.nir13, today: request.today).layoutData(id: id)
            case .ceamProvisoire:
                preconditionFailure("prepared by build(_:id:store:)")
            }
        } catch let error as IssueError {
            throw error
        } catch let refusal as Refusal {
            throw .refused(refusal)
        } catch {
            throw .failed("Le document n'a pas pu être préparé : \(error)")
        }
    }

    private static func ceam(_ request: DocumentRequest, id: String, store: any AccountStore) throws -> Prepared {
        guard let departure = request.departure else {
            throw IssueError.invalidRequest("Le certificat provisoire demande la date de départ (--departure AAAA-MM-JJ).")
        }
        let rank = request.beneficiaryRank ?? 1
        // Read before issuing: issuing records the delivery, and a failure after it would spend
        // the beneficiary's only online certificate.
        let cards: [CEAMCard]
        do { cards = try store.ceamCards(nir13: request.nir13) } catch {
            throw Refusal(.donneesIndisponibles,
                          "Les données de votre compte sont momentanément indisponibles : veuillez réessayer plus tard.")
        }
        let (doc, certificate) = try CertificatProvisoireCEAMBuilder.prepare(
            store: store, nir13: request.nir13, beneficiaryRank: rank, departure: departure, today: request.today)
        let card = cards.filter { $0.beneficiaryRank == rank }.max { $0.expiry < $1.expiry }
        let nir13 = request.nir13, firstName = doc.beneficiary.firstName
        return Prepared(data: doc.layoutData(id: id, card: card)) { () throws(Refusal) in
            try CertificatProvisoireCEAMBuilder.record(certificate, firstName: firstName, nir13: nir13, store: store)
        }
    }

    /// The mention codes to print, or nil for all; refuses a mention the kind does not carry.
    private static func shownMentions(_ request: DocumentRequest) throws(IssueError) -> Set<Mention.Code>? {
        guard let choices = request.mentions else { return nil }
        var codes: Set<Mention.Code> = []
        for choice in choices.sorted(by: { $0.rawValue < $1.rawValue }) {
            let own = choice.codes(on: request.kind)
            guard !own.isEmpty else {
                throw .invalidRequest("La mention « \(choice.label) » ne figure pas sur ce document (\(request.kind.rawValue)).")
            }
            codes.formUnion(own)
        }
        return codes
    }

    /// Refuses a mention asked for that does not apply to this account: printing it would be false.
    private static func checkApplies(_ request: DocumentRequest, printed: Set<Mention.Code>) throws(IssueError) {
        for choice in (request.mentions ?? []).sorted(by: { $0.rawValue < $1.rawValue })
        where printed.isDisjoint(with: choice.codes(on: request.kind)) {
            throw .invalidRequest("La mention « \(choice.label) » ne s'applique pas à votre situation : elle ne peut pas figurer sur ce document.")
        }
    }
}
