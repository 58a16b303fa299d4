import Graphics
import PDFRender
import Typography

#if canImport(Glibc)
import Glibc
#endif

/// Renders N pages of about 40 lines each to a file, then prints `{"pages":N,"peak_rss_kb":…}`.
/// Peak RSS is process-wide and only grows, which is why it is measured in a process of its own.
/// Options: `--fonts DIR` (default `Fonts`), `--level L` (zlib level, default 6; 0 stores streams
/// uncompressed, making documents big enough for memory growth to show), `--memory` (render into
/// memory, then write the bytes out: the control that shows what holding a document costs).
enum PagesBench {
    static let usage = "usage: paperasse-bench pages N OUT.pdf [--fonts DIR] [--level L] [--memory]\n"

    static func run(_ args: [String]) {
        guard args.count >= 2, let pages = Int(args[0]), pages > 0 else { fail(usage, status: 2) }
        let output = args[1]
        var fontsDirectory = "Fonts"
        var level: Int32 = 6
        var inMemory = false
        var rest = args.dropFirst(2).makeIterator()
        while let flag = rest.next() {
            switch flag {
            case "--fonts": fontsDirectory = rest.next() ?? fontsDirectory
            case "--level": level = rest.next().flatMap { Int32($0) } ?? level
            case "--memory": inMemory = true
            default: fail(usage, status: 2)
            }
        }
        do {
            let registry = try FontRegistry(directory: fontsDirectory)
            let regular = try registry.chain(family: "DejaVu Sans")
            let bold = try registry.chain(family: "DejaVu Sans", bold: true)
            let writer = try PDFDocumentWriter(
                metadata: DocumentMetadata(title: "Banc d'essai : \(pages) pages",
                                           creationDate: PDFDate(year: 2026, month: 11, day: 26)),
                fonts: registry, output: inMemory ? .memory : .file(output),
                options: RenderOptions(compressionLevel: level))
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
            if inMemory {
                guard let file = fopen(output, "wb"), fwrite(result.bytes, 1, result.bytes.count, file) == result.bytes.count,
                      fclose(file) == 0 else { fail("cannot write \(output)\n", status: 1) }
            }
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            // peak_rss_kb is this program's own high-water mark (VmHWM). getrusage's ru_maxrss (kB on
            // Linux) is printed too but cannot be trusted here: execve keeps the parent's peak in it, and
            // posix_spawn from a big test runner made every run report the runner's size.
            print("{\"pages\":\(result.pageCount),\"bytes\":\(result.byteCount),\"peak_rss_kb\":\(highWaterMarkKB() ?? -1),"
                  + "\"ru_maxrss_kb\":\(usage.ru_maxrss)}")
        } catch {
            fail("paperasse-bench pages: \(error)\n", status: 1)
        }
    }

    /// `VmHWM` from /proc/self/status: the peak resident set of this process image, in kB.
    static func highWaterMarkKB() -> Int? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if line.hasPrefix("VmHWM:") {
                return Int(line.dropFirst(6).filter(\.isNumber))
            }
        }
        return nil
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
