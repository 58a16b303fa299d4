import Accounts

/// The error type of the portal's rules: a document cannot be delivered, with a stable `code`
/// (switched on by the web layer and the tests) and a one-line French `reason` shown to the user
/// as is.
public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case compteInconnu = "compte-inconnu"
        case beneficiaireInconnu = "beneficiaire-inconnu"
        case droitsFermes = "droits-fermes"
        case aucunDroit = "aucun-droit"
        case periodeInversee = "periode-inversee"
        case periodeFuture = "periode-future"
        case periodeTropLongue = "periode-trop-longue"
        case aucunPaiement = "aucun-paiement"
        case moisFutur = "mois-futur"
        case moisTropAncien = "mois-trop-ancien"
        case anneeFuture = "annee-future"
        case anneeTropAncienne = "annee-trop-ancienne"
        case releveFiscalPasEncorePublie = "releve-fiscal-pas-encore-publie"
        case releveFiscalExpire = "releve-fiscal-expire"
        case departPasse = "depart-passe"
        case departTropLointain = "depart-trop-lointain"
        case certificatDejaDelivre = "certificat-deja-delivre"
        case donneesIndisponibles = "donnees-indisponibles"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }

    /// Runs store calls, translating their errors at the module boundary: the user sees a
    /// neutral message; storage details (SQL messages, field paths) are not for the user.
    static func reading<T>(_ body: () throws -> T) throws(Refusal) -> T {
        do {
            return try body()
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(.donneesIndisponibles,
                          "Les données de votre compte sont momentanément indisponibles : veuillez réessayer plus tard.")
        }
    }
}
