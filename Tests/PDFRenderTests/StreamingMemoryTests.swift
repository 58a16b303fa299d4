import Foundation
import PDFRender
import Testing
import TestSupport

/// The `paperasse-bench` executable built next to this test bundle (`swift build` builds every product,
/// and `make test` runs it before `swift test`); nil when it was not built.
let benchExecutable: String? = {
    guard let dir = TestFiles.buildProductsDirectory else { return nil }
    let path = dir + "/paperasse-bench"
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// Pages stream out as they end: a 2,000-page document must not need more memory than a 10-page one.
/// Peak RSS is process-wide and never goes down, so each render runs in a process of its own, which
/// reports its own high-water mark (VmHWM: getrusage's ru_maxrss would include this test runner's
/// size, which execve carries over into the child). Streams
/// are stored uncompressed (zlib level 0) so that the document (about 21 MB) is big enough for holding
/// it to show; a control run into memory proves that the measurement sees it when it is held.
@Suite struct StreamingMemoryTests {
    struct BenchResult: Decodable {
        let pages: Int
        let bytes: Int
        let peak_rss_kb: Int
    }

    static func bench(_ pages: Int, _ output: String, memory: Bool = false) throws -> BenchResult {
        let exe = try #require(benchExecutable)
        let run = try Tool.run(exe, ["pages", String(pages), output, "--fonts", TestFiles.fontsDirectory, "--level", "0"]
                                   + (memory ? ["--memory"] : []))
        #expect(run.exitCode == 0, "\(run.combined)")
        return try JSONDecoder().decode(BenchResult.self, from: Data(run.stdout.utf8))
    }

    @Test(.enabled(if: benchExecutable != nil,
                   "paperasse-bench is not built next to the tests: run `swift build` (or `make test`) first"))
    func twoThousandPagesNeedNoMoreMemoryThanTen() throws {
        let dir = try TemporaryDirectory()
        let small = try Self.bench(10, dir.file("10.pdf"))
        let large = try Self.bench(2000, dir.file("2000.pdf"))
        let control = try Self.bench(2000, dir.file("control.pdf"), memory: true)
        #expect(small.pages == 10 && large.pages == 2000 && control.pages == 2000)
        #expect(small.peak_rss_kb > 1000, "the bench measured something: \(small.peak_rss_kb) kB")
        #expect(large.bytes > 100 * small.bytes, "the large document really is large")
        let growthKB = large.peak_rss_kb - small.peak_rss_kb
        #expect(large.peak_rss_kb < small.peak_rss_kb + 40 * 1024,
                "peak RSS: \(small.peak_rss_kb) kB for 10 pages, \(large.peak_rss_kb) kB for 2000")
        // Stricter, and falsifiable even within 40 MiB: less than a quarter of the document is ever held.
        #expect(growthKB < large.bytes / 1024 / 4, "grew by \(growthKB) kB for a \(large.bytes / 1024) kB document")
        // The control holds the whole document in memory, and the measurement sees it.
        #expect(control.peak_rss_kb - small.peak_rss_kb > control.bytes / 1024 / 2,
                "control: \(control.peak_rss_kb) kB for a \(control.bytes / 1024) kB document")
        // Streamed or held, the same bytes.
        #expect(FileManager.default.contentsEqual(atPath: dir.file("2000.pdf"), andPath: dir.file("control.pdf")))

        #expect(try PDFTools.pdfinfo(dir.file("2000.pdf"))["Pages"] == "2000")
        let size = try FileManager.default.attributesOfItem(atPath: dir.file("2000.pdf"))[.size] as? Int
        #expect(size == large.bytes)
        try expectConformant(dir.file("2000.pdf"))
        try expectConformant(dir.file("10.pdf"))
    }
}
