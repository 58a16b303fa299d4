import Accounts
import Testing

@Suite("IBAN check digits (ISO 13616 mod 97)")
struct IBANTests {
    @Test("valid IBANs are accepted", arguments: [
        "FR1420041010050500013M02606", "FR7630006000011234567890189",
        "DE89370400440532013000", "GB82WEST12345698765432",
    ])
    func valid(iban: String) throws {
        #expect(IBAN.isValid(iban))
        #expect(try IBAN(iban).value == iban)
    }

    @Test("invalid IBANs are refused with the field named", arguments: [
        "FR7630006000011234567890188",  // last digit changed
        "FR7730006000011234567890189",  // check digits changed
        "FR76300060000112345678901",    // French IBAN too short
        "F17630006000011234567890189",  // country not letters
        "FR76 3000 6000 0112 3456 7890 18É",
    ])
    func invalid(iban: String) {
        #expect(!IBAN.isValid(iban.filter { $0 != " " }))
        let error = #expect(throws: AccountsError.self) { try IBAN(iban, field: "insured.iban") }
        #expect(error?.code == .invalidIBAN)
        #expect(error?.field == "insured.iban")
    }

    @Test("check digits computed from a BBAN make a valid IBAN")
    func checkDigits() {
        #expect(IBAN.checkDigits(country: "FR", bban: "30006000011234567890189") == 76)
        #expect(IBAN.checkDigits(country: "DE", bban: "370400440532013000") == 89)
    }

    @Test("masking keeps the country, the check digits and the last four characters only")
    func masking() throws {
        let masked = try IBAN("FR76 3000 6000 0112 3456 7890 189").masked
        #expect(masked.text == "FR76 **** **** **** **** ***0 189")
        #expect(!masked.text.contains("3000"))
    }
}
