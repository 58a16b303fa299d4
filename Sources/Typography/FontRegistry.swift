import Graphics

#if canImport(Glibc)
import Glibc
#endif

/// The fonts a process knows, loaded once from `Fonts/` and shared (immutable) by every document and
/// thread. A face's `FontHandle` is its index here, which is how frames name fonts.
public final class FontRegistry: Sendable {
    public let faces: [Face]
    /// Families tried, in order, after the requested one (the fallback chain).
    public let fallbackFamilies: [String]

    /// Loads every `.ttf`/`.otf` file of `directory`, in file-name order (so handles are stable).
    public convenience init(directory: String, fallbackFamilies: [String] = []) throws(TypographyError) {
        let names = try Self.listFonts(directory)
        try self.init(paths: names.map { directory + "/" + $0 }, fallbackFamilies: fallbackFamilies)
    }

    public init(paths: [String], fallbackFamilies: [String] = []) throws(TypographyError) {
        var faces: [Face] = []
        for (i, path) in paths.enumerated() {
            let bytes = try Self.readFile(path)
            faces.append(try Face(handle: FontHandle(index: Int32(i)), path: path, bytes: bytes))
        }
        self.faces = faces
        self.fallbackFamilies = fallbackFamilies
    }

    public func face(_ handle: FontHandle) -> Face { faces[Int(handle.index)] }

    public var families: [String] {
        var seen: [String] = []
        for f in faces where !seen.contains(f.familyName) { seen.append(f.familyName) }
        return seen
    }

    /// The face of `family` closest to the requested style: exact match first, then same weight.
    public func face(family: String, bold: Bool = false, italic: Bool = false) throws(TypographyError) -> Face {
        let candidates = faces.filter { $0.familyName == family }
        guard !candidates.isEmpty else {
            throw TypographyError(.unknownFamily,
                "unknown font family « \(family) » (known: \(families.joined(separator: ", ")))")
        }
        return candidates.first { $0.isBold == bold && $0.isItalic == italic }
            ?? candidates.first { $0.isBold == bold }
            ?? candidates[0]
    }

    /// The requested face followed by the fallback families in the same style.
    public func chain(family: String, bold: Bool = false, italic: Bool = false) throws(TypographyError) -> FontChain {
        var list = [try face(family: family, bold: bold, italic: italic)]
        for fallback in fallbackFamilies where fallback != family {
            let f = try face(family: fallback, bold: bold, italic: italic)
            if !list.contains(where: { $0 === f }) { list.append(f) }
        }
        return FontChain(list)
    }

    // MARK: Files

    static func listFonts(_ directory: String) throws(TypographyError) -> [String] {
        guard let dir = opendir(directory) else {
            throw TypographyError(.fontNotFound, "font directory \(directory) cannot be opened")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            let lower = name.lowercased()
            if lower.hasSuffix(".ttf") || lower.hasSuffix(".otf") { names.append(name) }
        }
        return names.sorted()
    }

    static func readFile(_ path: String) throws(TypographyError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw TypographyError(.fontNotFound, "font file \(path) not found or not readable")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        if ferror(file) != 0 {
            throw TypographyError(.fontUnreadable, "font file \(path) could not be read")
        }
        return bytes
    }
}
