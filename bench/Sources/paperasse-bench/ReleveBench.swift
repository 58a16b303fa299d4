import Foundation
import LayoutDefinitions
import PDFRender
import Portal
import Typography

/// The peers' workload (`../shared/bench/peers`): the same statements, the same font and look, bound
/// to `Layouts/releve-mensuel.yaml`, laid out, rendered and written to one file each. Timed like the
/// peers: data loading, set-up and one warm-up document are outside the loop.
enum ReleveBench {
    static func run(_ options: BenchOptions) throws {
        guard let dataPath = options.values["data"] else {
            throw BenchError("releve needs --data statements.json (from the peers' gen_data.py)")
        }
        let docs = options.int("docs", 200)
        let out = options.values["out"] ?? NSTemporaryDirectory() + "paperasse-bench-releve"
        // `--memory yes`: documents are rendered and dropped, no file written (the engine's time without
        // the file system's; the peers' figures include writing files, so compare those with files).
        let inMemory = options.values["memory"] == "yes"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let root = try DataValue(json: Array(try Data(contentsOf: URL(fileURLWithPath: dataPath))))
        guard case .array(let statements)? = root["statements"] else { throw BenchError("no statements in \(dataPath)") }
        let library = try LayoutLibrary.load(directory: options.values["layouts"] ?? "Layouts", fontsDirectory: options.fontsDirectory)
        let layout = try library.layout(named: "releve-mensuel")
        let renderer = try DocumentRenderer(fonts: try FontRegistry(directory: options.fontsDirectory),
                                            options: options.renderOptions)
        let deflater = Deflater(level: options.renderOptions.compressionLevel)
        let date = PDFDate(year: 2026, month: 11, day: 1)
        func one(_ i: Int) throws -> RenderResult {
            let statement = statements[i % statements.count]
            let id: String
            if case .string(let s)? = statement["id"] { id = s } else { id = String(i) }
            return try renderer.render(try layout.bind(statement), date: date,
                                       to: inMemory ? .memory : .file(out + "/" + id + ".pdf"), deflater: deflater)
        }
        _ = try one(0)
        var bytes = 0, pages = 0
        let start = now()
        for i in 0..<docs {
            let r = try one(i)
            bytes += r.byteCount
            pages += r.pageCount
        }
        let elapsed = now() - start
        report([("mode", "releve"), ("docs", docs), ("pages", pages), ("docs_per_s", Double(docs) / elapsed),
                ("ms_per_doc", elapsed * 1000 / Double(docs)), ("bytes_per_doc", bytes / docs),
                ("xref", options.values["xref"] ?? "compressed"), ("level", Int(deflater.level)), ("files", !inMemory),
                ("peak_rss_kib", peakRSSKiB()), ("out", out)])
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
