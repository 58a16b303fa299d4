#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Writes a document to `path` so that it appears there complete or not at all: a reader never sees a
/// partial file, and a failed, abandoned or killed render leaves nothing behind.
///
/// The file is written without a name (`O_TMPFILE`) and linked into place once complete. A process
/// killed mid-document leaves no file at all, and creating the file costs one directory entry
/// instead of three (the temporary name, and the rename that removes it and adds the final one):
/// measured on this ext4 (C, 2,000–3,000 files of 22 KB, six paired runs) at about 30 µs less per file.
///
/// Where that cannot be done (a file system without `O_TMPFILE`, no `/proc`), a hidden temporary file
/// in the same directory is renamed into place instead. The same happens when `path` already exists:
/// `linkat` does not replace a file, and `rename` replaces it atomically.
final class FileSink {
    let path: String
    /// The hidden temporary file, for a named sink (nil while the file has no name).
    private(set) var temporaryPath: String?
    private var fd: Int32
    private let sync: Bool
    private static let counter = Atomic<Int>(0)

    /// `O_TMPFILE`, which Swift does not import (a macro built of other flags).
    private static let tmpfileFlag = Int32(0o20_000_000) | O_DIRECTORY
    /// Whether a nameless file can be given a name here: `linkat` reaches it through `/proc/self/fd`.
    private static let canLinkAnonymous = access("/proc/self/fd", X_OK) == 0
    /// `AT_EMPTY_PATH` (a macro Swift does not import): `linkat` names the file by its descriptor,
    /// without the path walk through `/proc` (about 10 µs a file here). Linux allows it only to a
    /// process with `CAP_DAC_READ_SEARCH`; the first refusal that `/proc` then overrules turns it off for
    /// the process.
    private static let emptyPathFlag: Int32 = 0x1000
    private static let linkByDescriptor = Atomic<Bool>(true)
    /// False: link through `/proc` even where the descriptor would do (for tests of that path).
    private let byDescriptor: Bool

    /// - Parameter anonymous: write a nameless file (the default, when the system allows it); false
    ///   writes a hidden temporary file from the start (for tests of that path).
    /// - Parameter byDescriptor: link a nameless file by its descriptor when the process may (the
    ///   default); false always goes through `/proc` (for tests of that path).
    init(path: String, sync: Bool, anonymous: Bool = true, byDescriptor: Bool = true) throws(PDFRenderError) {
        self.path = path
        self.sync = sync
        self.byDescriptor = byDescriptor
        fd = -1
        if anonymous && Self.canLinkAnonymous {
            fd = open(Self.directory(of: path), Self.tmpfileFlag | O_WRONLY | O_CLOEXEC, 0o644)
            // Otherwise (EOPNOTSUPP: the file system cannot…) a named temporary file is tried, and if
            // the directory itself is at fault, that says why.
            if fd >= 0 { return }
        }
        let name = Self.temporaryName(for: path)
        fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PDFRenderError(.writeFailed, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        temporaryPath = name
    }

    deinit { abort() }

    /// Whether the file being written has no name yet (`O_TMPFILE`).
    var isAnonymous: Bool { fd >= 0 && temporaryPath == nil }

    func write(_ bytes: [UInt8]) throws(PDFRenderError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let why = String(cString: strerror(errno))
                abort()
                throw PDFRenderError(.writeFailed, "cannot write \(path): \(why)")
            }
            offset += n
        }
    }

    /// Makes the file durable (optionally) and puts it in place atomically.
    func commit() throws(PDFRenderError) {
        if sync && fsync(fd) != 0 {
            let why = String(cString: strerror(errno))
            abort()
            throw PDFRenderError(.writeFailed, "cannot flush \(path): \(why)")
        }
        if temporaryPath == nil {
            // The nameless file gets its final name, or (the path exists) a temporary one, renamed below.
            let procPath = "/proc/self/fd/" + String(fd)
            var linked = false, exists = false, refused = false
            if byDescriptor && Self.linkByDescriptor.load(ordering: .relaxed) {
                if linkat(fd, "", AT_FDCWD, path, Self.emptyPathFlag) == 0 {
                    linked = true
                } else if errno == EEXIST {
                    exists = true
                } else if errno == EPERM || errno == ENOENT || errno == EINVAL {
                    refused = true  // the capability, or the path itself (a missing directory): /proc tells
                } else {
                    return try fail("cannot create \(path)")
                }
            }
            if !linked && !exists {
                if linkat(AT_FDCWD, procPath, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 {
                    linked = true
                    // The path was fine: the descriptor was refused for want of the capability.
                    if refused { Self.linkByDescriptor.store(false, ordering: .relaxed) }
                } else if errno == EEXIST {
                    exists = true
                } else {
                    return try fail("cannot create \(path)")
                }
            }
            if linked {
                do { return try closeFile() } catch {
                    unlink(path)  // its bytes may not all have reached the disk
                    throw error
                }
            }
            let name = Self.temporaryName(for: path)
            guard linkat(AT_FDCWD, procPath, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else {
                return try fail("cannot create \(path)")
            }
            temporaryPath = name
        }
        try closeFile()
        guard let temporaryPath, rename(temporaryPath, path) == 0 else {
            let why = String(cString: strerror(errno))
            if let temporaryPath { unlink(temporaryPath) }
            throw PDFRenderError(.writeFailed, "cannot move the finished file to \(path): \(why)")
        }
        self.temporaryPath = nil
    }

    /// Drops the unfinished file (a nameless one simply vanishes on close); harmless after `commit`.
    func abort() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        if let temporaryPath { unlink(temporaryPath) }
        temporaryPath = nil
    }

    private func closeFile() throws(PDFRenderError) {
        let closed = close(fd)
        fd = -1
        if closed != 0 {
            let why = String(cString: strerror(errno))
            if let temporaryPath { unlink(temporaryPath) }
            temporaryPath = nil
            throw PDFRenderError(.writeFailed, "cannot close \(path): \(why)")
        }
    }

    private func fail(_ what: String) throws(PDFRenderError) {
        let why = String(cString: strerror(errno))
        abort()
        throw PDFRenderError(.writeFailed, "\(what): \(why)")
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `dir/.name.partial-PID-N`: hidden, and unique across the threads and processes of one machine.
    private static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let n = counter.add(1, ordering: .relaxed).newValue
        return directory(of: path) + "/." + base + ".partial-" + String(getpid()) + "-" + String(n)
    }
}
