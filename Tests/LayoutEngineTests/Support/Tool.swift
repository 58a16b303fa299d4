import Foundation

/// Runs the real readers (qpdf, poppler, zbar, python3) and the `paperasse` executable as oracles.
struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
}

enum Tool {
    /// Runs `executable` (looked up on PATH through /usr/bin/env unless absolute) with `arguments`.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], cwd: String? = nil,
                    stdin: String? = nil) throws -> ToolResult {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty tool cannot block on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ToolResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    /// Runs a python3 script given as text, with arguments.
    static func python(_ script: String, _ arguments: [String]) throws -> ToolResult {
        try run("python3", ["-c", script] + arguments)
    }

    /// `pdftotext -enc UTF-8 -layout`, one string per page (pages are separated by form feeds).
    static func pdfTextPages(_ path: String, layout: Bool = true) throws -> [String] {
        let r = try run("pdftotext", ["-enc", "UTF-8"] + (layout ? ["-layout"] : []) + [path, "-"])
        var pages = r.stdout.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }
}
