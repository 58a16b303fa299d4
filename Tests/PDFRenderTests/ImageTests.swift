import Foundation
import Graphics
@testable import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// PNG embedding, checked with `pdfimages -list` and by rendering pages with `pdftoppm`.
@Suite struct ImageTests {
    /// Each fixture (see Tests/Fixtures/make_pngs.py) and what a reader must find in the PDF: the
    /// colour space, and whether a soft mask carries its alpha. Every image is 8 bits per component
    /// (palettes are expanded, 16-bit samples reduced).
    struct Expectation: Sendable, CustomTestStringConvertible {
        let file: String
        let color: String
        let smask: Bool
        var testDescription: String { file }
    }

    static let fixtures: [Expectation] = [
        .init(file: "gray8.png", color: "gray", smask: false),
        .init(file: "gray_alpha8.png", color: "gray", smask: true),
        .init(file: "rgb8.png", color: "rgb", smask: false),
        .init(file: "rgba8.png", color: "rgb", smask: true),
        .init(file: "rgba8_opaque.png", color: "rgb", smask: false),
        .init(file: "palette_trns.png", color: "rgb", smask: true),
        .init(file: "rgb16.png", color: "rgb", smask: false),
        .init(file: "gray16.png", color: "gray", smask: false),
        .init(file: "gray1.png", color: "gray", smask: false),
        .init(file: "palette4.png", color: "rgb", smask: false),
        .init(file: "rgba16.png", color: "rgb", smask: true),
    ]

    @Test(arguments: Fixture.xrefStyles)
    func everyColourTypeIsEmbeddedOnceWithTheRightMask(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("images.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(xref))
        try writer.beginPage()
        for (i, f) in Self.fixtures.enumerated() {
            try writer.drawImage(path: Fixture.png(f.file), in: Rect(x: 20 + Double(i % 8) * 70, y: 50 + Double(i / 8) * 60, width: 40, height: 40))
        }
        // rgb8.png twice more: once again on page 1, once on page 2.
        try writer.drawImage(path: Fixture.png("rgb8.png"), in: Rect(x: 50, y: 300, width: 80, height: 80))
        try writer.endPage()
        try writer.beginPage()
        try writer.drawImage(path: Fixture.png("rgb8.png"), in: Rect(x: 50, y: 50, width: 20, height: 20))
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)

        let rows = try PDFTools.pdfimagesList(path)
        let images = rows.filter { $0.type == "image" }
        #expect(images.count == Self.fixtures.count + 2, "one row per drawing: \(rows)")
        // Drawn 10 times, embedded 8 times: distinct objects are the fixtures, whatever the repeats.
        #expect(Set(images.map(\.objectNumber)).count == Self.fixtures.count)
        let red = images.filter { $0.objectNumber == images[2].objectNumber }
        #expect(red.map(\.page) == [1, 1, 2])

        // In drawing order, each image row is followed by its soft mask row when it has alpha.
        var i = 0
        for f in Self.fixtures {
            let row = try #require(i < rows.count ? rows[i] : nil)
            #expect(row.type == "image" && row.color == f.color && row.bitsPerComponent == 8, "\(f.file): \(row)")
            #expect(row.width == 8 && row.height == 8)
            #expect(row.components == (f.color == "rgb" ? 3 : 1), "\(f.file)")
            i += 1
            let masked = i < rows.count && rows[i].type == "smask"
            #expect(masked == f.smask, "\(f.file): soft mask expected \(f.smask)")
            if masked {
                #expect(rows[i].color == "gray" && rows[i].bitsPerComponent == 8)
                i += 1
            }
        }
        #expect(rows.filter { $0.type == "smask" }.count == Self.fixtures.filter(\.smask).count)
    }

    @Test func samePixelsUnderTwoPathsAreEmbeddedOnce() throws {
        let dir = try TemporaryDirectory()
        let copy = dir.file("copie.png")
        try FileManager.default.copyItem(atPath: Fixture.png("rgb8.png"), toPath: copy)
        let path = dir.file("dedup.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        try writer.beginPage()
        try writer.drawImage(path: Fixture.png("rgb8.png"), in: Rect(x: 50, y: 50, width: 40, height: 40))
        try writer.drawImage(path: copy, in: Rect(x: 100, y: 50, width: 40, height: 40))
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        let rows = try PDFTools.pdfimagesList(path)
        #expect(rows.count == 2)
        #expect(Set(rows.map(\.objectNumber)).count == 1)
    }

    /// Where each fixture is drawn on a 300 × 200 page, and the colour expected at its centre once
    /// rendered over white (alpha blended by the reader).
    struct Swatch: Sendable, CustomTestStringConvertible {
        let file: String
        let rect: Rect
        let rgb: (UInt8, UInt8, UInt8)
        var testDescription: String { file }
    }

    static let swatches: [Swatch] = [
        .init(file: "rgb8.png", rect: Rect(x: 20, y: 20, width: 40, height: 40), rgb: (255, 0, 0)),
        .init(file: "gray8.png", rect: Rect(x: 80, y: 20, width: 40, height: 40), rgb: (128, 128, 128)),
        .init(file: "rgba8_opaque.png", rect: Rect(x: 140, y: 20, width: 40, height: 40), rgb: (0, 160, 0)),
        // 16-bit samples 0x8080 and 0x4040 are 128 and 64 in 8 bits: PNG samples are gamma-encoded
        // (sRGB), 16-bit ones as much as 8-bit ones (PNG spec §12.1 — no linear-light assumption).
        .init(file: "rgb16.png", rect: Rect(x: 200, y: 20, width: 40, height: 40), rgb: (128, 128, 128)),
        .init(file: "gray16.png", rect: Rect(x: 20, y: 100, width: 40, height: 40), rgb: (64, 64, 64)),
        .init(file: "palette4.png", rect: Rect(x: 140, y: 100, width: 40, height: 40), rgb: (255, 128, 0)),
    ]

    @Test func renderedPixelsHaveTheImageColours() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("pixels.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        try writer.beginPage(size: Size(width: 300, height: 200))
        for s in Self.swatches { try writer.drawImage(path: Fixture.png(s.file), in: s.rect) }
        try writer.drawImage(path: Fixture.png("gray1.png"), in: Rect(x: 200, y: 100, width: 40, height: 40))
        try writer.drawImage(path: Fixture.png("rgba16.png"), in: Rect(x: 250, y: 100, width: 40, height: 40))
        // rgba8.png: blue, opaque top half, transparent bottom half.
        try writer.drawImage(path: Fixture.png("rgba8.png"), in: Rect(x: 80, y: 100, width: 40, height: 40))
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)

        let page = try PDFTools.renderPage(path, dpi: 72)
        #expect(page.width == 300 && page.height == 200)
        func close(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: (UInt8, UInt8, UInt8)) -> Bool {
            abs(Int(a.r) - Int(b.0)) <= 3 && abs(Int(a.g) - Int(b.1)) <= 3 && abs(Int(a.b) - Int(b.2)) <= 3
        }
        for s in Self.swatches {
            let p = page.pixel(x: Int(s.rect.minX + s.rect.width / 2), y: Int(s.rect.minY + s.rect.height / 2))
            #expect(close(p, s.rgb), "\(s.file): rendered \(p), expected \(s.rgb)")
        }
        #expect(close(page.pixel(x: 100, y: 105), (0, 0, 255)), "opaque half of rgba8.png")
        #expect(close(page.pixel(x: 100, y: 135), (255, 255, 255)), "transparent half of rgba8.png")
        #expect(close(page.pixel(x: 10, y: 10), (255, 255, 255)), "outside every image")
        // gray1.png: left half black, right half white.
        #expect(close(page.pixel(x: 205, y: 120), (0, 0, 0)) && close(page.pixel(x: 235, y: 120), (255, 255, 255)), "gray1.png")
        // rgba16.png: red, left half opaque, right half transparent.
        #expect(close(page.pixel(x: 255, y: 120), (255, 0, 0)) && close(page.pixel(x: 285, y: 120), (255, 255, 255)), "rgba16.png")
        // The image fills its rectangle exactly: just inside red, just outside white.
        #expect(close(page.pixel(x: 21, y: 21), (255, 0, 0)) && close(page.pixel(x: 58, y: 58), (255, 0, 0)))
        #expect(close(page.pixel(x: 18, y: 40), (255, 255, 255)) && close(page.pixel(x: 62, y: 40), (255, 255, 255)))
    }
}

@Suite struct ImageCacheTests {
    /// A file rewritten under the same path between two documents (a per-document picture written to a
    /// reused temporary path) must be read again: the process-wide cache must not serve stale pixels.
    @Test func rewrittenFileIsNotServedFromTheCache() throws {
        let dir = try TemporaryDirectory()
        let picture = dir.file("photo.png")
        func render(_ name: String) throws -> PPMImage {
            let path = dir.file(name)
            let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                               options: Fixture.options(.table))
            try writer.beginPage(size: Size(width: 100, height: 100))
            try writer.drawImage(path: picture, in: Rect(x: 10, y: 10, width: 80, height: 80))
            try writer.endPage()
            try writer.finish()
            try expectConformant(path)
            return try PDFTools.renderPage(path, dpi: 72)
        }
        try FileManager.default.copyItem(atPath: Fixture.png("rgb8.png"), toPath: picture)
        let first = try render("a.pdf").pixel(x: 50, y: 50)
        #expect(first.r > 250 && first.g < 5 && first.b < 5, "red first: \(first)")
        try FileManager.default.removeItem(atPath: picture)
        try FileManager.default.copyItem(atPath: Fixture.png("rgba8_opaque.png"), toPath: picture)
        let second = try render("b.pdf").pixel(x: 50, y: 50)
        #expect(second.r < 5 && second.g > 150 && second.b < 5, "green after the rewrite: \(second)")
    }
}

extension ImageCacheTests {
    /// Distinct pictures, one per document, must not accumulate in a long-lived cache.
    @Test func cacheStaysBounded() throws {
        let cache = RenderCache(maxImages: 3)
        let dir = try TemporaryDirectory()
        let names = ["gray8.png", "rgb8.png", "rgba8.png", "palette4.png", "gray16.png", "rgb16.png", "gray1.png"]
        var counts: [Int] = []
        for name in names {
            let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .memory,
                                               cache: cache, options: Fixture.options(.table))
            try writer.beginPage()
            try writer.drawImage(path: Fixture.png(name), in: Rect(x: 10, y: 10, width: 20, height: 20))
            try writer.endPage()
            let bytes = try writer.finish().bytes
            try writeFile(bytes, to: dir.file(name + ".pdf"))
            counts.append(cache.imageCount)
        }
        #expect(counts.max() == 3, "\(counts)")
        #expect(counts.last! <= 3)
        // Evicted images are decoded again, correctly.
        let rows = try PDFTools.pdfimagesList(dir.file("gray1.png.pdf"))
        #expect(rows.count == 1 && rows[0].color == "gray")
        try expectConformant(dir.file("gray1.png.pdf"))
    }
}
