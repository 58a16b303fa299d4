import Graphics
import PDFRender
import Typography

#if canImport(Glibc)
import Glibc
#endif

/// Renders N pages of about 40 lines each to a file, then prints `{"pages":N,"peak_rss_kb":…}`.
/// Peak RSS is process-wide and only grows, which is why it is measured in a process of its own.
enum PagesBench {
    static func run(_ args: [String]) {
        guard args.count >= 2, let pages = Int(args[0]), pages > 0 else {
            fail("usage: paperasse-bench pages N OUT.pdf [FONTS_DIR]\n", status: 2)
        }
        let output = args[1]
        let fontsDirectory = args.count > 2 ? args[2] : "Fonts"
        do {
            let registry = try FontRegistry(directory: fontsDirectory)
            let regular = try registry.chain(family: "DejaVu Sans")
            let bold = try registry.chain(family: "DejaVu Sans", bold: true)
            let writer = try PDFDocumentWriter(
                metadata: DocumentMetadata(title: "Banc d'essai : \(pages) pages",
                                           creationDate: PDFDate(year: 2026, month: 11, day: 26)),
                fonts: registry, output: .file(output))
            for page in 1...pages {
                try writer.beginPage()
                try line(writer, bold, "Relevé n° \(page) — Élodie Dupré-Lefèvre", y: 50, size: 14)
                for i in 1...39 {
                    let amount = (page * 7919 + i * 104_729) % 100_000
                    let text = "\(i). Consultation du \(i % 28 + 1)/\(page % 12 + 1)/2026, affluence, fichier : "
                        + "\(amount / 100),\(amount % 100 < 10 ? "0" : "")\(amount % 100)\u{202F}€"
                    try line(writer, regular, text, y: 80 + Double(i) * 18, size: 10)
                }
                writer.draw(Path(rect: Rect(x: 40, y: 30, width: 515, height: 780)),
                            style: PathStyle(stroke: Stroke(color: .gray(0.5), width: 0.5)))
                try writer.endPage()
            }
            let result = try writer.finish()
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            // ru_maxrss is in kilobytes on Linux.
            print("{\"pages\":\(result.pageCount),\"bytes\":\(result.byteCount),\"peak_rss_kb\":\(usage.ru_maxrss)}")
        } catch {
            fail("paperasse-bench pages: \(error)\n", status: 1)
        }
    }

    static func line(_ writer: PDFDocumentWriter, _ chain: FontChain, _ text: String, y: Double, size: Double) throws {
        var x = 50.0
        for run in try chain.shape(text) {
            let glyphs = run.glyphRun(size: size, origin: Point(x: x, y: y), color: .black)
            writer.draw(glyphs)
            x += glyphs.width
        }
    }
}
