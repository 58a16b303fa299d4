import Accounts
import Testing

@Suite("NIR control key")
struct NIRTests {
    @Test("key = 97 − (NIR13 mod 97)", arguments: [
        ("1841275123456", 40),
        ("2550820012345", 65),
        ("2930599350123", 72),
        // Corsica: 2A counts as 19, 2B as 18, for the computation only.
        ("255082A012345", 92),
        ("169012B050120", 8),
    ])
    func key(nir13: String, expected: Int) throws {
        #expect(try NIR.key(for: nir13) == expected)
        let nir = try NIR(nir13: nir13, key: expected)
        #expect(nir.description == nir13 + (expected < 10 ? "0\(expected)" : "\(expected)"))
    }

    @Test("2A and 2B give different keys than the digits they stand for")
    func corsicaIsNotPlainDigits() throws {
        #expect(try NIR.key(for: "255082A012345") != NIR.key(for: "2550820012345"))
        #expect(try NIR.key(for: "255082A012345") == 97 - Int(2_550_819_012_345 % 97))
        #expect(try NIR.key(for: "169012B050120") == 97 - Int(1_690_118_050_120 % 97))
    }

    @Test("wrong keys are refused, naming the field and the expected key", arguments: [
        ("1841275123456", 41), ("255082A012345", 65), ("169012B050120", 80),
    ])
    func wrongKey(nir13: String, key: Int) throws {
        let error = #expect(throws: AccountsError.self) { try NIR(nir13: nir13, key: key, field: "insured.nir") }
        #expect(error?.code == .invalidNIR)
        #expect(error?.field == "insured.nir")
        #expect(error?.reason.contains("\(key)") == true)
        // The NIR itself is personal data and never appears in the message.
        #expect(error?.reason.contains(nir13) == false)
    }

    @Test("malformed NIRs are refused", arguments: [
        "184127512345",      // 12 characters
        "1841275123456789",  // too long with key
        "5841275123456",     // sex digit 5
        "1841375123456",     // month 13
        "18412751234X6",     // letter outside Corsica
        "184122C123456",     // 2C is not Corsica
    ])
    func malformed(nir13: String) {
        #expect(throws: AccountsError.self) { try NIR.key(for: nir13) }
    }

    @Test("parses the 15 characters with spaces and formats them in groups")
    func parsing() throws {
        let nir = try NIR("2 55 08 2A 012 345 92")
        #expect(nir.nir13 == "255082A012345")
        #expect(nir.key == 92)
        #expect(nir.formatted == "2 55 08 2A 012 345 92")
        #expect(throws: AccountsError.self) { try NIR("2 55 08 2A 012 345 93") }
        #expect(throws: AccountsError.self) { try NIR("2 55 08 2A 012 345") }
    }
}
