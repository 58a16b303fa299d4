import Foundation
import Testing

/// The `paperasse` executable, run as a user would: exit codes, one-line reasons, and no output file
/// (nor a temporary one) when rendering fails.
@Suite struct CommandLineTests {
    static let yaml = """
        document:
          title: "Relevé {id}"
        body:
          - h1: "Relevé {id}"
          - for: l in lignes
            paragraph: "{l.date} : {l.montant}"
        """
    static let good = #"{"id": "A", "lignes": [{"date": "01/10/2026", "montant": "12,00 €"}]}"#

    struct Run {
        var result: ToolResult
        var out: String
        var work: String
    }

    /// Runs `paperasse render-layout test` on `data` (written to `work/data.EXT`), output into `work/out/`.
    static func renderLayout(data: String, ext: String = "json", outName: String? = "doc.pdf",
                             yaml: String = yaml) throws -> Run {
        let binary = try #require(PackageRoot.paperasseBinary, "build the paperasse executable first (swift build)")
        let layouts = ScratchLayouts(yaml: yaml, data: good)
        let work = makeTemporaryDirectory("cli")
        let out = work + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let dataPath = work + "/data." + ext
        try data.write(toFile: dataPath, atomically: true, encoding: .utf8)
        let target = outName.map { out + "/" + $0 } ?? out + "/batch"
        let result = try Tool.run(binary, ["render-layout", "test", "--data", dataPath, "--out", target,
                                           "--layouts", layouts.directory, "--fonts", PackageRoot.fonts], cwd: work)
        return Run(result: result, out: out, work: work)
    }

    static func oneLine(_ stderr: String) -> Bool {
        stderr.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count == 1
    }

    @Test func rendersAValidPDF() throws {
        let run = try Self.renderLayout(data: Self.good)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(directoryListing(run.out) == ["doc.pdf"])
        let check = try Tool.run("qpdf", ["--check", run.out + "/doc.pdf"])
        #expect(check.status == 0)
        let text = try Tool.pdfTextPages(run.out + "/doc.pdf", layout: false).joined()
        #expect(text.contains("Relevé A") && text.contains("01/10/2026 : 12,00"))
    }

    @Test func missingDataFailsWithTheDataPathAndNoFile() throws {
        let data = #"{"id": "A", "lignes": [{"date": "1", "montant": "1"}, {"date": "2", "montant": "2"}, {"date": "3", "montant": "3"}, {"date": "4"}]}"#
        let run = try Self.renderLayout(data: data)
        #expect(run.result.status != 0)
        #expect(Self.oneLine(run.result.stderr), "stderr: \(run.result.stderr)")
        #expect(run.result.stderr.contains("lignes[3].montant"))
        #expect(directoryListing(run.out).isEmpty, "left behind: \(directoryListing(run.out))")
    }

    @Test func uncoveredCharacterFailsWithTheCodePointAndNoFileNorTemporaryFile() throws {
        let data = #"{"id": "中", "lignes": []}"#
        let run = try Self.renderLayout(data: data)
        #expect(run.result.status != 0)
        #expect(Self.oneLine(run.result.stderr), "stderr: \(run.result.stderr)")
        #expect(run.result.stderr.contains("U+4E2D"))
        #expect(directoryListing(run.out).isEmpty, "left behind: \(directoryListing(run.out))")
    }

    @Test func malformedJSONFailsWithItsPosition() throws {
        let run = try Self.renderLayout(data: "{\"id\": \"A\",\n \"lignes\": [}")
        #expect(run.result.status != 0)
        #expect(Self.oneLine(run.result.stderr), "stderr: \(run.result.stderr)")
        #expect(run.result.stderr.contains("json-syntax"))
        #expect(directoryListing(run.out).isEmpty)
    }

    @Test func jsonLinesRenderOneFilePerLine() throws {
        let lines = ["B", "C", "D"].map { #"{"id": "\#($0)", "lignes": [{"date": "02/10/2026", "montant": "1,00 €"}]}"# }
        let run = try Self.renderLayout(data: lines.joined(separator: "\n") + "\n", ext: "jsonl", outName: nil)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let files = directoryListing(run.out + "/batch")
        #expect(files == ["000001.pdf", "000002.pdf", "000003.pdf"])
        for (file, id) in zip(files, ["B", "C", "D"]) {
            let path = run.out + "/batch/" + file
            #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
            #expect(try Tool.pdfTextPages(path, layout: false).joined().contains("Relevé \(id)"))
        }
    }

    @Test func jsonLinesWithWindowsLineEndings() throws {
        let lines = ["E", "F"].map { #"{"id": "\#($0)", "lignes": []}"# }
        let run = try Self.renderLayout(data: lines.joined(separator: "\r\n") + "\r\n", ext: "jsonl", outName: nil)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(directoryListing(run.out + "/batch") == ["000001.pdf", "000002.pdf"])
    }

    @Test func badLineInABatchStopsWithItsLineNumberAndLeavesOnlyCompleteFiles() throws {
        let lines = [
            #"{"id": "B", "lignes": []}"#,
            #"{"id": "C", "lignes": [{"date": "03/10/2026"}]}"#,
            #"{"id": "D", "lignes": []}"#,
        ]
        let run = try Self.renderLayout(data: lines.joined(separator: "\n"), ext: "jsonl", outName: nil)
        #expect(run.result.status != 0)
        #expect(Self.oneLine(run.result.stderr), "stderr: \(run.result.stderr)")
        #expect(run.result.stderr.contains("data.jsonl:2:"), "names the line: \(run.result.stderr)")
        #expect(run.result.stderr.contains("lignes[0].montant"))
        let files = directoryListing(run.out + "/batch")
        #expect(!files.contains("000002.pdf"))
        // No temporary file; whatever was written is a complete PDF.
        for file in files {
            #expect(file.hasSuffix(".pdf") && file.count == 10, "unexpected file \(file)")
            #expect(try Tool.run("qpdf", ["--check", run.out + "/batch/" + file]).status == 0)
        }
    }

    @Test func unknownLayoutIsRefusedWithASuggestion() throws {
        let binary = try #require(PackageRoot.paperasseBinary)
        let layouts = ScratchLayouts(yaml: Self.yaml, data: Self.good)
        let work = makeTemporaryDirectory("cli")
        try Self.good.write(toFile: work + "/data.json", atomically: true, encoding: .utf8)
        let r = try Tool.run(binary, ["render-layout", "tset", "--data", work + "/data.json", "--out", work + "/x.pdf",
                                      "--layouts", layouts.directory, "--fonts", PackageRoot.fonts])
        #expect(r.status != 0)
        #expect(Self.oneLine(r.stderr) && r.stderr.contains("unknown-layout") && r.stderr.contains("test"), "\(r.stderr)")
        #expect(directoryListing(work) == ["data.json"])
    }

    @Test func sameDataGivesTheSameBytesFromTheCommandLine() throws {
        let a = try Self.renderLayout(data: Self.good), b = try Self.renderLayout(data: Self.good)
        let first = try Data(contentsOf: URL(fileURLWithPath: a.out + "/doc.pdf"))
        let second = try Data(contentsOf: URL(fileURLWithPath: b.out + "/doc.pdf"))
        #expect(first.count > 1000 && first == second)
    }

    @Test func shippedLayoutsPassTheCheck() throws {
        let binary = try #require(PackageRoot.paperasseBinary)
        let r = try Tool.run(binary, ["layouts", "check", "--layouts", PackageRoot.layouts, "--fonts", PackageRoot.fonts])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("releve-mensuel : correcte"))
    }

    @Test func layoutsCheckNamesFileLineAndColumn() throws {
        let binary = try #require(PackageRoot.paperasseBinary)
        let broken = ScratchLayouts(yaml: "document:\n  title: Cassé\nbody:\n  - paragraph: Bonjour\n    alignement: right\n")
        let bad = try Tool.run(binary, ["layouts", "check", "--layouts", broken.directory, "--fonts", PackageRoot.fonts])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("Layouts/test.yaml:5:5"), "stderr: \(bad.stderr)")
        #expect(Self.oneLine(bad.stderr))
        let fine = ScratchLayouts(yaml: Self.yaml, data: Self.good)
        let ok = try Tool.run(binary, ["layouts", "check", "--layouts", fine.directory, "--fonts", PackageRoot.fonts])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("test"))
    }
}
