import Foundation
import TestSupport

/// Paths of the package, found by walking up from this file to `Package.swift`, so the tests run from
/// any working directory.
enum PackageRoot {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()
    static let fonts = path + "/Fonts"
    static let layouts = path + "/Layouts"
    static let tests = path + "/Tests/LayoutEngineTests"
    static let goldens = tests + "/Goldens"
    static let references = tests + "/References"

    /// `PAPERASSE_RECORD=1` re-records goldens and reference images instead of comparing.
    static var recording: Bool { ProcessInfo.processInfo.environment["PAPERASSE_RECORD"] == "1" }

    /// The `paperasse` executable built next to the test bundle (`swift build`/`swift test` put both in
    /// the scratch folder's `debug/`).
    static var paperasseBinary: String? {
        var candidates: [String] = []
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(bundleDir.appendingPathComponent("paperasse").path)
        // The test bundle may be a directory (`…/debug/PaperassePackageTests.xctest/…`).
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent()
                .appendingPathComponent("paperasse").path)
        }
        for scratch in [".build-lt", ".build"] { candidates.append(path + "/" + scratch + "/debug/paperasse") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A fresh temporary directory, one per test, under the test process's root (removed at exit; set
/// `PAPERASSE_KEEP_TEST_FILES=1` to keep it and look at the files a failure names).
func makeTemporaryDirectory(_ prefix: String = "layouttests") -> String {
    TestFiles.processDirectory(prefix)
}

/// The names of the files of a directory, sorted.
func directoryListing(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}
