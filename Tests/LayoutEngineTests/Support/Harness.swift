import Foundation
import Graphics
import LayoutDefinitions
import LayoutEngine
import PDFRender
import Portal
import Typography

/// What every test shares: the package's fonts, one layout engine and one renderer (all `Sendable`).
enum Harness {
    static let fonts: FontRegistry = try! FontRegistry(directory: PackageRoot.fonts)
    static let engine: LayoutEngine = try! LayoutEngine(fonts: fonts)
    static let renderer: DocumentRenderer = try! DocumentRenderer(fonts: fonts)
    static let date = PDFDate(year: 2026, month: 11, day: 26)

    /// Advance width of `text` in points, shaped by Typography alone (an oracle independent of the
    /// engine's line breaking).
    static func width(_ text: String, size: Double, bold: Bool = false) throws -> Double {
        let chain = try fonts.chain(family: "DejaVu Sans", bold: bold)
        var units = 0.0
        for run in try chain.shape(text) { units += Double(run.advanceSum) / Double(run.face.unitsPerEm) }
        return units * size
    }

    static func layout(_ document: BoundDocument) throws -> LaidOutDocument { try engine.layout(document) }

    /// Renders to a PDF file in `directory` and returns its path.
    static func renderFile(_ document: BoundDocument, in directory: String = makeTemporaryDirectory(),
                           name: String = "doc.pdf") throws -> String {
        let path = directory + "/" + name
        _ = try renderer.render(document, date: date, to: .file(path))
        return path
    }
}

/// A throw-away `Layouts/` directory (with `samples/`, `partials/`, `assets/`) holding one layout and its
/// sample data, loaded with the package's real fonts.
struct ScratchLayouts {
    let base: String
    var directory: String { base + "/Layouts" }

    init(_ name: String = "test", yaml: String, data: String = "{}", withLogo: Bool = false) {
        base = makeTemporaryDirectory("layouts")
        let fm = FileManager.default
        for sub in ["samples", "partials", "assets"] {
            try! fm.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
        try! Data(yaml.utf8).write(to: URL(fileURLWithPath: directory + "/" + name + ".yaml"))
        try! Data(data.utf8).write(to: URL(fileURLWithPath: directory + "/samples/" + name + ".json"))
        if withLogo {
            try! fm.copyItem(atPath: PackageRoot.layouts + "/assets/logo.png", toPath: directory + "/assets/logo.png")
        }
    }

    func library() throws(LayoutError) -> LayoutLibrary {
        try LayoutLibrary.load(directory: directory, fontsDirectory: PackageRoot.fonts)
    }

    func bind(_ name: String = "test", data: String? = nil) throws -> BoundDocument {
        let library = try library()
        let value = try data.map { try DataValue(json: Array($0.utf8)) } ?? library.sampleData(for: name)
        return try library.layout(named: name).bind(value)
    }
}

/// Binds the package's relevé mensuel layout to its sample (or to `data`).
func releveDocument(data: DataValue? = nil) throws -> BoundDocument {
    let library = try LayoutLibrary.load(directory: PackageRoot.layouts, fontsDirectory: PackageRoot.fonts)
    return try library.layout(named: "releve-mensuel").bind(data ?? library.sampleData(for: "releve-mensuel"))
}

/// A glyph run as the tests see it: its text, where it starts and ends, on which baseline, and whether
/// it was drawn inside an artifact (header, footer, decoration).
struct PlacedRun {
    var text: String
    var x: Double
    var baseline: Double
    var width: Double
    var size: Double
    var isArtifact: Bool
    var maxX: Double { x + width }
}

/// A filled or stroked rectangle of a frame.
struct PlacedRect {
    var rect: Rect
    var fill: Color?
}

extension Frame {
    var runs: [PlacedRun] {
        var depth = 0
        var out: [PlacedRun] = []
        for item in items {
            switch item {
            case .beginArtifact: depth += 1
            case .endArtifact: depth -= 1
            case .glyphs(let g):
                out.append(PlacedRun(text: g.shaped.text, x: g.origin.x, baseline: g.origin.y, width: g.width,
                                     size: g.size, isArtifact: depth > 0))
            default: break
            }
        }
        return out
    }

    /// Runs grouped into lines (same baseline), left to right, top to bottom.
    var lines: [[PlacedRun]] {
        var byBaseline: [(Double, [PlacedRun])] = []
        for run in runs {
            if let i = byBaseline.firstIndex(where: { abs($0.0 - run.baseline) < 0.001 }) {
                byBaseline[i].1.append(run)
            } else {
                byBaseline.append((run.baseline, [run]))
            }
        }
        return byBaseline.sorted { $0.0 < $1.0 }.map { $0.1.sorted { $0.x < $1.x } }
    }

    var rects: [PlacedRect] {
        var out: [PlacedRect] = []
        for item in items {
            if case .path(let path, let style) = item {
                for element in path.elements {
                    if case .rect(let r) = element { out.append(PlacedRect(rect: r, fill: style.fill)) }
                }
            }
        }
        return out
    }

    /// x positions of the vertical segments of stroked paths (a table's grid), sorted and distinct.
    var verticalGridLines: [Double] {
        var xs: [Double] = []
        for item in items {
            guard case .path(let path, let style) = item, style.stroke != nil else { continue }
            var last: Point?
            for element in path.elements {
                switch element {
                case .move(let p): last = p
                case .line(let p):
                    if let a = last, abs(a.x - p.x) < 0.001, !xs.contains(where: { abs($0 - p.x) < 0.001 }) {
                        xs.append(p.x)
                    }
                    last = p
                default: last = nil
                }
            }
        }
        return xs.sorted()
    }

    /// The text of the page, line by line.
    var text: String { lines.map { $0.map(\.text).joined() }.joined(separator: "\n") }
}

extension Array where Element == PlacedRun {
    var text: String { map(\.text).joined() }
    var minX: Double { map(\.x).min() ?? .nan }
    var maxX: Double { map(\.maxX).max() ?? .nan }
}

extension LaidOutDocument {
    /// The index of the page whose body holds a line containing `needle`, and that line.
    func find(_ needle: String) -> (page: Int, line: [PlacedRun])? {
        for (i, page) in pages.enumerated() {
            for line in page.lines where line.text.contains(needle) { return (i, line) }
        }
        return nil
    }
}

/// Approximate equality for points.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 0.01) -> Bool { abs(a - b) <= tolerance }
