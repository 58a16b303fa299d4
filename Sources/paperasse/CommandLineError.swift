/// A one-line failure of a subcommand. ArgumentParser prints `Error: <description>` and exits
/// with a non-zero status, without the usage block it adds to `ValidationError`.
struct CommandLineError: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) { description = message }
}
