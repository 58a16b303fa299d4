import Accounts
import ArgumentParser
import Foundation

/// `paperasse accounts`: lists accounts with their caisse and beneficiaries.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Liste les comptes d'une base (NIR sans clé, noms, caisse, bénéficiaires).")

    @Option(help: "Base SQLite à lire.") var db: String
    @Option(help: "Nombre maximal de comptes listés.") var limit: Int = 20
    @Flag(help: "Un objet JSON par ligne.") var json = false

    func validate() throws {
        guard limit >= 1 else { throw CommandLineError("--limit doit être au moins 1.") }
        guard FileManager.default.fileExists(atPath: db) else { throw CommandLineError("La base \(db) n'existe pas.") }
    }

    func run() async throws {
        let summaries: [AccountSummary]
        do {
            summaries = try SQLiteAccountStore(path: db).accountSummaries(limit: limit)
        } catch let error as AccountsError {
            throw CommandLineError("\(error.reason) [\(error.code.rawValue)]")
        }
        if json {
            for summary in summaries { print(try jsonLine(summary)) }
        } else {
            print(table(summaries), terminator: "")
        }
    }

    /// Columns padded by characters (grapheme clusters), so « Élodie » counts six.
    private func table(_ summaries: [AccountSummary]) -> String {
        let header = ["NIR13", "NOM", "PRÉNOM", "CAISSE"]
        let rows = summaries.map { s in
            [s.nir13, s.usageName.map { "\($0) (né·e \(s.lastName))" } ?? s.lastName, s.firstName, "\(s.caisse.name) (\(s.caisse.code))"]
        }
        let widths = (0..<header.count).map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var out = line(header)
        let nameWidth = summaries.flatMap(\.beneficiaries).map(\.firstName.count).max() ?? 0
        for (summary, row) in zip(summaries, rows) {
            out += line(row)
            for b in summary.beneficiaries {
                let name = b.firstName + String(repeating: " ", count: nameWidth - b.firstName.count)
                out += "    rang \(b.rank < 10 ? " " : "")\(b.rank)  \(name)  \(b.birthDate)\n"
            }
        }
        return out
    }

    private func jsonLine(_ s: AccountSummary) throws -> String {
        let object: [String: Any] = [
            "nir13": s.nir13, "nom": s.lastName, "nomUsage": s.usageName ?? NSNull(), "prenom": s.firstName,
            "caisse": ["code": s.caisse.code, "nom": s.caisse.name],
            "beneficiaires": s.beneficiaries.map {
                ["rang": $0.rank, "prenom": $0.firstName, "dateNaissance": $0.birthDate.description, "lien": $0.relationship.rawValue]
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
