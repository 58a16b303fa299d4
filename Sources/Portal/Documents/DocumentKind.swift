/// The six documents of the online account, named as on the command line and in `Layouts/`.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case attestationDroits = "attestation-droits"
    case attestationIJ = "attestation-ij"
    case releveMensuel = "releve-mensuel"
    case releveAnnuel = "releve-annuel"
    case releveFiscal = "releve-fiscal"
    case ceamProvisoire = "ceam-provisoire"

    /// The layout file (`Layouts/NAME.yaml`). The relevé mensuel has its own layout for account
    /// data: `releve-mensuel.yaml` prints the benchmark's pre-formatted statements.
    public var layoutName: String {
        self == .releveMensuel ? "releve-mensuel-assure" : rawValue
    }

    /// The prefix of the document id (« RM-20261126-… »), readable on the phone by an agent.
    var idPrefix: String {
        switch self {
        case .attestationDroits: "AD"
        case .attestationIJ: "IJ"
        case .releveMensuel: "RM"
        case .releveAnnuel: "RA"
        case .releveFiscal: "RF"
        case .ceamProvisoire: "CP"
        }
    }
}
