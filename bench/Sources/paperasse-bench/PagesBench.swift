import Foundation
import Graphics
import PDFRender
import Typography

/// One document of N pages with ~40 lines each, streamed to a file: the memory check of the engine
/// (peak RSS must not grow with N). Prints `{"pages":N,"peak_rss_kb":…}`.
enum PagesBench {
    static func run(_ options: BenchOptions) throws {
        guard options.positional.count == 2, let pages = Int(options.positional[0]) else {
            throw BenchError("usage: paperasse-bench pages N OUT.pdf")
        }
        let registry = try FontRegistry(directory: options.fontsDirectory)
        let chain = try registry.chain(family: "DejaVu Sans")
        let writer = try PDFDocumentWriter(
            metadata: DocumentMetadata(title: "Document de \(pages) pages", creationDate: PDFDate(year: 2026, month: 11, day: 26)),
            fonts: registry, output: .file(options.positional[1]), options: options.renderOptions)
        for p in 1...pages {
            try writer.beginPage()
            for line in 0..<40 {
                let text = "Page \(p), ligne \(line + 1) : remboursement de 12,34 € le 26 novembre 2026."
                var x = 40.0
                for shaped in try chain.shape(text) {
                    let run = shaped.glyphRun(size: 10, origin: Point(x: x, y: 50 + Double(line) * 18), color: .black)
                    writer.draw(run)
                    x += run.width
                }
            }
            try writer.endPage()
        }
        try writer.finish()
        print("{\"pages\":\(pages),\"peak_rss_kb\":\(peakRSSKiB())}")
    }
}
