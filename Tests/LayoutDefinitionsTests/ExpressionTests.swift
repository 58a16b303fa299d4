import Testing
@testable import LayoutDefinitions

private let here = SourceLocation(file: "t.yaml", line: 3, column: 10)

private let data: DataValue = [
    "assure": ["nom": "Noël", "prenom": "Bénédicte", "age": 41, "vide": ""],
    "paiements": [["montant": 1250, "date": "2026-10-02"], ["montant": 300, "date": "2026-10-15"],
                  ["montant": 75.5, "date": "2026-10-20"], ["date": "2026-10-30"]],
    "caisse": ["adresse": ["3 rue Émile-Zola", "69003 Lyon"]],
    "taux": 6.2, "actif": true, "rien": nil, "liste_vide": [],
]

private func eval(_ text: String, _ root: DataValue = data) throws -> DataValue {
    let expr = try ExpressionParser.parse(text, at: here, scope: VariableScope())
    return try BindContext(root: root, origins: []).evaluate(expr)
}

private func parseError(_ text: String) -> LayoutError? {
    expectError { _ = try ExpressionParser.parse(text, at: here, scope: VariableScope()) }
}

private func bindError(_ text: String) -> LayoutError? {
    expectError { _ = try eval(text) }
}

@Suite("Expressions")
struct ExpressionTests {
    @Test(arguments: [
        ("assure.nom", DataValue.string("Noël")), ("caisse.adresse[1]", "69003 Lyon"), ("paiements[1].montant", 300),
        ("paiements[9]?", nil), ("assure.telephone?", nil), ("'texte'", "texte"), ("42", 42), ("-3", -3), ("true", true),
    ])
    func values(text: String, expected: DataValue) throws {
        #expect(try eval(text) == expected)
    }

    @Test(arguments: [
        ("assure.age == 41", true), ("assure.age != 41", false), ("assure.age > 40", true), ("assure.age < 40", false),
        ("assure.age >= 41", true), ("assure.age <= 40", false), ("taux > 6", true), ("1 == 1.0", true),
        ("assure.nom == 'Noël'", true), ("paiements[0].date < '2026-10-15'", true), ("actif and assure.age > 18", true),
        ("not actif or rien == null", true), ("not (actif or false)", false), ("actif and not actif", false),
        ("exists(assure.nom)", true), ("exists(assure.telephone)", false), ("exists(rien)", false),
        ("empty(assure.vide)", true), ("empty(liste_vide)", true), ("empty(absent)", true), ("empty(assure.nom)", false),
        ("count(paiements) == 4", true), ("count(assure.nom) == 4", true),
        ("false or false or true", true), ("true and true and false", false),
    ])
    func conditions(text: String, expected: Bool) throws {
        #expect(try eval(text) == .bool(expected))
    }

    @Test func sumProjectsOverListsAndSkipsNulls() throws {
        let data: DataValue = ["p": [["m": 100], ["m": 250], ["m": nil]], "d": [["m": 1.5], ["m": 2]]]
        #expect(try eval("sum(p.m)", data) == .int(350))
        #expect(try eval("sum(d.m)", data) == .double(3.5))
        #expect(try eval("sum(p.m) | centimes", data) == .string("3,50\u{202F}€"))
    }

    @Test func formattersChainAndDefault() throws {
        #expect(try eval("assure.nom | majuscules") == "NOËL")
        #expect(try eval("assure.telephone | defaut('—')") == "—")
        #expect(try eval("assure.vide | defaut('—')") == "—")
        #expect(try eval("assure.nom | defaut('—') | minuscules") == "noël")
        #expect(try eval("taux | pourcent") == .string("6,2\u{202F}%"))
        #expect(try eval("paiements[0].montant | centimes") == .string("12,50\u{202F}€"))
        #expect(try eval("paiements[2].montant | euros") == .string("75,50\u{202F}€"))
        #expect(try eval("paiements[0].date | date_longue") == "2 octobre 2026")
    }

    @Test func missingFieldNamesTheDataPath() throws {
        let error = try #require(bindError("paiements[3].montant | centimes"))
        #expect(error.code == .missingData)
        #expect(error.dataPath == "paiements[3].montant")
        #expect(error.sourceLocation == SourceLocation(file: "t.yaml", line: 3, column: 10))
    }

    @Test func missingFieldInsideAProjectionNamesTheElement() throws {
        let error = try #require(bindError("sum(paiements.montant)"))
        #expect(error.code == .missingData)
        #expect(error.dataPath == "paiements[3].montant")
    }

    @Test func formatterOnTheWrongTypeAtBindTime() throws {
        let error = try #require(bindError("assure.nom | euros"))
        #expect(error.code == .formatterType)
        #expect(error.dataPath == "assure.nom")
        #expect(error.reason.contains("expects a number, got string"))
        #expect(error.sourceLocation?.column == 10 + 13)
    }

    @Test func invalidValueForAFormatter() throws {
        let error = try #require(bindError("assure.nom | date"))
        #expect(error.code == .invalidValue)
        #expect(error.dataPath == "assure.nom")
    }

    @Test func walkingThroughAStringIsATypeError() throws {
        let error = try #require(bindError("assure.nom.initiale"))
        #expect(error.code == .dataType)
        #expect(error.dataPath == "assure.nom")
    }

    @Test func comparingAStringWithANumberIsATypeError() throws {
        #expect(bindError("assure.nom < 3")?.code == .dataType)
    }

    @Test(arguments: [
        ("assure.nom ==", LayoutError.Code.badExpression, 13), ("a = 1", .badExpression, 2), ("(a", .badExpression, 2),
        ("a | euro", .unknownFormatter, 4), ("\"abc\" | euros", .formatterType, 8), ("a | majuscules | centimes", .formatterType, 17),
        ("exist(a)", .badExpression, 0), ("a | pourcent(9)", .badExpression, 4), ("a | defaut", .badExpression, 4),
        ("a[x]", .badExpression, 2), ("a & b", .badExpression, 2), ("'abc", .badExpression, 0),
    ])
    func parseErrors(text: String, code: LayoutError.Code, offset: Int) throws {
        let error = try #require(parseError(text))
        #expect(error.code == code)
        #expect(error.sourceLocation == SourceLocation(file: "t.yaml", line: 3, column: 10 + offset))
    }

    @Test func suggestionsForMisspeltNames() throws {
        #expect(try #require(parseError("a | euro")).reason.contains("did you mean 'euros'?"))
        #expect(try #require(parseError("exist(a)")).reason.contains("did you mean 'exists'?"))
        #expect(try #require(parseError("a | date_long")).reason.contains("did you mean 'date_longue'?"))
    }

    @Test func textOfValuesWithoutFormatter() throws {
        let context = BindContext(root: data, origins: [])
        let e = Expr.literal(.null)
        #expect(try context.text(of: .int(-12), e) == "-12")
        #expect(try context.text(of: .double(6.5), e) == "6,5")
        #expect(try context.text(of: .bool(true), e) == "oui")
        #expect(try context.text(of: .null, e) == "")
        #expect(expectError { _ = try context.text(of: .array([]), e) }?.code == .dataType)
    }
}
