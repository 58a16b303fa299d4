import Foundation
import TestSupport
import Testing

/// `paperasse render` end to end: the built executable on a seeded database.
@Suite("Documents: paperasse render")
struct RenderCommandTests {
    typealias S = SeededAccounts

    static func paperasse(_ arguments: [String]) throws -> ToolOutput {
        let products = try #require(TestFiles.buildProductsDirectory, "tests not run from a build folder")
        let root = TestFiles.packageRoot()
        // --today always: the test must not depend on a SOURCE_DATE_EPOCH in the environment.
        return try Tool.run(products + "/paperasse",
                            arguments + ["--today", "2026-11-26", "--layouts", root + "/Layouts", "--fonts", root + "/Fonts"])
    }

    @Test("success: one JSON line with id, kind, pages, bytes, sha256; the file is there")
    func success() async throws {
        let seeded = try await SeededAccounts(accounts: 30)
        let nir = try #require(seeded.summaries.first?.nir13)
        let out = seeded.directory.file("annuel.pdf")
        let r = try Self.paperasse(["render", "releve-annuel", "--db", seeded.directory.file("seed.db"), "--nir", nir,
                                    "--year", "2026", "--out", out])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "releve-annuel")
        #expect((json["id"] as? String)?.hasPrefix("RA-20261126-") == true)
        #expect(json["bytes"] as? Int == (try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int))
        #expect((json["pages"] as? Int ?? 0) >= 1)
        let sum = try Tool.run("sha256sum", [out]).stdout.split(separator: " ").first.map(String.init)
        #expect(json["sha256"] as? String == sum)
    }

    @Test("a refusal: one line, non-zero exit, no file; bad shapes are refused before anything runs")
    func refusals() async throws {
        let seeded = try await SeededAccounts(accounts: 30)
        let nir = try #require(seeded.summaries.first?.nir13)
        let db = seeded.directory.file("seed.db"), out = seeded.directory.file("x.pdf")
        let old = try Self.paperasse(["render", "releve-mensuel", "--db", db, "--nir", nir, "--month", "2024-08", "--out", out])
        #expect(old.exitCode != 0)
        #expect(old.stderr.trimmingCharacters(in: .newlines) == "Error: Le relevé d'août 2024 n'est plus disponible : seuls les 27 derniers mois peuvent être consultés (depuis septembre 2024).")
        #expect(old.stdout.isEmpty)
        let wrongOption = try Self.paperasse(["render", "attestation-droits", "--db", db, "--nir", nir, "--month", "2026-10", "--out", out])
        #expect(wrongOption.exitCode != 0)
        #expect(wrongOption.stderr.contains("--month ne s'applique pas à attestation-droits"))
        let badDate = try Self.paperasse(["render", "ceam-provisoire", "--db", db, "--nir", nir, "--departure", "2026-02-30", "--out", out])
        #expect(badDate.stderr.contains("--departure attend une date AAAA-MM-JJ"))
        let badNIR = try Self.paperasse(["render", "releve-fiscal", "--db", db, "--nir", "12345", "--out", out])
        #expect(badNIR.stderr.contains("--nir attend les 13 caractères du NIR"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try seeded.directory.listing().allSatisfy { !$0.hasSuffix(".pdf") && !$0.contains("partial") })
    }
}
