import Testing
@testable import LayoutDefinitions

@Suite("DataValue and JSON")
struct DataValueTests {
    @Test func parsesEveryKind() throws {
        let value = try DataValue(json: #"{"a": [1, -2.5, 1e3, true, false, null], "s": "\u00e9\"\\\n\ud83d\ude00", "o": {}}"#)
        #expect(value["a"] == [1, -2.5, 1000.0, true, false, nil])
        #expect(value["s"] == .string("é\"\\\n😀"))
        #expect(value["o"] == .object([]))
        #expect(value["a"]?[0] == .int(1))
        #expect(value["absent"] == nil)
    }

    @Test func objectsKeepKeyOrderButCompareAsMaps() throws {
        let value = try DataValue(json: #"{"z": 1, "a": 2}"#)
        guard case .object(let members) = value else { Issue.record("object"); return }
        #expect(members.map(\.key) == ["z", "a"])
        #expect(value == ["a": 2, "z": 1])
        #expect(value != ["a": 2, "z": 3])
    }

    @Test func largeIntegersStayExactAndOverflowBecomesDouble() throws {
        #expect(try DataValue(json: "9223372036854775807") == .int(Int64.max))
        #expect(try DataValue(json: "92233720368547758070") == .double(9.223372036854775807e19))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("[1, 2", 1, 6), ("{\n  \"a\": tru\n}", 2, 8), ("\"abc", 1, 5), ("[01x]", 1, 4),
        ("{\"a\" 1}", 1, 6), ("", 1, 1), ("[1] 2", 1, 5), ("\"\\x\"", 1, 3), ("{\n \"é\": [1,\n  ]}", 3, 3),
    ])
    func syntaxErrorsHaveLineAndColumn(text: String, line: Int, column: Int) throws {
        let error = try #require(expectError { _ = try DataValue(json: text, name: "x.json") })
        #expect(error.code == .jsonSyntax)
        #expect(error.sourceLocation == SourceLocation(file: "x.json", line: line, column: column))
    }

    @Test func hostileNestingIsRefused() {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect(expectError { _ = try DataValue(json: deep) }?.code == .jsonSyntax)
    }

    @Test func errorDescriptionsNameTheirLocation() {
        let source = LayoutError(.unknownElement, "unknown element 'x'", at: .source(SourceLocation(file: "L/a.yaml", line: 3, column: 5)))
        #expect(source.description == "L/a.yaml:3:5: error[unknown-element]: unknown element 'x'")
        let data = LayoutError(.missingData, "no value", at: .data(path: "lignes[3].montant", source: SourceLocation(file: "L/a.yaml", line: 9, column: 2)))
        #expect(data.description == "data 'lignes[3].montant' (needed by L/a.yaml:9:2): error[missing-data]: no value")
    }
}
