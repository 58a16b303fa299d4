import PDFRender

#if canImport(Glibc)
import Glibc
#endif

/// `paperasse-bench <subcommand> …`. Subcommands:
/// - `pages N OUT.pdf [--fonts DIR] [--level L] [--memory]`: streams an N-page document to a file and prints its peak RSS
///   (used by the engine tests to check that memory does not grow with the page count).
@main
struct Bench {
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        switch args.first {
        case "pages":
            PagesBench.run(Array(args.dropFirst()))
        default:
            fail(PagesBench.usage, status: 2)
        }
    }
}

/// Prints `message` on standard error and exits with `status`. (`stderr` is a global C variable that
/// strict concurrency will not let us touch; file descriptor 2 is the same stream.)
func fail(_ message: String, status: Int32) -> Never {
    var bytes = Array(message.utf8)
    _ = write(2, &bytes, bytes.count)
    exit(status)
}
