import ArgumentParser

/// The `paperasse` command: one root, one subcommand per file.
@main
struct Paperasse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paperasse",
        abstract: "Génère les documents PDF du compte d'assurance maladie.",
        subcommands: [
            SamplesCommand.self,
            RenderLayoutCommand.self,
            LayoutsCommand.self,
            SeedCommand.self,
            AccountsCommand.self,
            RenderCommand.self,
        ]
    )
}
