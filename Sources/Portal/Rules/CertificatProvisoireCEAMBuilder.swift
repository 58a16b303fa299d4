import Accounts

/// Issues a certificate: checks rights and departure, records the delivery (atomically once per
/// beneficiary), and returns the document model. The portal prepares first and records only once the
/// PDF exists (`prepare`, then `record`): a failed render must not spend the beneficiary's only online
/// certificate.
public enum CertificatProvisoireCEAMBuilder {
    public static func issue(store: any AccountStore, nir13: String, beneficiaryRank: Int, departure: Day, today: Day,
                             policy: CEAMCertificatePolicy = CEAMCertificatePolicy(),
                             rights: RightsPolicy = RightsPolicy()) throws(Refusal) -> CertificatProvisoireCEAM {
        let (document, certificate) = try prepare(store: store, nir13: nir13, beneficiaryRank: beneficiaryRank,
                                                  departure: departure, today: today, policy: policy, rights: rights)
        try record(certificate, firstName: document.beneficiary.firstName, nir13: nir13, store: store, policy: policy)
        return document
    }

    /// Every check, and the model, without recording the delivery.
    public static func prepare(store: any AccountStore, nir13: String, beneficiaryRank: Int, departure: Day, today: Day,
                               policy: CEAMCertificatePolicy = CEAMCertificatePolicy(),
                               rights: RightsPolicy = RightsPolicy()) throws(Refusal) -> (CertificatProvisoireCEAM, CEAMCertificate) {
        try policy.checkDeparture(departure, today: today)
        let header = try DocumentHeader.load(store: store, nir13: nir13, today: today)
        let (members, periods, delivered) = try Refusal.reading {
            (try store.beneficiaries(nir13: nir13), try store.rightsPeriods(nir13: nir13), try store.ceamCertificates(nir13: nir13))
        }
        guard let member = members.first(where: { $0.rank == beneficiaryRank }) else {
            throw Refusal(.beneficiaireInconnu, "Ce bénéficiaire n'est pas rattaché à votre compte.")
        }
        if let previous = delivered.first(where: { $0.beneficiaryRank == beneficiaryRank }) {
            throw policy.alreadyDelivered(firstName: member.firstName, on: previous.deliveredOn)
        }
        let whose = beneficiaryRank == 1 ? "Vos droits" : "Les droits de \(member.firstName)"
        _ = try rights.openPeriod(rank: beneficiaryRank, in: periods, today: today, whose: whose,
                                  consequence: "le certificat provisoire ne peut pas être délivré")
        let certificate: CEAMCertificate
        do {
            certificate = try CEAMCertificate(beneficiaryRank: beneficiaryRank, deliveredOn: today, validFrom: today,
                                              validTo: policy.validTo(deliveredOn: today))
        } catch {
            throw Refusal(.donneesIndisponibles,
                          "Les données de votre compte sont momentanément indisponibles : veuillez réessayer plus tard.")
        }
        let document = CertificatProvisoireCEAM(header: header, beneficiary: member, nir: header.insured.nir,
                                                departure: departure, deliveredOn: today,
                                                validFrom: certificate.validFrom, validTo: certificate.validTo)
        return (document, certificate)
    }

    /// Records the delivery; the database's uniqueness constraint decides between concurrent requests.
    public static func record(_ certificate: CEAMCertificate, firstName: String, nir13: String, store: any AccountStore,
                              policy: CEAMCertificatePolicy = CEAMCertificatePolicy()) throws(Refusal) {
        do {
            try store.recordCEAMCertificate(certificate, nir13: nir13)
        } catch let error as AccountsError where error.code == .alreadyDelivered {
            // Lost a race with another request: the database constraint decided.
            throw policy.alreadyDelivered(firstName: firstName, on: nil)
        } catch {
            throw Refusal(.donneesIndisponibles,
                          "Les données de votre compte sont momentanément indisponibles : veuillez réessayer plus tard.")
        }
    }
}
