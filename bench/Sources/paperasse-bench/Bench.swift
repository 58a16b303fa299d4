import Foundation
import PDFRender
import PDFSyntax

/// Release-mode benchmarks (`swift run -c release paperasse-bench MODE …`, pinned with `taskset -c 0`
/// for one core). Each run prints one JSON line, like the peers' `RESULT` lines.
///
///   engine  [--docs N] [--xref table|compressed] [--level L]   one-page documents of ~60 shaped lines
///   releve  --data statements.json [--docs N] [--out DIR | --memory yes] [--xref …] [--level L]   the peers' workload
///   pages   N OUT.pdf [--fonts DIR] [--level L] [--memory]    one N-page document, for memory checks
@main
struct Bench {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        guard let mode = args.first else {
            FileHandle.standardError.write(Data("usage: paperasse-bench engine|releve|pages …\n".utf8))
            exit(2)
        }
        args.removeFirst()
        let options = BenchOptions(args)
        // As a batch run does (BatchRunner): the figures are those of the product.
        HeapPolicy.keepFreedMemoryForReuse()
        do {
            switch mode {
            case "engine": try EngineBench.run(options)
            case "releve": try ReleveBench.run(options)
            case "pages": PagesBench.run(args)
            default:
                FileHandle.standardError.write(Data("unknown mode \(mode)\n".utf8))
                exit(2)
            }
        } catch {
            // A missing Layouts/ or Fonts/ (run from elsewhere than the repository root) is an error
            // message, not a crash report.
            FileHandle.standardError.write(Data("paperasse-bench \(mode): \(error)\n".utf8))
            exit(1)
        }
    }
}

/// `--key value` options and positional arguments.
struct BenchOptions {
    var values: [String: String] = [:]
    var positional: [String] = []

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            if args[i].hasPrefix("--"), i + 1 < args.count {
                values[String(args[i].dropFirst(2))] = args[i + 1]
                i += 2
            } else {
                positional.append(args[i])
                i += 1
            }
        }
    }

    func int(_ key: String, _ fallback: Int) -> Int { values[key].flatMap(Int.init) ?? fallback }

    var renderOptions: RenderOptions {
        var o = RenderOptions()
        o.compressionLevel = Int32(int("level", Int(o.compressionLevel)))
        if values["xref"] == "table" { o.xref = .table }
        if let n = values["objects-per-stream"].flatMap(Int.init) { o.xref = .compressed(objectsPerStream: n) }
        o.subsetGranularity = int("granularity", o.subsetGranularity)
        return o
    }

    var fontsDirectory: String { values["fonts"] ?? "Fonts" }
}

/// Peak resident set size of this process, in KiB.
func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func report(_ fields: [(String, Any)]) {
    let body = fields.map { key, value -> String in
        if let s = value as? String { return "\"\(key)\":\"\(s)\"" }
        if let d = value as? Double { return "\"\(key)\":\((d * 100).rounded() / 100)" }
        return "\"\(key)\":\(value)"
    }.joined(separator: ",")
    print("RESULT {\(body)}")
}

/// Prints `message` to standard error and exits with `status`.
func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data(message.utf8))
    exit(status)
}
