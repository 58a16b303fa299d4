import Foundation
import Testing
import TestSupport
@testable import PDFSyntax

/// The file structure (§7.5): header, objects, both cross-reference styles, checked byte for byte where
/// the bytes are ours to choose and by `qpdf --check` (a real parser) for the whole.
@Suite struct FileWriterTests {
    /// A zlib stream of stored (uncompressed) deflate blocks (RFC 1950/1951): a valid Flate encoding
    /// that lets this test target stay free of zlib.
    static func storedZlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let final: UInt8 = i + n == data.count ? 1 : 0
            out.append(final)
            out.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)])
            out.append(contentsOf: data[i..<(i + n)])
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        let adler = b << 16 | a
        out.append(contentsOf: [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)])
        return out
    }

    /// Catalog, page tree, one page with a content stream, an Info dictionary.
    static func minimalDocument(_ style: XRefStyle) -> [UInt8] {
        var w = PDFFileWriter(style: style, compress: storedZlib)
        let catalog = w.allocate(), pages = w.allocate(), page = w.allocate(), content = w.allocate()
        var c = ContentStream()
        c.setFillRGB(1, 0, 0)
        c.rect(10, 10, 100, 50)
        c.fill()
        w.stream(content, data: c.bytes) { _ in }
        w.write(page, as: Page.self) { p in
            p.parent(pages)
            p.mediaBox(200, 100)
            p.contents(content)
            p.resources { _ in }
        }
        w.write(pages, as: PageTree.self) { t in t.kids([page]); t.count(1) }
        w.write(catalog, as: Catalog.self) { $0.pages(pages) }
        let info = w.allocate()
        w.write(info, as: DocumentInfo.self) { $0.title("Essai é") }
        w.finish(root: catalog, info: info, id: Array(repeating: 0xAB, count: 16))
        return w.drain()
    }

    static let styles: [XRefStyle] = [.table, .compressed(objectsPerStream: 2), .compressed(objectsPerStream: 100)]

    @Test(arguments: styles)
    func qpdfAcceptsTheMinimalDocument(_ style: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("minimal.pdf")
        try writeFile(Self.minimalDocument(style), to: path)
        let check = try PDFTools.qpdfCheck(path)
        #expect(check.clean, "qpdf --check: \(check.output)")
        #expect(check.output.contains("No syntax or stream encoding errors found"))
        let info = try PDFTools.pdfinfo(path)
        #expect(info["Pages"] == "1")
        #expect(info["Title"] == "Essai é")
        #expect(info["Page size"]?.hasPrefix("200 x 100 pts") == true)
    }

    @Test func headerMarksTheFileBinary() {
        let bytes = Self.minimalDocument(.table)
        #expect(Array(bytes.prefix(15)) == Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// Parses the classic table ourselves and checks every in-use entry points at `n 0 obj`.
    @Test func xrefTableOffsetsPointAtTheirObjects() throws {
        let bytes = Self.minimalDocument(.table)
        let text = String(decoding: bytes, as: UTF8.self)
        // The file ends with `startxref\n<offset>\n%%EOF\n`; the offset is where `xref` starts.
        let tail = text.components(separatedBy: "startxref\n").last ?? ""
        let startxref = try #require(Int(tail.split(separator: "\n").first ?? ""))
        #expect(tail.hasSuffix("\n%%EOF\n"))
        #expect(Array(bytes[startxref..<(startxref + 5)]) == Array("xref\n".utf8))
        var cursor = startxref + 5
        func line() -> [UInt8] {
            var end = cursor
            while bytes[end] != 0x0A { end += 1 }
            defer { cursor = end + 1 }
            return Array(bytes[cursor..<end])
        }
        let header = String(decoding: line(), as: UTF8.self).split(separator: " ")
        #expect(header.first == "0")
        let count = try #require(Int(header.last ?? ""))
        #expect(count == 6)
        for n in 0..<count {
            // Entries are exactly 20 bytes with CR LF (§7.5.4).
            let entry = Array(bytes[cursor..<(cursor + 20)])
            cursor += 20
            #expect(Array(entry[18...]) == [0x0D, 0x0A])
            let fields = String(decoding: entry[0..<18], as: UTF8.self).split(separator: " ")
            if n == 0 {
                #expect(fields == ["0000000000", "65535", "f"])
                continue
            }
            #expect(fields[1] == "00000" && fields[2] == "n")
            let offset = try #require(Int(fields[0]))
            let marker = Array("\(n) 0 obj\n".utf8)
            #expect(Array(bytes[offset..<(offset + marker.count)]) == marker, "object \(n) at \(offset)")
        }
        #expect(String(decoding: bytes[cursor..<(cursor + 8)], as: UTF8.self) == "trailer\n")
    }

    @Test func compressedStylePacksNonStreamObjects() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("packed.pdf")
        let bytes = Self.minimalDocument(.compressed(objectsPerStream: 2))
        try writeFile(bytes, to: path)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\nxref\n"))
        // The catalog (object 1) sits in an object stream: it is never a top-level `1 0 obj`.
        #expect(!text.contains("\n1 0 obj"), "the catalog should sit in a compressed object stream")
        #expect(text.contains("/Type /ObjStm"))
        // qpdf lists which object stream each object went to: two streams of at most two objects.
        let xref = try Tool.run("qpdf", ["--show-xref", path])
        #expect(xref.exitCode == 0, "\(xref.combined)")
        let packed = xref.stdout.split(separator: "\n").filter { $0.contains("compressed; stream =") }
        #expect(packed.count == 4, "\(xref.stdout)")
        let streams = Set(packed.compactMap { $0.components(separatedBy: "stream = ").last?.split(separator: ",").first })
        #expect(streams.count == 2, "\(xref.stdout)")
    }

    @Test func identifierIsWrittenTwice() {
        let text = String(decoding: Self.minimalDocument(.table), as: UTF8.self)
        let id = String(repeating: "AB", count: 16)
        #expect(text.contains("/ID [<\(id)> <\(id)>]"))
        #expect(text.contains("/Size 6"))
    }
}

extension XRefStyle: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case .table: "table"
        case .compressed(let n): "compressed(\(n))"
        }
    }
}
