#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Writes a document to `path` through a temporary file in the same directory, renamed into place only
/// when the document is complete: a reader never sees a partial file, and a failed or abandoned render
/// leaves nothing behind (the temporary file is removed).
final class FileSink {
    let path: String
    let temporaryPath: String
    private var fd: Int32
    private let sync: Bool
    private static let counter = Atomic<Int>(0)

    init(path: String, sync: Bool) throws(PDFRenderError) {
        self.path = path
        self.sync = sync
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let n = Self.counter.add(1, ordering: .relaxed).newValue
        temporaryPath = dir + "/." + base + ".partial-" + String(getpid()) + "-" + String(n)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PDFRenderError(.writeFailed, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { abort() }

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

    /// Makes the file durable (optionally) and moves it into place atomically.
    func commit() throws(PDFRenderError) {
        if sync && fsync(fd) != 0 {
            let why = String(cString: strerror(errno))
            abort()
            throw PDFRenderError(.writeFailed, "cannot flush \(path): \(why)")
        }
        if close(fd) != 0 {
            fd = -1
            let why = String(cString: strerror(errno))
            abort()
            throw PDFRenderError(.writeFailed, "cannot close \(path): \(why)")
        }
        fd = -1
        guard rename(temporaryPath, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw PDFRenderError(.writeFailed, "cannot move the finished file to \(path): \(why)")
        }
    }

    /// Removes the temporary file; harmless after `commit`.
    func abort() {
        if fd >= 0 {
            close(fd)
            fd = -1
            unlink(temporaryPath)
        }
    }
}
