import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Vector paths, rendered at 72 dpi (1 pt = 1 px, frame coordinates = pixel coordinates).
@Suite struct PathTests {
    typealias RGB = (UInt8, UInt8, UInt8)
    static let white: RGB = (255, 255, 255), red: RGB = (255, 0, 0), blue: RGB = (0, 0, 255)
    static let green: RGB = (0, 255, 0), black: RGB = (0, 0, 0)

    static func close(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: RGB) -> Bool {
        abs(Int(a.r) - Int(b.0)) <= 8 && abs(Int(a.g) - Int(b.1)) <= 8 && abs(Int(a.b) - Int(b.2)) <= 8
    }

    static func page(_ xref: XRefStyle, in dir: TemporaryDirectory, _ draw: (PDFDocumentWriter) throws -> Void) throws -> PPMImage {
        let path = dir.file("paths.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(xref))
        try writer.beginPage(size: Size(width: 200, height: 200))
        try draw(writer)
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        return try PDFTools.renderPage(path, dpi: 72)
    }

    @Test(arguments: Fixture.xrefStyles)
    func fillStrokeDashAndClip(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let page = try Self.page(xref, in: dir) { w in
            // A red square with a thick black border.
            w.draw(Path(rect: Rect(x: 20, y: 20, width: 60, height: 60)),
                   style: PathStyle(fill: .rgb(1, 0, 0), stroke: Stroke(color: .black, width: 4)))
            // A blue square clipped to 100…150 × 100…150.
            w.pushClip(Path(rect: Rect(x: 100, y: 100, width: 50, height: 50)))
            w.draw(Path(rect: Rect(x: 90, y: 90, width: 100, height: 100)), style: PathStyle(fill: .rgb(0, 0, 1)))
            w.popClip()
            // After the clip: a green square, to the right of the clip, must show.
            w.draw(Path(rect: Rect(x: 160, y: 20, width: 30, height: 30)), style: PathStyle(fill: .rgb(0, 1, 0)))
            // A dashed black line, 4 pt thick, dashes of 10 on 10 off, from x = 20 to 180 at y = 180.
            w.draw(Path.line(from: Point(x: 20, y: 180), to: Point(x: 180, y: 180)),
                   style: PathStyle(stroke: Stroke(color: .black, width: 4, dash: [10, 10])))
            // A stroked-only outline: interior left unpainted.
            w.draw(Path(rect: Rect(x: 20, y: 100, width: 60, height: 40)), style: PathStyle(stroke: Stroke(color: .black, width: 2)))
        }
        let checks: [(x: Int, y: Int, RGB, String)] = [
            (50, 50, Self.red, "inside the filled square"),
            (10, 10, Self.white, "outside everything"),
            (20, 50, Self.black, "on the square's border"),
            (85, 50, Self.white, "just outside the border"),
            (125, 125, Self.blue, "blue inside the clip"),
            (95, 95, Self.white, "blue outside the clip is hidden"),
            (170, 170, Self.white, "blue outside the clip is hidden"),
            (155, 125, Self.white, "blue right of the clip is hidden"),
            (175, 35, Self.green, "fill after popClip"),
            (25, 180, Self.black, "first dash"),
            (35, 180, Self.white, "first gap"),
            (45, 180, Self.black, "second dash"),
            (25, 186, Self.white, "below the dashed line"),
            (20, 120, Self.black, "outline's left edge"),
            (50, 120, Self.white, "outline's interior is not filled"),
        ]
        for c in checks {
            let p = page.pixel(x: c.x, y: c.y)
            #expect(Self.close(p, c.2), "\(c.3) at (\(c.x), \(c.y)): \(p)")
        }
    }

    @Test func dashDoesNotLeakIntoLaterStrokes() throws {
        let dir = try TemporaryDirectory()
        let page = try Self.page(.table, in: dir) { w in
            w.draw(Path.line(from: Point(x: 20, y: 50), to: Point(x: 180, y: 50)),
                   style: PathStyle(stroke: Stroke(color: .black, width: 4, dash: [10, 10])))
            w.draw(Path.line(from: Point(x: 20, y: 100), to: Point(x: 180, y: 100)),
                   style: PathStyle(stroke: Stroke(color: .black, width: 4)))
        }
        #expect(Self.close(page.pixel(x: 35, y: 50), Self.white), "gap of the dashed line")
        for x in stride(from: 25, through: 175, by: 10) {
            #expect(Self.close(page.pixel(x: x, y: 100), Self.black), "solid line at x = \(x)")
        }
    }

    @Test func colourAndWidthSurviveAClipPop() throws {
        // The writer skips colour operators it believes are current; after Q restores the state those
        // beliefs must be forgotten, or a later fill paints in the restored (wrong) colour.
        let dir = try TemporaryDirectory()
        let page = try Self.page(.table, in: dir) { w in
            w.draw(Path(rect: Rect(x: 10, y: 10, width: 20, height: 20)), style: PathStyle(fill: .rgb(0, 0, 1)))
            w.pushClip(Path(rect: Rect(x: 0, y: 0, width: 200, height: 200)))
            w.draw(Path(rect: Rect(x: 40, y: 10, width: 20, height: 20)), style: PathStyle(fill: .rgb(1, 0, 0)))
            w.popClip()
            w.draw(Path(rect: Rect(x: 70, y: 10, width: 20, height: 20)), style: PathStyle(fill: .rgb(1, 0, 0)))
        }
        #expect(Self.close(page.pixel(x: 20, y: 20), Self.blue))
        #expect(Self.close(page.pixel(x: 50, y: 20), Self.red))
        #expect(Self.close(page.pixel(x: 80, y: 20), Self.red), "fill after popClip keeps its own colour")
    }

    @Test func evenOddLeavesTheHoleEmpty() throws {
        let dir = try TemporaryDirectory()
        let page = try Self.page(.table, in: dir) { w in
            var p = Path(rect: Rect(x: 20, y: 20, width: 100, height: 100))
            p.addRect(Rect(x: 50, y: 50, width: 40, height: 40))
            w.draw(p, style: PathStyle(fill: .rgb(1, 0, 0), evenOdd: true))
            var q = Path(rect: Rect(x: 130, y: 20, width: 60, height: 60))
            q.addRect(Rect(x: 150, y: 40, width: 20, height: 20))
            w.draw(q, style: PathStyle(fill: .rgb(0, 0, 1)))
        }
        #expect(Self.close(page.pixel(x: 30, y: 30), Self.red))
        #expect(Self.close(page.pixel(x: 70, y: 70), Self.white), "even-odd hole")
        #expect(Self.close(page.pixel(x: 160, y: 50), Self.blue), "non-zero: same-direction inner rect is filled")
    }
}

extension PathTests {
    @Test func roundedRectangleLeavesItsCornersEmpty() throws {
        let dir = try TemporaryDirectory()
        let page = try Self.page(.table, in: dir) { w in
            w.draw(Path.roundedRect(Rect(x: 20, y: 20, width: 160, height: 100), radius: 30), style: PathStyle(fill: .rgb(1, 0, 0)))
        }
        #expect(Self.close(page.pixel(x: 100, y: 70), Self.red), "centre")
        #expect(Self.close(page.pixel(x: 100, y: 22), Self.red), "straight top edge")
        #expect(Self.close(page.pixel(x: 23, y: 23), Self.white), "top-left corner is cut")
        #expect(Self.close(page.pixel(x: 177, y: 117), Self.white), "bottom-right corner is cut")
        #expect(Self.close(page.pixel(x: 35, y: 35), Self.red), "inside the arc")
    }

    /// Layout may hand over a path with no elements (a border of zero segments): painting it must not
    /// write a painting operator without a current path, which readers report as an error.
    @Test func emptyPathWritesNothingReadersComplainAbout() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("vide.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        try writer.beginPage(size: Size(width: 100, height: 100))
        writer.draw(Path(), style: PathStyle(fill: .rgb(1, 0, 0), stroke: Stroke()))
        writer.draw(Path(), style: PathStyle(stroke: Stroke()))
        // An empty clip path clips everything away: the red square inside it must not show.
        writer.pushClip(Path())
        writer.draw(Path(rect: Rect(x: 10, y: 10, width: 80, height: 80)), style: PathStyle(fill: .rgb(1, 0, 0)))
        writer.popClip()
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        // No painting operator without a path: PDF path objects start with m or re (§8.5.2).
        let ops = try Tool.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            print(" ".join(str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0])))
            """, [path])
        #expect(ops.exitCode == 0, "\(ops.combined)")
        let painting: Set<String> = ["f", "f*", "S", "B", "B*", "W", "W*", "n"]
        let operators = ops.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        var inPath = false, orphans: [String] = []
        for op in operators {
            if op == "m" || op == "re" { inPath = true }
            if painting.contains(op) {
                if !inPath && op != "n" { orphans.append(op) }
                if op != "W" && op != "W*" { inPath = false }
            }
        }
        #expect(orphans.isEmpty, "painting without a path: \(operators)")
        let pixel = try PDFTools.renderPage(path, dpi: 72).pixel(x: 50, y: 50)
        #expect(pixel.r > 250 && pixel.g > 250 && pixel.b > 250, "clipped away: \(pixel)")
        for (tool, args) in [("pdftoppm", ["-r", "10", path]), ("mutool", ["draw", "-q", "-o", dir.file("x.png"), path])] {
            let run = try Tool.run(tool, args)
            #expect(run.exitCode == 0)
            let complaints = run.stderr.split(separator: "\n").filter { !$0.contains("ICC support is not available") }
            #expect(complaints.isEmpty, "\(tool): \(run.stderr)")
        }
    }
}

extension PathTests {
    /// A table grid arrives as one segment per cell border; the renderer joins collinear segments that
    /// touch, so the stream holds one line per row boundary and per column, and the page looks the same.
    @Test func gridSegmentsAreJoinedIntoLongLines() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("grille.pdf")
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata(), fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(.table))
        try writer.beginPage(size: Size(width: 200, height: 200))
        var grid = Path()
        let xs: [Double] = [20, 80, 140, 180], rows: [Double] = [20, 60, 100, 140]
        for (r, y) in rows.dropLast().enumerated() {
            grid.move(to: Point(x: 20, y: y))
            grid.line(to: Point(x: 180, y: y))
            for x in xs {
                grid.move(to: Point(x: x, y: y))
                grid.line(to: Point(x: x, y: rows[r + 1]))
            }
        }
        grid.move(to: Point(x: 20, y: 140))
        grid.line(to: Point(x: 180, y: 140))
        writer.draw(grid, style: PathStyle(stroke: Stroke(color: .black, width: 2)))
        try writer.endPage()
        try writer.finish()
        try expectConformant(path)
        let ops = try Tool.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            print(" ".join(str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0])))
            """, [path])
        let operators = ops.stdout.split(whereSeparator: \.isWhitespace)
        #expect(operators.filter { $0 == "m" }.count == rows.count + xs.count, "\(ops.combined)")
        let page = try PDFTools.renderPage(path, dpi: 72)
        for y in [30, 59, 61, 99, 101, 139] { #expect(Self.close(page.pixel(x: 80, y: y), Self.black), "column rule at y \(y)") }
        for x in [30, 79, 81, 179] { #expect(Self.close(page.pixel(x: x, y: 100), Self.black), "row rule at x \(x)") }
        #expect(Self.close(page.pixel(x: 50, y: 40), Self.white), "inside a cell")
        #expect(Self.close(page.pixel(x: 190, y: 100), Self.white), "outside the grid")
    }
}
