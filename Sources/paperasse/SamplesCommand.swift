import ArgumentParser

/// Renders the sample documents (until the portal exists, this is what `make run` does).
struct SamplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples", abstract: "Rend les documents d'exemple dans un dossier.")

    @Option(help: "Dossier de sortie.") var out: String = "out"

    func run() async throws {
        print("Aucun document d'exemple pour l'instant (\(out)).")
    }
}
