import Testing
@testable import LayoutDefinitions

/// Typography helpers: `n` narrow no-break space, `b` no-break space, `m` minus sign.
private func french(_ s: String) -> String {
    s.replacingOccurrences(of: "_", with: "\u{202F}").replacingOccurrences(of: "~", with: "\u{00A0}")
        .replacingOccurrences(of: "−", with: "\u{2212}")
}

@Suite("French formatters")
struct FrenchFormatTests {
    @Test(arguments: [
        (Int64(0), "0,00_€"), (5, "0,05_€"), (99, "0,99_€"), (100, "1,00_€"), (123_456, "1_234,56_€"),
        (100_000, "1_000,00_€"), (100_000_000, "1_000_000,00_€"), (-200, "−2,00_€"), (-123_456_789, "−1_234_567,89_€"),
        (Int64.min, "−92_233_720_368_547_758,08_€"),
    ])
    func eurosFromCents(cents: Int64, expected: String) {
        #expect(FrenchFormat.euros(cents: cents) == french(expected))
    }

    @Test(arguments: [
        (0.0, "0,00_€"), (1234.56, "1_234,56_€"), (1_000_000.0, "1_000_000,00_€"), (1.005, "1,01_€"),
        (2.675, "2,68_€"), (0.125, "0,13_€"), (-0.125, "−0,13_€"), (999.995, "1_000,00_€"),
        (0.1 + 0.2, "0,30_€"), (-0.004, "0,00_€"), (1e-7, "0,00_€"), (-2.0, "−2,00_€"),
    ])
    func eurosFromDecimal(amount: Double, expected: String) {
        #expect(FrenchFormat.euros(amount) == french(expected))
    }

    @Test func eurosRejectsNonFiniteAndHugeAmounts() {
        #expect(FrenchFormat.euros(.infinity) == nil)
        #expect(FrenchFormat.euros(.nan) == nil)
        #expect(FrenchFormat.euros(1e20) == nil)
    }

    @Test(arguments: [
        (6.2, nil, "6,2_%"), (70, nil, "70_%"), (6.25, nil, "6,25_%"), (6.255, nil, "6,26_%"), (0, nil, "0_%"),
        (6.25, 1, "6,3_%"), (-1.5, nil, "−1,5_%"), (100, 2, "100,00_%"), (1234.5, 0, "1_235_%"),
    ] as [(Double, Int?, String)])
    func percent(value: Double, decimals: Int?, expected: String) {
        #expect(FrenchFormat.percent(value, decimals: decimals) == french(expected))
    }

    @Test(arguments: [
        (1_234_567, nil, "1_234_567"), (1234.5, nil, "1_234,5"), (0.5, 0, "1"), (12, 2, "12,00"), (-9999.999, 2, "−10_000,00"),
    ] as [(Double, Int?, String)])
    func number(value: Double, decimals: Int?, expected: String) {
        #expect(FrenchFormat.number(value, decimals: decimals) == french(expected))
    }

    @Test(arguments: [
        ("2026-11-26", "26/11/2026", "26 novembre 2026"), ("2026-11-01", "01/11/2026", "1er novembre 2026"),
        ("2024-02-29", "29/02/2024", "29 février 2024"), ("2026-08-15", "15/08/2026", "15 août 2026"),
        ("2000-12-31", "31/12/2000", "31 décembre 2000"),
    ])
    func dates(iso: String, short: String, long: String) {
        #expect(FrenchFormat.shortDate(iso) == short)
        #expect(FrenchFormat.longDate(iso) == long)
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "26/11/2026", "2026-1-01", "", "2026-11-26T10:00"])
    func invalidDatesAreRejected(text: String) {
        #expect(FrenchFormat.shortDate(text) == nil)
        #expect(FrenchFormat.longDate(text) == nil)
    }

    @Test(arguments: [("2026-10", "octobre 2026"), ("2026-08", "août 2026"), ("2026-10-31", "octobre 2026"), ("2027-01", "janvier 2027")])
    func months(iso: String, expected: String) {
        #expect(FrenchFormat.monthYear(iso) == expected)
    }

    @Test func invalidMonthsAreRejected() {
        #expect(FrenchFormat.monthYear("2026-13") == nil)
        #expect(FrenchFormat.monthYear("octobre") == nil)
    }

    @Test(arguments: [
        ("2850775123456", "2~85~07~75~123~456~55"),        // 13 digits: key computed
        ("285077512345655", "2~85~07~75~123~456~55"),      // 15 digits: key checked
        ("2 85 07 75 123 456 55", "2~85~07~75~123~456~55"), // spaces ignored
        ("185052A123456", "1~85~05~2A~123~456~33"),        // Corsica: 2A counts as 19
        ("185052b123456", "1~85~05~2B~123~456~60"),        // 2B counts as 18
        ("1850575123456", "1~85~05~75~123~456~73"),
    ])
    func nir(input: String, expected: String) {
        #expect(FrenchFormat.nir(input) == french(expected))
    }

    @Test(arguments: ["285077512345600", "28507751234", "2850775X23456", "", "285077512345655 1"])
    func invalidNIRsAreRejected(input: String) {
        #expect(FrenchFormat.nir(input) == nil)
    }

    @Test(arguments: [
        ("FR76 3000 6000 0112 3456 7890 189", 3, "FR76~••••~••••~••••~••••~••••~189"),
        ("FR7630006000011234567890189", 5, "FR76~••••~••••~••••~••••~••90~189"),
        ("fr7630006000011234567890189", 4, "FR76~••••~••••~••••~••••~•••0~189"),
        ("DE89370400440532013000", 3, "DE89~••••~••••~••••~•••0~00"),
    ])
    func maskedIBAN(input: String, visible: Int, expected: String) {
        #expect(FrenchFormat.maskedIBAN(input, visible: visible) == french(expected))
    }

    @Test(arguments: ["FR76", "1234567890123456", "FR76 3000 6000 0112 3456 7890 18é", ""])
    func invalidIBANsAreRejected(input: String) {
        #expect(FrenchFormat.maskedIBAN(input) == nil)
    }
}
