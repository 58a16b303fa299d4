import Foundation

/// What an external program printed and how it ended.
public struct ToolOutput: Sendable {
    public let stdout: String
    public let stderr: String
    public let exitCode: Int32
    /// Standard output as raw bytes (for tools that print binary data, e.g. `pdftoppm -ppm`).
    public let stdoutBytes: [UInt8]

    /// Both streams, for failure messages.
    public var combined: String { stdout + stderr }
}

/// A failure to start or finish an external tool, with the command line it was running.
public struct ToolError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Runs the real readers (qpdf, poppler, MuPDF, PDFium through python3) that the tests use as oracles.
public enum Tool {
    /// Runs `executable` (looked up in `PATH` through `/usr/bin/env`) with `arguments`, waiting for it to
    /// end. Both pipes are drained concurrently, so a chatty tool never blocks on a full pipe.
    public static func run(_ executable: String, _ arguments: [String], stdin: [UInt8]? = nil,
                           environment: [String: String]? = nil) throws -> ToolOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        do {
            try process.run()
        } catch {
            throw ToolError(description: "cannot start \(executable): \(error)")
        }
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin))
            try? input.fileHandleForWriting.close()
        }
        let collected = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.setErr(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let errData = collected.err
        return ToolOutput(stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self),
                          exitCode: process.terminationStatus, stdoutBytes: [UInt8](outData))
    }

    /// Whether `executable` can be found in `PATH`.
    public static func isAvailable(_ executable: String) -> Bool {
        (try? run("sh", ["-c", "command -v \(executable)"]))?.exitCode == 0
    }

    /// Runs a python3 snippet with `arguments` as `sys.argv[1...]`.
    public static func python(_ script: String, _ arguments: [String]) throws -> ToolOutput {
        try run("python3", ["-c", script] + arguments)
    }
}

/// Stderr collected on another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func setErr(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    var err: Data { lock.lock(); defer { lock.unlock() }; return data }
}
