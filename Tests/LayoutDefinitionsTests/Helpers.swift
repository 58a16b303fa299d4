import Foundation
import TestSupport
@testable import LayoutDefinitions

/// Paths of the repository, found from this file so tests run from any directory.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let layouts = root + "/Layouts"
    static let fonts = root + "/Fonts"
    /// Outside the test target folder, so SwiftPM does not ask to declare it as a resource.
    static let fixtures = root + "/Tests/Fixtures"
}

/// A throw-away `Layouts/` directory written from strings, with a tiny fonts directory.
struct Scratch {
    let directory: String
    let fonts: String

    init(_ files: [String: String] = [:], binary: [String: [UInt8]] = [:]) {
        let base = TestFiles.processDirectory("layoutdefs")
        directory = base + "/Layouts"
        fonts = base + "/Fonts"
        let fm = FileManager.default
        for sub in ["partials", "assets", "samples"] {
            try! fm.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
        try! fm.createDirectory(atPath: fonts, withIntermediateDirectories: true)
        write("Fonts/Test.ttf", bytes: Array("not really a font".utf8))
        for (path, text) in files { write("Layouts/" + path, bytes: Array(text.utf8)) }
        for (path, bytes) in binary { write("Layouts/" + path, bytes: bytes) }
    }

    /// Writes a file relative to the scratch base (`Layouts/…` or `Fonts/…`).
    func write(_ relative: String, bytes: [UInt8]) {
        let base = (directory as NSString).deletingLastPathComponent
        let path = base + "/" + relative
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
    }

    func write(_ relative: String, _ text: String) { write(relative, bytes: Array(text.utf8)) }

    func load() throws(LayoutError) -> LayoutLibrary {
        try LayoutLibrary.load(directory: directory, fontsDirectory: fonts)
    }

    func layout(_ name: String = "test") throws(LayoutError) -> Layout {
        try load().layout(named: name)
    }
}

/// A minimal valid PNG header (1×1): enough for the asset loader, which reads IHDR only.
let tinyPNG: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    + [0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0, 0, 0, 0, 0]

/// Compiles a one-file layout `test.yaml` with the given body (indented YAML list).
func layout(body: String, extra: String = "", files: [String: String] = [:]) throws(LayoutError) -> Layout {
    var all = files
    all["test.yaml"] = "document:\n  title: Test\n\(extra)\nbody:\n\(body)\n"
    return try Scratch(all, binary: ["assets/logo.png": tinyPNG]).layout()
}

/// Runs `body` expecting a `LayoutError`, and returns it.
func expectError(_ body: () throws -> Void) -> LayoutError? {
    do {
        try body()
        return nil
    } catch let error as LayoutError {
        return error
    } catch {
        return nil
    }
}

extension BoundBlock {
    var paragraph: BoundParagraph? { if case .paragraph(let p) = self { return p } else { return nil } }
    var table: BoundTable? { if case .table(let t) = self { return t } else { return nil } }
    var text: String? { paragraph?.plainText }
}

extension BoundCell {
    var text: String { blocks.first?.text ?? "" }
}
