import Foundation
import TestSupport
import Testing

/// `paperasse seed` and `paperasse accounts`, through the built executable.
@Suite("Command line: seed and accounts")
struct AccountsCommandLineTests {
    static func paperasse(_ arguments: [String]) throws -> ToolOutput {
        let products = try #require(TestFiles.buildProductsDirectory, "tests not run from a build folder")
        return try Tool.run(products + "/paperasse", arguments)
    }

    @Test("the same seed gives the same accounts; --json lists NIR13, names, caisse and beneficiaries")
    func seedThenList() throws {
        let dir = try TemporaryDirectory("paperasse-cli")
        for name in ["a.db", "b.db"] {
            let r = try Self.paperasse(["seed", "--db", dir.file(name), "--accounts", "25", "--seed", "7", "--today", "2026-11-26"])
            #expect(r.exitCode == 0, "\(r.stderr)")
        }
        let a = try Self.paperasse(["accounts", "--db", dir.file("a.db"), "--limit", "25", "--json"])
        let b = try Self.paperasse(["accounts", "--db", dir.file("b.db"), "--limit", "25", "--json"])
        #expect(a.exitCode == 0 && b.exitCode == 0, "\(a.stderr)\(b.stderr)")
        #expect(a.stdout == b.stdout)
        let lines = a.stdout.split(separator: "\n")
        #expect(lines.count == 25)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let nir = try #require(object["nir13"] as? String)
            #expect(nir.count == 13 && nir.first.map { "12".contains($0) } == true, "NIR13 « \(nir) »")
            #expect(!(object["nom"] as? String ?? "").isEmpty && !(object["prenom"] as? String ?? "").isEmpty)
            let caisse = try #require(object["caisse"] as? [String: Any])
            #expect((caisse["code"] as? String)?.count == 9)
            let members = try #require(object["beneficiaires"] as? [[String: Any]])
            #expect(members.first?["rang"] as? Int == 1, "rank 1 is the insured")
        }
        // Text output: a header line, then one line per account and its beneficiaries.
        let text = try Self.paperasse(["accounts", "--db", dir.file("a.db"), "--limit", "3"])
        #expect(text.exitCode == 0)
        #expect(text.stdout.hasPrefix("NIR13"))
        #expect(text.stdout.contains("rang  1"))
    }

    @Test("refusals: one line, non-zero exit, nothing created or changed")
    func refusals() throws {
        let dir = try TemporaryDirectory("paperasse-cli")
        let db = dir.file("d.db")
        #expect(try Self.paperasse(["seed", "--db", db, "--accounts", "3", "--seed", "1"]).exitCode == 0)
        let again = try Self.paperasse(["seed", "--db", db, "--accounts", "3", "--seed", "1"])
        #expect(again.exitCode != 0 && again.stderr.split(separator: "\n").count == 1, "\(again.stderr)")

        let missing = dir.file("absent.db")
        let absent = try Self.paperasse(["accounts", "--db", missing])
        #expect(absent.exitCode != 0 && absent.stderr.contains("absent.db"))
        #expect(!FileManager.default.fileExists(atPath: missing))

        // Another program's SQLite file is refused, and none of our tables are added to it.
        let foreign = dir.file("foreign.db")
        #expect(try Tool.run("sqlite3", [foreign, "CREATE TABLE notes (id INTEGER PRIMARY KEY, texte TEXT);"]).exitCode == 0)
        let refused = try Self.paperasse(["accounts", "--db", foreign])
        #expect(refused.exitCode != 0 && refused.stderr.contains("n'est pas une base Paperasse"), "\(refused.stderr)")
        let tables = try Tool.run("sqlite3", [foreign, "SELECT name FROM sqlite_master WHERE type = 'table';"])
        #expect(tables.stdout.split(separator: "\n") == ["notes"])
    }
}
