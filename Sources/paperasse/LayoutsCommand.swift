import ArgumentParser
import LayoutDefinitions

/// `paperasse layouts check`: validates every layout in `Layouts/` and binds it to its sample data.
struct LayoutsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts", abstract: "Outils des mises en page.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie chaque mise en page (syntaxe, éléments, expressions, ressources, données d'exemple).")
        @Option(help: "Dossier des mises en page.") var layouts: String = "Layouts"
        @Option(help: "Dossier des polices.") var fonts: String = "Fonts"

        func run() async throws {
            let problems = LayoutLibrary.check(directory: layouts, fontsDirectory: fonts)
            if let first = problems.first { throw CommandLineError("\(first)") }
            let library = try LayoutLibrary.load(directory: layouts, fontsDirectory: fonts)
            // Loading bound each layout to its sample data, which `check` found present.
            for name in library.layouts.keys.sorted() {
                let layout = try library.layout(named: name)
                print("\(name) : correcte (version \(layout.version))")
            }
        }
    }
}
