import ArgumentParser
import Foundation
import LayoutDefinitions
import PDFRender
import Portal
import Typography

/// `paperasse render-layout LAYOUT --data DATA.json --out OUT.pdf`, or with JSON Lines data, one
/// document per line into a directory, rendered in parallel (documents in parallel, never the pages of
/// one document).
struct RenderLayoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-layout", abstract: "Rend une mise en page avec des données JSON ou JSON Lines.")

    @Argument(help: "Nom de la mise en page (fichier Layouts/NOM.yaml).") var layout: String
    @Option(help: "Données : un fichier .json (un document) ou .jsonl (un document par ligne).") var data: String
    @Option(help: "Fichier PDF de sortie, ou dossier pour des données .jsonl.") var out: String
    @OptionGroup var shared: SharedOptions
    @Option(help: "Nombre de documents rendus en parallèle (données .jsonl).") var jobs: Int = 2

    func validate() throws {
        guard FileManager.default.fileExists(atPath: data) else {
            throw ValidationError("le fichier de données \(data) n'existe pas")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs doit être au moins 1") }
    }

    func run() async throws {
        let context = try shared.context()
        let layout = try context.library.layout(named: self.layout)
        let date = try EditionDate.resolve(shared.today)
        if data.hasSuffix(".jsonl") {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            // Split on any line end: in a Swift String « \r\n » is one Character, which splitting on
            // « \n » never matched, so a JSON Lines file written on Windows read as one line.
            let lines = try String(contentsOfFile: data, encoding: .utf8).split(whereSeparator: \.isNewline)
            let summary = try BatchRunner(jobs: jobs).run(count: lines.count) { index, deflater in
                // Every failure names its line: « lignes[0].montant » alone does not say which of
                // thousands of documents lacks it.
                do {
                    let value = try DataValue(json: Array(lines[index].utf8))
                    let document = try layout.bind(value)
                    let path = out + "/" + String(format: "%06d", index + 1) + ".pdf"
                    return try context.renderer.render(document, date: date, to: .file(path), deflater: deflater)
                } catch {
                    throw CommandLineError("\(data):\(index + 1): \(error)")
                }
            }
            print("\(summary.documents) documents, \(summary.pages) pages, \(summary.bytes) octets dans \(out)")
        } else {
            let value = try DataValue(json: Array(try Data(contentsOf: URL(fileURLWithPath: data))))
            let document = try layout.bind(value)
            let result = try context.renderer.render(document, date: date, to: .file(out))
            print("\(out) : \(result.pageCount) page(s), \(result.byteCount) octets, mise en page \(layout.name) version \(layout.version)")
        }
    }
}

/// Options every rendering command shares: where layouts and fonts are, the issue date.
struct SharedOptions: ParsableArguments {
    @Option(help: "Dossier des mises en page.") var layouts: String = "Layouts"
    @Option(help: "Dossier des polices.") var fonts: String = "Fonts"
    @Option(help: "Date d'édition AAAA-MM-JJ (sinon SOURCE_DATE_EPOCH, sinon 2026-11-26).") var today: String?

    struct Context {
        let library: LayoutLibrary
        let renderer: DocumentRenderer
    }

    func context() throws -> Context {
        let registry = try FontRegistry(directory: fonts)
        return Context(library: try LayoutLibrary.load(directory: layouts, fontsDirectory: fonts),
                       renderer: try DocumentRenderer(fonts: registry))
    }
}
