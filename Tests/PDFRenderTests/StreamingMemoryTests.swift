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

/// Pages stream out as they end: a 2,000-page document must not need more memory than a 10-page one
/// (beyond a small allowance for the page references). Peak RSS is process-wide and never goes down,
/// so each size is rendered in a process of its own.
@Suite struct StreamingMemoryTests {
    struct BenchResult: Decodable {
        let pages: Int
        let bytes: Int
        let peak_rss_kb: Int
    }

    static func bench(_ pages: Int, _ output: String) throws -> BenchResult {
        let exe = try #require(benchExecutable)
        let run = try Tool.run(exe, ["pages", String(pages), output, TestFiles.fontsDirectory])
        #expect(run.exitCode == 0, "\(run.combined)")
        return try JSONDecoder().decode(BenchResult.self, from: Data(run.stdout.utf8))
    }

    @Test(.enabled(if: benchExecutable != nil,
                   "paperasse-bench is not built next to the tests: run `swift build` (or `make test`) first"))
    func twoThousandPagesNeedNoMoreMemoryThanTen() throws {
        let dir = try TemporaryDirectory()
        let small = try Self.bench(10, dir.file("10.pdf"))
        let large = try Self.bench(2000, dir.file("2000.pdf"))
        #expect(small.pages == 10 && large.pages == 2000)
        #expect(large.bytes > 50 * small.bytes, "the large document really is large")
        let allowanceKB = 40 * 1024
        #expect(large.peak_rss_kb < small.peak_rss_kb + allowanceKB,
                "peak RSS: \(small.peak_rss_kb) kB for 10 pages, \(large.peak_rss_kb) kB for 2000")
        #expect(try PDFTools.pdfinfo(dir.file("2000.pdf"))["Pages"] == "2000")
        let size = try FileManager.default.attributesOfItem(atPath: dir.file("2000.pdf"))[.size] as? Int
        #expect(size == large.bytes)
        try expectConformant(dir.file("2000.pdf"))
        try expectConformant(dir.file("10.pdf"))
    }
}
