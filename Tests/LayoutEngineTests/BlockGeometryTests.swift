import Graphics
import LayoutDefinitions
import LayoutEngine
import Testing

/// Boxes, images, QR codes, lists and unbreakable groups on the 300 × 400 page (body x 20…270,
/// y 40…350).
@Suite struct BlockGeometryTests {
    static let page = """
        document:
          title: Blocs
        page:
          size: [300, 400]
          margins: {top: 40, right: 30, bottom: 50, left: 20}
        styles:
          base: {size: 10}
        """

    static func laid(_ body: String, data: String = "{}") throws -> LaidOutDocument {
        try Harness.layout(try ScratchLayouts(yaml: page + "\nbody:\n" + body, data: data, withLogo: true).bind())
    }

    @Test func boxInsetsItsContentByPaddingAndBorder() throws {
        let laid = try Self.laid("""
              - box:
                  - "Dans le cadre"
                background: "#FFF4E5"
                border: 0.5
                padding: 6
            """)
        let frame = laid.pages[0]
        let box = try #require(frame.rects.first { $0.fill != nil })
        #expect(close(box.rect.minX, 20) && close(box.rect.width, 250) && close(box.rect.minY, 40))
        // One 12 pt line inside 6.5 pt of padding and border on each side.
        #expect(close(box.rect.height, 12 + 2 * 6.5))
        let text = try #require(frame.runs.first)
        #expect(close(text.x, 20 + 6.5))
        #expect(text.baseline > 46.5 && text.baseline < 46.5 + 12)
    }

    @Test func imageKeepsItsAspectRatioAndAlignment() throws {
        let laid = try Self.laid("""
              - image: logo.png
                width: 36
                alt: "Logo"
              - image: logo.png
                height: 20
                align: right
                alt: "Logo"
              - image: logo.png
                width: 1000
                align: center
                decorative: true
            """)
        var rects: [Rect] = []
        for item in laid.pages[0].items { if case .image(_, let r) = item { rects.append(r) } }
        try #require(rects.count == 3)
        // logo.png is 240 × 240 px: square.
        #expect(rects[0] == Rect(x: 20, y: 40, width: 36, height: 36))
        #expect(close(rects[1].minX, 270 - 20) && close(rects[1].width, 20) && close(rects[1].minY, 76))
        #expect(close(rects[2].minY, 96))
        // Wider than the body: scaled down to the body width.
        #expect(close(rects[2].minX, 20) && close(rects[2].width, 250) && close(rects[2].height, 250))
        // Two figures in the structure; the decorative one is an artifact.
        #expect(laid.structure.nodes.filter { $0.role == "Figure" }.count == 2)
    }

    @Test func imageTallerThanTheBodyIsScaledToFit() throws {
        // A portrait image (10 × 40 px) 160 pt wide would be 640 pt tall: more than the 310 pt body.
        let scratch = ScratchLayouts(yaml: Self.page + """

            body:
              - paragraph: Avant
              - image: tall.png
                width: 160
                alt: "Scan"
            """)
        let made = try Tool.python("""
            import sys, zlib, struct
            def chunk(kind, data):
                return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
            rows = b''.join(b'\\x00' + b'\\x80' * 10 for _ in range(40))
            png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 10, 40, 8, 0, 0, 0, 0)) \\
                + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
            open(sys.argv[1], 'wb').write(png)
            """, [scratch.directory + "/assets/tall.png"])
        try #require(made.status == 0, "\(made.stderr)")
        let laid = try Harness.layout(try scratch.bind())
        var rects: [(page: Int, rect: Rect)] = []
        for (i, page) in laid.pages.enumerated() {
            for item in page.items { if case .image(_, let r) = item { rects.append((i, r)) } }
        }
        try #require(rects.count == 1)
        // On the next page, as tall as the body, still 1:4.
        let (page, r) = rects[0]
        #expect(page == 1)
        #expect(close(r.minY, 40) && close(r.height, 310) && close(r.width, 310 / 4))
    }

    @Test func qrCodeIsASquareOfItsSizeWithAQuietZone() throws {
        let laid = try Self.laid("""
              - qr: "https://exemple.fr/v/1"
                size: 90
                align: center
                alt: "Code"
            """)
        var bounds: [Rect] = []
        for item in laid.pages[0].items {
            if case .path(let path, _) = item {
                for element in path.elements { if case .rect(let r) = element { bounds.append(r) } }
            }
        }
        try #require(!bounds.isEmpty)
        let minX = bounds.map(\.minX).min()!, maxX = bounds.map(\.maxX).max()!
        let minY = bounds.map(\.minY).min()!, maxY = bounds.map(\.maxY).max()!
        // Centred 90 pt square: x 100…190, y 40…130; the dark modules stay inside the quiet zone.
        #expect(minX > 100 && maxX < 190 && minY > 40 && maxY < 130)
        #expect(close((minX - 100), (190 - maxX), 0.01) && close(minY - 40, 130 - maxY, 0.01))
    }

    @Test func listMarkersHangLeftOfTheirItems() throws {
        let laid = try Self.laid("""
              - list:
                  - "Premier point"
                  - "Second point"
                numbered: true
            """)
        let lines = laid.pages[0].lines
        try #require(lines.count == 2)
        #expect(lines[0].text == "1.Premier point" && lines[1].text == "2.Second point")
        #expect(close(lines[0][0].x, 20) && close(lines[1][0].x, 20), "markers at the left margin")
        // Item texts share one indent, right of the widest marker.
        #expect(close(lines[0][1].x, lines[1][1].x))
        #expect(lines[0][1].x > max(lines[0][0].maxX, lines[1][0].maxX))
        let nodes = laid.structure.nodes
        #expect(nodes.filter { $0.role == "LI" }.count == 2 && nodes.filter { $0.role == "Lbl" }.count == 2)
    }

    @Test func longListContinuesOnTheNextPage() throws {
        // 30 items of at least 12 pt: more than the 310 pt body.
        let laid = try Self.laid("""
              - list:
                  for: i in l
                  item: "Point {i}"
            """, data: #"{"l": [\#((1...30).map(String.init).joined(separator: ","))]}"#)
        #expect(laid.pages.count == 2)
        var seen: [String] = []
        for page in laid.pages {
            for line in page.lines {
                #expect(line[0].baseline < 350, "« \(line.text) » is drawn below the bottom margin")
                seen.append(line.text)
            }
        }
        #expect(seen == (1...30).map { "•Point \($0)" })
        // Items follow at a constant pitch; page 1 takes as many as its 310 pt hold.
        let first = laid.pages[0].lines
        let pitch = first[1][0].baseline - first[0][0].baseline
        for (a, b) in zip(first, first.dropFirst()) { #expect(close(b[0].baseline - a[0].baseline, pitch)) }
        #expect(first.count == Int((310 / pitch).rounded(.down)), "pitch \(pitch)")
        #expect(close(laid.pages[1].lines[0][0].baseline, laid.pages[0].lines[0][0].baseline))
        // Still one list in the structure.
        let nodes = laid.structure.nodes
        #expect(nodes.filter { $0.role == "L" }.count == 1)
        let list = try #require(nodes.first { $0.role == "L" })
        #expect(list.children.count == 30 && list.children.allSatisfy { nodes[$0].role == "LI" })
    }

    @Test func headingBeforeALongListStaysWithItsFirstItem() throws {
        // 20 lines (240 pt) leave 70 pt: room for the heading (14.4 pt) and the first items; the
        // heading must not be pushed to page 2 because the whole list is taller than a page.
        let laid = try Self.laid("""
              - for: i in l
                paragraph: "Ligne {i}"
              - h2: Points
              - list:
                  for: i in l
                  item: "Point {i}"
            """, data: #"{"l": [\#((1...20).map(String.init).joined(separator: ","))]}"#)
        let heading = try #require(laid.find("Points"))
        let first = try #require(laid.find("Point 1"))
        #expect(heading.page == 0 && first.page == 0)
    }

    @Test func boxTallerThanAPageContinuesOnTheNextPagesWithItsFrame() throws {
        // 40 lines of 12 pt (480 pt) in a framed box cannot fit the 310 pt body: the box goes on on the
        // next page, each page's part framed, every line inside the frame and the body.
        let laid = try Self.laid("""
              - paragraph: "Introduction"
              - box:
                  - for: i in lignes
                    paragraph: "Ligne {i}"
                background: "#FFF4E5"
                border: 0.5
                padding: 6
              - paragraph: "Conclusion"
            """, data: #"{"lignes": [\#((1...40).map(String.init).joined(separator: ","))]}"#)
        #expect(laid.pages.count == 2)
        var seen: [String] = []
        for (n, page) in laid.pages.enumerated() {
            let frames = page.rects.filter { $0.fill != nil }
            for line in page.lines where line.text.hasPrefix("Ligne") {
                #expect(line[0].baseline < 350, "« \(line.text) » is drawn below the bottom margin")
                let frame = try #require(frames.first, "page \(n + 1) holds box lines but no frame")
                #expect(line[0].baseline > frame.rect.minY && line[0].baseline < frame.rect.maxY,
                        "« \(line.text) » is outside its page's frame")
                seen.append(line.text)
            }
            for frame in frames { #expect(frame.rect.maxY <= 350 + 0.01, "a frame runs below the body on page \(n + 1)") }
        }
        #expect(seen == (1...40).map { "Ligne \($0)" })
        // The box starts under the introduction, not on a fresh page.
        #expect(laid.find("Introduction")?.page == 0 && laid.find("Ligne 1")?.page == 0)
        #expect(laid.find("Conclusion")?.page == 1)
    }

    @Test func tallBoxMovesAnImageThatWouldRunPastTheBottomToTheNextPage() throws {
        // 23 lines leave 34 pt; the box's first part is a 60 pt image: it must not straddle the bottom.
        let laid = try Self.laid("""
              - for: i in intro
                paragraph: "Intro {i}"
              - box:
                  - image: logo.png
                    height: 60
                    alt: "Logo"
                  - for: i in lignes
                    paragraph: "Ligne {i}"
                border: 0.5
                padding: 6
            """, data: #"{"intro": [\#((1...23).map(String.init).joined(separator: ","))], "lignes": [\#((1...40).map(String.init).joined(separator: ","))]}"#)
        var images: [(page: Int, rect: Rect)] = []
        for (n, page) in laid.pages.enumerated() {
            for item in page.items { if case .image(_, let r) = item { images.append((n, r)) } }
            for line in page.lines { #expect(line[0].baseline < 350, "« \(line.text) » is below the bottom margin") }
        }
        let image = try #require(images.first)
        #expect(image.page == 1 && image.rect.maxY <= 350, "image at \(image.rect) on page \(image.page + 1)")
        #expect((1...40).allSatisfy { laid.find("Ligne \($0)") != nil })
    }

    @Test func columnsTallerThanAPageContinueSideBySide() throws {
        let laid = try Self.laid("""
              - columns:
                  - blocks:
                      - for: i in lignes
                        paragraph: "Gauche {i}"
                  - blocks:
                      - for: i in lignes
                        paragraph: "Droite {i}"
            """, data: #"{"lignes": [\#((1...40).map(String.init).joined(separator: ","))]}"#)
        var left: [String] = [], right: [String] = []
        for page in laid.pages {
            for run in page.runs {
                #expect(run.baseline < 350, "« \(run.text) » is drawn below the bottom margin")
                if run.text.hasPrefix("Gauche") { left.append(run.text); #expect(run.x < 145) }
                if run.text.hasPrefix("Droite") { right.append(run.text); #expect(run.x >= 145) }
            }
        }
        #expect(left == (1...40).map { "Gauche \($0)" })
        #expect(right == (1...40).map { "Droite \($0)" })
        // Side by side: each page starts both columns at the same height.
        #expect(laid.find("Gauche 30")?.page == laid.find("Droite 30")?.page)
    }

    @Test func groupTallerThanAPageStillStaysInsideTheBody() throws {
        // 40 lines of 12 pt (480 pt) cannot fit the 310 pt body whole: they must not run off the page.
        let laid = try Self.laid("""
              - paragraph: "Introduction"
              - keep_together:
                  - for: i in lignes
                    paragraph: "Ligne {i}"
            """, data: #"{"lignes": [\#((1...40).map(String.init).joined(separator: ","))]}"#)
        var seen = 0
        for page in laid.pages {
            for line in page.lines {
                #expect(line[0].baseline < 350, "« \(line.text) » is drawn below the bottom margin (\(line[0].baseline))")
                if line.text.hasPrefix("Ligne") { seen += 1 }
            }
        }
        #expect(seen == 40)
    }
}
