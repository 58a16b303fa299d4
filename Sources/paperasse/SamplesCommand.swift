import Accounts
import ArgumentParser
import Foundation
import Graphics
import LayoutDefinitions
import PDFRender
import Portal
import Typography

/// Renders the sample documents (until the portal exists, this is what `make run` does).
struct SamplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples", abstract: "Rend les documents d'exemple dans un dossier.")

    @Option(help: "Dossier de sortie.") var out: String = "out"
    @Option(help: "Dossier des polices.") var fonts: String = "Fonts"
    @Option(help: "Dossier des mises en page.") var layouts: String = "Layouts"
    @Option(help: "Base de démonstration : rend aussi les documents des premiers comptes.") var db: String?
    @Option(help: "Date d'édition (AAAA-MM-JJ) ; sinon SOURCE_DATE_EPOCH ; sinon 2026-11-26.")
    var today: String?

    func run() async throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let registry = try FontRegistry(directory: fonts)
        let date = try EditionDate.resolve(today)
        let path = out + "/moteur-pdf.pdf"
        let result = try EngineSample.render(registry: registry, date: date, to: path)
        print("Démonstration du moteur PDF : \(path) (\(result.pageCount) page(s), \(result.byteCount) octets)")
        // Every layout with its sample data (Layouts/samples/NAME.json).
        let library = try LayoutLibrary.load(directory: layouts, fontsDirectory: fonts)
        let renderer = try DocumentRenderer(fonts: registry)
        for name in library.layouts.keys.sorted() {
            let layout = try library.layout(named: name)
            let document = try layout.bind(try library.sampleData(for: name))
            let target = out + "/" + name + ".pdf"
            let r = try renderer.render(document, date: date, to: .file(target))
            print("\(name) (données d'exemple) : \(target) (\(r.pageCount) page(s), \(r.byteCount) octets)")
        }
        if let db {
            let day = try Day(year: date.year, month: date.month, day: date.day)
            try DemoDocuments.render(db: db, library: library, renderer: renderer, today: day, out: out)
        }
        let folder = URL(fileURLWithPath: out).standardizedFileURL.path
        print("Les documents sont dans \(folder)/ (le portail web viendra avec son ticket).")
    }
}

/// The date documents are issued on: explicit, or SOURCE_DATE_EPOCH, or a fixed default. Never the clock.
enum EditionDate {
    static func resolve(_ explicit: String?) throws -> PDFDate {
        if let explicit {
            let parts = explicit.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
                throw ValidationError("--today attend une date AAAA-MM-JJ, reçu « \(explicit) »")
            }
            return PDFDate(year: parts[0], month: parts[1], day: parts[2])
        }
        return PDFDate.fromSourceDateEpoch(ProcessInfo.processInfo.environment)
            ?? PDFDate(year: 2026, month: 11, day: 26)
    }
}
