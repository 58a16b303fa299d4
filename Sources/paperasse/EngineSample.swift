import Graphics
import PDFRender
import Typography

/// A one-page showcase of the PDF engine alone: French text with accents and ligatures, a Greek and
/// a Cyrillic name, lines, boxes and colours. It knows nothing of insurance, like the engine.
enum EngineSample {
    static func render(registry: FontRegistry, date: PDFDate, to path: String) throws -> RenderResult {
        let writer = try PDFDocumentWriter(
            metadata: DocumentMetadata(title: "Paperasse — démonstration du moteur PDF", author: "Paperasse",
                                       subject: "Texte, graphiques et polices", creationDate: date),
            fonts: registry, output: .file(path))
        var tree = StructureTree()
        try writer.beginPage()
        let regular = try registry.chain(family: "DejaVu Sans")
        let bold = try registry.chain(family: "DejaVu Sans", bold: true)
        var y = 60.0
        func line(_ text: String, _ chain: FontChain, size: Double, color: Color = .black, role: StructureRole = "P") throws {
            let node = tree.add(role, under: tree.root)
            writer.structure = tree  // the marked-content tag names the node's role (H1, P)
            writer.beginStructure(node: node)
            var x = 50.0
            for run in try chain.shape(text) {
                let glyphs = run.glyphRun(size: size, origin: Point(x: x, y: y), color: color)
                writer.draw(glyphs)
                x += glyphs.width
            }
            writer.endStructure()
            y += size * 1.5
        }
        try line("Démonstration du moteur PDF", bold, size: 18, color: .rgb(0.12, 0.23, 0.37), role: "H1")
        try line("Élodie Dupré-Lefèvre, Noël, Çà et là, cœur, 1 234,56 €", regular, size: 11)
        try line("Un fichier, une affluence : ligatures fi et ffl.", regular, size: 11)
        try line("Ελένη Παπαδοπούλου — Анна Иванова", regular, size: 11)
        writer.draw(Path(rect: Rect(x: 50, y: y, width: 495, height: 40)),
                    style: PathStyle(fill: .rgb(0.92, 0.95, 0.98), stroke: Stroke(color: .rgb(0.3, 0.4, 0.6), width: 0.8)))
        writer.draw(Path.line(from: Point(x: 50, y: y + 60), to: Point(x: 545, y: y + 60)),
                    style: PathStyle(stroke: Stroke(color: .gray(0.5), width: 0.4, dash: [3, 2])))
        writer.structure = tree
        try writer.endPage()
        return try writer.finish(structure: tree)
    }
}
