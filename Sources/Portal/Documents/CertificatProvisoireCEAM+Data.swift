import Accounts
import LayoutDefinitions

extension CertificatProvisoireCEAM {
    /// The data of `Layouts/ceam-provisoire.yaml`, the fields of the EU model certificate.
    /// `card` is the beneficiary's CEAM, when one was issued: field 8 prints its number and field 9
    /// its expiry; without a card, field 8 says so and field 9 is the certificate's last day.
    public func layoutData(id: String, card: CEAMCard?) -> DataValue {
        let lastName = beneficiary.rank == 1 ? header.insured.displayLastName : beneficiary.lastName
        let cardFields: DataValue = if let card {
            ["numero": .string(Self.grouped(card.cardNumber)), "expiration": LayoutData.day(card.expiry)]
        } else {
            ["numero": "aucune carte émise", "expiration": LayoutData.day(validTo)]
        }
        return .object(LayoutData.common(header, id: id, title: "Certificat provisoire de remplacement de la carte européenne d'assurance maladie") + [
            ("etat_emetteur", "FR"),
            ("beneficiaire", ["nom": .string(lastName), "prenoms": .string(beneficiary.firstName),
                              "date_naissance": LayoutData.day(beneficiary.birthDate)]),
            // Field 6: the personal number the beneficiary is covered under, the insured's NIR.
            ("nir_ouvrant_droit", .string(nir.nir13)),
            ("institution", ["code": .string(header.caisse.code), "sigle": .string(Self.acronym(header.caisse.name)), "nom": .string(header.caisse.name)]),
            ("carte", cardFields),
            ("depart", LayoutData.day(departure)),
            ("validite_du", LayoutData.day(validFrom)),
            ("validite_au", LayoutData.day(validTo)),
            ("delivre_le", LayoutData.day(deliveredOn)),
        ])
    }

    /// The caisse's acronym, the first word of its name when written in capitals (« CPAM »,
    /// « CGSS »); « CPAM » otherwise.
    static func acronym(_ name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? ""
        return first.count >= 3 && first.allSatisfy(\.isUppercase) ? first : "CPAM"
    }

    /// The 20-digit card number in groups of four, with no-break spaces so it never splits.
    static func grouped(_ number: String) -> String {
        var out = ""
        for (i, c) in number.enumerated() {
            if i > 0, i % 4 == 0 { out.append("\u{A0}") }
            out.append(c)
        }
        return out
    }
}
