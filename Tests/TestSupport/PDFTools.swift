import Foundation

/// One row of `pdffonts`.
public struct PDFFontRow: Sendable, Equatable {
    public let name: String
    public let type: String
    public let encoding: String
    public let embedded: Bool
    public let subset: Bool
    public let unicode: Bool
}

/// One row of `pdfimages -list`.
public struct PDFImageRow: Sendable, Equatable {
    public let page: Int
    /// `image`, `smask`, `mask`…
    public let type: String
    public let width: Int
    public let height: Int
    /// `gray`, `rgb`, `icc`, `index`…
    public let color: String
    public let components: Int
    public let bitsPerComponent: Int
    public let objectNumber: Int
}

/// The verdict of the PDF/A-2b allowlist validator (pikepdf, built from veraPDF's rules).
public struct PDFAReport: Sendable {
    public let passed: Bool
    public let findings: String
}

/// Real PDF readers as oracles. Every helper throws `ToolError` when the tool cannot run or fails.
public enum PDFTools {
    /// `qpdf --check`: the output, and whether it is clean. Exit status 3 means warnings (e.g. a
    /// reconstructed cross-reference table), which tests must treat as failures.
    public static func qpdfCheck(_ path: String) throws -> (clean: Bool, output: String) {
        let r = try Tool.run("qpdf", ["--check", path])
        let clean = r.exitCode == 0 && !r.combined.uppercased().contains("WARNING")
        return (clean, r.combined)
    }

    /// Text extracted by poppler (`pdftotext -enc UTF-8`), all pages.
    public static func pdftotext(_ path: String, layout: Bool = false) throws -> String {
        let r = try Tool.run("pdftotext", ["-enc", "UTF-8"] + (layout ? ["-layout"] : []) + [path, "-"])
        guard r.exitCode == 0 else { throw ToolError(description: "pdftotext failed: \(r.combined)") }
        return r.stdout
    }

    /// Text extracted by MuPDF (`mutool draw -F txt`).
    public static func mutoolText(_ path: String) throws -> String {
        let r = try Tool.run("mutool", ["draw", "-q", "-F", "txt", "-o", "-", path])
        guard r.exitCode == 0 else { throw ToolError(description: "mutool draw failed: \(r.combined)") }
        return r.stdout
    }

    /// Text extracted by PDFium (Chrome's engine) through pypdfium2, pages joined by newlines.
    public static func pdfiumText(_ path: String) throws -> String {
        let script = """
            import sys, pypdfium2
            doc = pypdfium2.PdfDocument(sys.argv[1])
            out = []
            for i in range(len(doc)):
                out.append(doc[i].get_textpage().get_text_range())
            sys.stdout.buffer.write("\\n".join(out).encode("utf-8"))
            """
        let r = try Tool.python(script, [path])
        guard r.exitCode == 0 else { throw ToolError(description: "pypdfium2 failed: \(r.combined)") }
        return r.stdout
    }

    /// `pdffonts`, parsed with the column spans of its dashed header line.
    public static func pdffonts(_ path: String) throws -> [PDFFontRow] {
        let r = try Tool.run("pdffonts", [path])
        guard r.exitCode == 0 else { throw ToolError(description: "pdffonts failed: \(r.combined)") }
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let dashIndex = lines.firstIndex(where: { $0.hasPrefix("---") }) else {
            throw ToolError(description: "unexpected pdffonts output: \(r.stdout)")
        }
        let spans = columnSpans(lines[dashIndex])
        guard spans.count >= 6 else { throw ToolError(description: "unexpected pdffonts header: \(lines[dashIndex])") }
        return lines[(dashIndex + 1)...].filter { !$0.isEmpty }.map { line in
            let cols = spans.map { column(line, $0) }
            return PDFFontRow(name: cols[0], type: cols[1], encoding: cols[2], embedded: cols[3] == "yes",
                              subset: cols[4] == "yes", unicode: cols[5] == "yes")
        }
    }

    /// `pdfimages -list`, one row per image or mask.
    public static func pdfimagesList(_ path: String) throws -> [PDFImageRow] {
        let r = try Tool.run("pdfimages", ["-list", path])
        guard r.exitCode == 0 else { throw ToolError(description: "pdfimages failed: \(r.combined)") }
        let lines = r.stdout.split(separator: "\n").map(String.init)
        guard let dashIndex = lines.firstIndex(where: { $0.hasPrefix("---") }) else {
            throw ToolError(description: "unexpected pdfimages output: \(r.stdout)")
        }
        return try lines[(dashIndex + 1)...].map { line in
            let f = line.split(separator: " ").map(String.init)
            guard f.count >= 11, let page = Int(f[0]), let w = Int(f[3]), let h = Int(f[4]),
                  let comp = Int(f[6]), let bpc = Int(f[7]), let obj = Int(f[10]) else {
                throw ToolError(description: "unexpected pdfimages row: \(line)")
            }
            return PDFImageRow(page: page, type: f[2], width: w, height: h, color: f[5], components: comp,
                               bitsPerComponent: bpc, objectNumber: obj)
        }
    }

    /// `pdfinfo` as key → value (keys without the colon, values trimmed).
    public static func pdfinfo(_ path: String) throws -> [String: String] {
        let r = try Tool.run("pdfinfo", [path])
        guard r.exitCode == 0 else { throw ToolError(description: "pdfinfo failed: \(r.combined)") }
        var info: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return info
    }

    /// `pdfinfo -struct`: the structure tree as printed, one element per line, indented by depth.
    public static func pdfinfoStruct(_ path: String) throws -> String {
        let r = try Tool.run("pdfinfo", ["-struct", path])
        guard r.exitCode == 0 else { throw ToolError(description: "pdfinfo -struct failed: \(r.combined)") }
        return r.stdout
    }

    /// The PDF/A-2b (or other flavour) allowlist validator of pikepdf.
    public static func pdfaCheck(_ path: String, flavour: String = "2b") throws -> PDFAReport {
        let script = """
            import sys
            import pikepdf.pdfa
            report = pikepdf.pdfa.validate_written(sys.argv[1], sys.argv[2])
            print("PASSED" if report.passed else "FAILED")
            for f in report.findings:
                print(str(f))
            """
        let r = try Tool.python(script, [path, flavour])
        guard r.exitCode == 0 else { throw ToolError(description: "pikepdf validator failed: \(r.combined)") }
        let lines = r.stdout.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        return PDFAReport(passed: lines.first == "PASSED", findings: lines.count > 1 ? String(lines[1]) : "")
    }

    /// A Python prelude: `pdf`, the file of `sys.argv[1]` opened by pikepdf, and `each_font_once(pdf)`,
    /// every font of every page in page-resource order, each once.
    private static let eachFontOnce = """
        import sys, pikepdf
        pdf = pikepdf.open(sys.argv[1])
        def each_font_once(pdf):
            seen = set()
            for page in pdf.pages:
                fonts = page.obj.get("/Resources", {}).get("/Font", {})
                for key in sorted(fonts.keys()):
                    if fonts[key].objgen not in seen:
                        seen.add(fonts[key].objgen)
                        yield fonts[key]

        """

    /// The decoded ToUnicode CMap of every font (pikepdf), in page-resource order.
    public static func toUnicodeCMaps(_ path: String) throws -> [String] {
        let script = eachFontOnce + """
            for font in each_font_once(pdf):
                if "/ToUnicode" in font:
                    sys.stdout.buffer.write(font.ToUnicode.read_bytes() + b"\\n\\x00\\n")
            """
        let r = try Tool.python(script, [path])
        guard r.exitCode == 0 else { throw ToolError(description: "pikepdf failed: \(r.combined)") }
        return r.stdout.components(separatedBy: "\n\u{0}\n").filter { !$0.isEmpty }
    }

    /// Each font of every page (pikepdf), in page-resource order, once: its BaseFont and the SHA-256 of
    /// its decoded font program, to tell which fonts two documents embed byte for byte.
    public static func fontPrograms(_ path: String) throws -> [(name: String, sha256: String)] {
        let script = eachFontOnce + """
            import hashlib
            for font in each_font_once(pdf):
                program = font.DescendantFonts[0].FontDescriptor.FontFile2.read_bytes()
                print(str(font.BaseFont)[1:], hashlib.sha256(program).hexdigest())
            """
        let r = try Tool.python(script, [path])
        guard r.exitCode == 0 else { throw ToolError(description: "pikepdf failed: \(r.combined)") }
        return r.stdout.split(separator: "\n").map {
            let parts = $0.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// The trailer `/ID` (first identifier) in uppercase hexadecimal, read by pikepdf.
    public static func trailerID(_ path: String) throws -> String {
        let script = """
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            print(bytes(pdf.trailer.ID[0]).hex().upper(), bytes(pdf.trailer.ID[1]).hex().upper())
            """
        let r = try Tool.python(script, [path])
        guard r.exitCode == 0 else { throw ToolError(description: "pikepdf failed: \(r.combined)") }
        let ids = r.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard ids.count == 2, ids[0] == ids[1] else { throw ToolError(description: "unexpected /ID: \(r.stdout)") }
        return ids[0]
    }

    /// How the operators of each page's content nest, read by pikepdf: `problems` lists every text
    /// object and marked-content sequence that overlap instead of nesting (ISO 32000-1 §14.6), every
    /// operator a text object cannot hold found inside one (paths, `q`/`Q`, `cm`, `Do`, §8.2 figure 9),
    /// every text operator outside one, and anything left open at the end of a page; empty when the
    /// content is well formed. `operators` is the sequence of BT, ET, BDC, BMC and EMC, page by page.
    public static func contentNesting(_ path: String) throws -> (problems: [String], operators: [String]) {
        let script = """
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            outside = {"m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n",
                        "W", "W*", "q", "Q", "cm", "Do", "sh", "BI"}
            inside = {"Tj", "TJ", "'", '"', "Td", "TD", "Tm", "T*"}
            for number, page in enumerate(pdf.pages, 1):
                stack = []
                for operands, op in pikepdf.parse_content_stream(page):
                    op = str(op)
                    if op in ("BT", "ET", "BDC", "BMC", "EMC"): print("op", op)
                    if op == "BT":
                        if "T" in stack: print("problem page", number, "BT inside a text object")
                        stack.append("T")
                    elif op in ("BDC", "BMC"):
                        stack.append("M")
                    elif op == "ET":
                        if not stack or stack[-1] != "T": print("problem page", number, "ET closes", stack[-1:] or "nothing")
                        if "T" in stack: stack.remove("T") if stack[-1] != "T" else stack.pop()
                    elif op == "EMC":
                        if not stack or stack[-1] != "M": print("problem page", number, "EMC closes", stack[-1:] or "nothing")
                        if "M" in stack:
                            i = len(stack) - 1 - stack[::-1].index("M"); del stack[i]
                    elif op in outside and "T" in stack:
                        print("problem page", number, op, "inside a text object")
                    elif op in inside and "T" not in stack:
                        print("problem page", number, op, "outside a text object")
                if stack: print("problem page", number, "left open:", stack)
            """
        let r = try Tool.python(script, [path])
        guard r.exitCode == 0 else { throw ToolError(description: "pikepdf failed: \(r.combined)") }
        var problems: [String] = [], operators: [String] = []
        for line in r.stdout.split(separator: "\n") {
            if line.hasPrefix("op ") { operators.append(String(line.dropFirst(3))) }
            if line.hasPrefix("problem ") { problems.append(String(line.dropFirst(8))) }
        }
        return (problems, operators)
    }

    /// Every character MuPDF places on page `page` (`mutool draw -F stext`), with its origin: the
    /// visual order of glyphs, whatever order a text extractor would choose to print them in.
    public static func mutoolCharacters(_ path: String, page: Int = 1) throws -> [(x: Double, y: Double, c: String)] {
        let r = try Tool.run("mutool", ["draw", "-q", "-F", "stext", "-o", "-", path, String(page)])
        guard r.exitCode == 0 else { throw ToolError(description: "mutool draw -F stext failed: \(r.combined)") }
        var out: [(x: Double, y: Double, c: String)] = []
        for line in r.stdout.split(separator: "\n") where line.contains("<char ") {
            func attr(_ name: String) -> String? {
                guard let start = line.range(of: " \(name)=\"") else { return nil }
                let rest = line[start.upperBound...]
                return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
            }
            guard let x = attr("x").flatMap(Double.init), let y = attr("y").flatMap(Double.init), let c = attr("c") else { continue }
            out.append((x, y, decodeXMLEntities(c)))
        }
        return out
    }

    static func decodeXMLEntities(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&"), let semi = rest[amp...].firstIndex(of: ";") {
            out += rest[..<amp]
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let hex = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                out += hex.flatMap(Unicode.Scalar.init).map { String($0) } ?? "&\(entity);"
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// Renders page `page` at `dpi` with `pdftoppm` and returns the decoded RGB raster.
    public static func renderPage(_ path: String, page: Int = 1, dpi: Int = 72) throws -> PPMImage {
        let r = try Tool.run("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), path])
        guard r.exitCode == 0 else { throw ToolError(description: "pdftoppm failed: \(r.stderr)") }
        return try PPMImage(r.stdoutBytes)
    }

    private static func columnSpans(_ dashes: String) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start: Int?
        for (i, c) in dashes.enumerated() {
            if c == "-" { if start == nil { start = i } } else if let s = start { spans.append(s..<i); start = nil }
        }
        if let s = start { spans.append(s..<dashes.count) }
        return spans
    }

    private static func column(_ line: String, _ span: Range<Int>) -> String {
        let chars = Array(line)
        guard span.lowerBound < chars.count else { return "" }
        return String(chars[span.lowerBound..<min(span.upperBound, chars.count)]).trimmingCharacters(in: .whitespaces)
    }
}

/// A binary PPM (P6) raster as `pdftoppm -ppm` writes it.
public struct PPMImage: Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(_ bytes: [UInt8]) throws {
        // Header: "P6" whitespace width whitespace height whitespace maxval single-whitespace data.
        var fields: [String] = []
        var i = 0
        while fields.count < 4 && i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            var token = ""
            while i < bytes.count, !(bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) {
                token.append(Character(Unicode.Scalar(bytes[i])))
                i += 1
            }
            fields.append(token)
        }
        i += 1
        guard fields.count == 4, fields[0] == "P6", let w = Int(fields[1]), let h = Int(fields[2]), fields[3] == "255",
              bytes.count - i == w * h * 3 else {
            throw ToolError(description: "not an 8-bit binary PPM (header \(fields))")
        }
        width = w
        height = h
        pixels = Array(bytes[i...])
    }

    /// The (r, g, b) of the pixel at column `x`, row `y` (top-left origin).
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let o = (y * width + x) * 3
        return (pixels[o], pixels[o + 1], pixels[o + 2])
    }
}
