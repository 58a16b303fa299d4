import Foundation

/// Where the package lives and scratch space for the files tests write.
public enum TestFiles {
    /// The package root: the nearest directory above this source file that holds `Package.swift`.
    /// Found from `#filePath`, so it does not depend on the working directory `swift test` chose.
    public static func packageRoot(filePath: String = #filePath) -> String {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(filePath)")
    }

    /// `Fonts/` of the package.
    public static var fontsDirectory: String { packageRoot() + "/Fonts" }

    /// `Tests/Fixtures/` of the package.
    public static var fixturesDirectory: String { packageRoot() + "/Tests/Fixtures" }

    /// The debug build folder the running test bundle belongs to (e.g. `.build-tests/debug`), found
    /// from the executable's path; nil when the tests run from somewhere unexpected.
    public static var buildProductsDirectory: String? {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return nil }
            let name = url.lastPathComponent
            if name == "debug" || name == "release" { return url.path }
        }
        return nil
    }
}

extension TestFiles {
    /// A fresh directory `prefix-UUID` under this test process's own temporary root, which is removed
    /// when the process exits, whatever the tests left in it — unless `PAPERASSE_KEEP_TEST_FILES` is
    /// set. For scratch files whose owner outlives any one scope (a store a fixture opens and hands out).
    public static func processDirectory(_ prefix: String) -> String {
        let dir = processRoot + "/" + prefix + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private static let processRoot: String = {
        let root = NSTemporaryDirectory() + "/paperasse-tests-\(getpid())"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["PAPERASSE_KEEP_TEST_FILES"] == nil {
            atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "/paperasse-tests-\(getpid())") }
        }
        return root
    }()
}

/// A fresh directory under the system temporary directory, removed when the value is dropped — unless
/// `PAPERASSE_KEEP_TEST_FILES` is set, to look at what a failing test wrote.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ prefix: String = "paperasse-test") throws {
        let base = NSTemporaryDirectory() + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    deinit {
        if ProcessInfo.processInfo.environment["PAPERASSE_KEEP_TEST_FILES"] != nil { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `path/name`.
    public func file(_ name: String) -> String { path + "/" + name }

    /// The names in the directory, sorted, hidden files included (a leftover temporary file must show).
    public func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// Text compared across readers: NFC, the no-break spaces (U+00A0, U+202F, U+2009) and runs of
/// whitespace folded to one space, trimmed.
public func normalizedText(_ s: String) -> String {
    var out = ""
    var pendingSpace = false
    for scalar in s.precomposedStringWithCanonicalMapping.unicodeScalars {
        if scalar.properties.isWhitespace || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}" {
            pendingSpace = true
            continue
        }
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        out.unicodeScalars.append(scalar)
    }
    return out
}

/// Writes `bytes` (an array, a slice, a string's UTF-8 view…) to `path`, replacing it.
public func writeFile(_ bytes: some Sequence<UInt8>, to path: String) throws {
    let array = Array(bytes)
    guard let file = fopen(path, "wb") else { throw ToolError(description: "cannot create \(path)") }
    let written = fwrite(array, 1, array.count, file)
    guard fclose(file) == 0, written == array.count else { throw ToolError(description: "cannot write \(path)") }
}
