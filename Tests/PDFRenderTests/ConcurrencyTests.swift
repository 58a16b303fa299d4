import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// Writers run in parallel sharing one `FontRegistry` and one `RenderCache` (a batch): each document
/// must come out exactly as when rendered alone.
@Suite struct ConcurrencyTests {
    static func render(_ index: Int, cache: RenderCache) throws -> [UInt8] {
        let writer = try PDFDocumentWriter(metadata: Fixture.metadata("Lot \(index % 3)"), fonts: Fixture.registry,
                                           output: .memory, cache: cache, options: Fixture.options(.compressed(objectsPerStream: 100)))
        let chain = try Fixture.registry.chain(family: "DejaVu Sans", bold: index % 2 == 0)
        try writer.beginPage()
        try Fixture.line(writer, "Relevé n° \(index % 3) — fichier, affluence, Ελένη", chain: chain, y: 60)
        try writer.drawImage(path: Fixture.png(index % 2 == 0 ? "rgba8.png" : "palette_trns.png"),
                             in: Rect(x: 50, y: 100, width: 40, height: 40))
        try writer.endPage()
        return try writer.finish().bytes
    }

    @Test func parallelDocumentsEqualSequentialOnes() async throws {
        let count = 12
        let sequential = try (0..<count).map { try Self.render($0, cache: RenderCache()) }
        let shared = RenderCache()
        let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for i in 0..<count { group.addTask { (i, try Self.render(i, cache: shared)) } }
            var out = [[UInt8]](repeating: [], count: count)
            for try await (i, bytes) in group { out[i] = bytes }
            return out
        }
        for i in 0..<count {
            #expect(parallel[i] == sequential[i], "document \(i)")
        }
        // Documents with the same inputs are the same; different inputs differ.
        #expect(sequential[0] == sequential[6])
        #expect(sequential[0] != sequential[1])
        let dir = try TemporaryDirectory()
        try writeFile(parallel[1], to: dir.file("lot.pdf"))
        try expectConformant(dir.file("lot.pdf"))
    }
}
