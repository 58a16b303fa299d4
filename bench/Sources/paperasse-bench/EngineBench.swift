import Foundation
import Graphics
import PDFRender
import Typography

/// The PDF engine alone: N one-page documents of about 60 lines in two fonts (regular and bold),
/// shaped for every document (no shaping cache: that belongs to layout), drawn, subset, compressed
/// and written to memory.
enum EngineBench {
    static func run(_ options: BenchOptions) throws {
        let docs = options.int("docs", 2000)
        let registry = try FontRegistry(directory: options.fontsDirectory)
        let regular = try registry.chain(family: "DejaVu Sans")
        let bold = try registry.chain(family: "DejaVu Sans", bold: true)
        let deflater = Deflater(level: options.renderOptions.compressionLevel)
        let date = PDFDate(year: 2026, month: 11, day: 26)
        var bytes = 0
        func one(_ n: Int) throws {
            let writer = try PDFDocumentWriter(metadata: DocumentMetadata(title: "Banc d'essai \(n)", creationDate: date),
                                               fonts: registry, options: options.renderOptions, deflater: deflater)
            try writer.beginPage()
            var y = 40.0
            for line in 0..<60 {
                let chain = line % 5 == 0 ? bold : regular
                let text = "Ligne \(line + 1) du relevé n° \(n) : consultation, 1 234,56 € — Élodie Dupré-Lefèvre"
                var x = 40.0
                for shaped in try chain.shape(text) {
                    let run = shaped.glyphRun(size: 9, origin: Point(x: x, y: y), color: .black)
                    writer.draw(run)
                    x += run.width
                }
                y += 12.5
            }
            try writer.endPage()
            bytes += try writer.finish().byteCount
        }
        try one(0)  // warm-up, as the peers do
        bytes = 0
        let start = now()
        for n in 1...docs { try one(n) }
        let elapsed = now() - start
        report([("mode", "engine"), ("docs", docs), ("docs_per_s", Double(docs) / elapsed),
                ("ms_per_doc", elapsed * 1000 / Double(docs)), ("bytes_per_doc", bytes / docs),
                ("xref", options.values["xref"] ?? "compressed"), ("level", Int(deflater.level)),
                ("peak_rss_kib", peakRSSKiB())])
    }
}
