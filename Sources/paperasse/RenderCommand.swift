import Accounts
import ArgumentParser
import Foundation
import LayoutDefinitions
import Portal
import Typography

/// `paperasse render KIND --db PATH --nir NIR13 … --out FILE.pdf`: one document of an account,
/// through the portal's rules. Success prints one JSON line (id, kind, pages, bytes, sha256);
/// a refusal prints its one-line reason, exits non-zero and leaves no file.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Édite un document d'un compte, selon les règles du portail.",
        discussion: "Documents : " + DocumentKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")

    @Argument(help: "Document : attestation-droits, attestation-ij, releve-mensuel, releve-annuel, releve-fiscal, ceam-provisoire.")
    var kind: String
    @Option(help: "Base SQLite des comptes.") var db: String
    @Option(help: "NIR de l'assuré, 13 chiffres sans la clé.") var nir: String
    @Option(help: "Rang du bénéficiaire (1 : l'assuré).") var beneficiary: Int?
    @Option(help: "Mois du relevé mensuel, AAAA-MM.") var month: String?
    @Option(help: "Année du relevé annuel, AAAA.") var year: Int?
    @Option(help: "Début de la période de l'attestation d'IJ, AAAA-MM-JJ.") var from: String?
    @Option(help: "Fin de la période de l'attestation d'IJ, AAAA-MM-JJ.") var to: String?
    @Option(help: "Mention à faire figurer (répétable) : ald, exoneration, css, mi-temps.") var mention: [String] = []
    @Option(help: "Date de départ (certificat provisoire CEAM), AAAA-MM-JJ.") var departure: String?
    @Option(help: "Date d'édition AAAA-MM-JJ (sinon SOURCE_DATE_EPOCH, sinon 2026-11-26).") var today: String?
    @Option(help: "Fichier PDF à écrire.") var out: String
    @Option(help: "Écrit aussi les données de la mise en page (JSON) dans ce fichier.") var dataOut: String?
    @Option(help: "Dossier des mises en page.") var layouts: String = "Layouts"
    @Option(help: "Dossier des polices.") var fonts: String = "Fonts"

    /// Shapes only (dates, digits, the options the kind needs): the rules decide the rest.
    func validate() throws {
        guard let kind = DocumentKind(rawValue: kind) else {
            throw ValidationError("document inconnu « \(kind) » : " + DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard nir.count == 13, nir.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "A" || $0 == "B") }) else {
            throw ValidationError("--nir attend les 13 caractères du NIR, sans la clé")
        }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("la base \(db) n'existe pas") }
        guard out.hasSuffix(".pdf") else { throw ValidationError("--out doit nommer un fichier .pdf") }
        if let beneficiary, !(1...99).contains(beneficiary) { throw ValidationError("--beneficiary attend un rang de 1 à 99") }
        _ = try parsed()
        func require(_ present: Bool, _ option: String) throws {
            guard present else { throw ValidationError("\(kind.rawValue) demande \(option)") }
        }
        func refuse(_ present: Bool, _ option: String) throws {
            guard !present else { throw ValidationError("\(option) ne s'applique pas à \(kind.rawValue)") }
        }
        try refuse(month != nil && kind != .releveMensuel, "--month")
        try refuse(year != nil && kind != .releveAnnuel, "--year")
        try refuse((from != nil || to != nil) && kind != .attestationIJ, "--from/--to")
        try refuse(departure != nil && kind != .ceamProvisoire, "--departure")
        try refuse(!mention.isEmpty && kind != .attestationDroits && kind != .attestationIJ, "--mention")
        try refuse(beneficiary != nil && kind != .attestationDroits && kind != .ceamProvisoire, "--beneficiary")
        switch kind {
        case .releveMensuel: try require(month != nil, "--month AAAA-MM")
        case .releveAnnuel: try require(year != nil, "--year AAAA")
        case .attestationIJ: try require(from != nil && to != nil, "--from et --to")
        case .ceamProvisoire: try require(departure != nil, "--departure AAAA-MM-JJ")
        default: break
        }
    }

    func run() async throws {
        let request = try parsed()
        let store = try SQLiteAccountStore(path: db)
        let issuer = DocumentIssuer(store: store, library: try LayoutLibrary.load(directory: layouts, fontsDirectory: fonts),
                                    renderer: try DocumentRenderer(fonts: FontRegistry(directory: fonts)))
        do {
            let issued = try issuer.issue(request, to: out) { data in
                if let dataOut { _ = FileManager.default.createFile(atPath: dataOut, contents: Data((data.jsonText() + "\n").utf8)) }
            }
            print("{\"id\":\"\(issued.id)\",\"kind\":\"\(issued.kind.rawValue)\",\"pages\":\(issued.pages),\"bytes\":\(issued.bytes),\"sha256\":\"\(issued.sha256)\"}")
        } catch {
            throw CommandLineError(error.reason)
        }
    }

    /// The request, every value parsed; `ValidationError` names the faulty option.
    private func parsed() throws -> DocumentRequest {
        func day(_ text: String?, _ option: String) throws -> Day? {
            guard let text else { return nil }
            do { return try Day(iso: text) } catch { throw ValidationError("\(option) attend une date AAAA-MM-JJ, reçu « \(text) »") }
        }
        let todayDay: Day
        do { todayDay = try ReferenceDate.resolve(option: today, environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError("--today (ou SOURCE_DATE_EPOCH) attend une date AAAA-MM-JJ")
        }
        var yearMonth: YearMonth?
        if let month {
            let parts = month.split(separator: "-")
            guard month.count == 7, parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
                  let value = try? YearMonth(year: y, month: m) else {
                throw ValidationError("--month attend un mois AAAA-MM, reçu « \(month) »")
            }
            yearMonth = value
        }
        if let year, !(1900...2200).contains(year) { throw ValidationError("--year attend une année AAAA") }
        var choices: Set<MentionChoice>?
        if !mention.isEmpty {
            choices = try Set(mention.map { name in
                guard let choice = MentionChoice(rawValue: name) else {
                    throw ValidationError("--mention attend ald, exoneration, css ou mi-temps, reçu « \(name) »")
                }
                return choice
            })
        }
        return DocumentRequest(kind: DocumentKind(rawValue: kind)!, nir13: nir, today: todayDay, beneficiaryRank: beneficiary,
                               month: yearMonth, year: year, from: try day(from, "--from"), to: try day(to, "--to"),
                               mentions: choices, departure: try day(departure, "--departure"))
    }
}
