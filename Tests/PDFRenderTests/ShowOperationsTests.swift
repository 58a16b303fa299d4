import Graphics
@testable import PDFRender
import Testing

/// The table of TJ operations a shared subset keeps by the identity of the glyphs they draw
/// (`ShowOperations`): what goes in comes back for the same glyphs and for them only, through growth
/// and when full.
@Suite struct ShowOperationsTests {
    static func glyphs(_ n: Int) -> ShapedGlyphs {
        ShapedGlyphs(count: 1, text: "x") { f in
            f.glyphs[0] = UInt16(truncatingIfNeeded: n)
            f.advances[0] = 600
            f.clusters[0] = 0
            f.texts[0] = GlyphText(length: 1, scalar: 120)
            return true
        }
    }

    @Test func everyOperationComesBackForItsGlyphsOnly() {
        var table = ShowOperations()
        // Enough to grow the slots (4,096 at first, grown past half full) several times.
        let all = (0..<10_000).map { Self.glyphs($0) }
        for (n, g) in all.enumerated() { table.insert(g, Array("[(\(n))]TJ\n".utf8)) }
        for (n, g) in all.enumerated() {
            #expect(table[g] == Array("[(\(n))]TJ\n".utf8))
        }
        // Copies share the identity; equal glyphs made apart do not.
        let copy = all[42]
        #expect(table[copy] == Array("[(42)]TJ\n".utf8))
        #expect(table[Self.glyphs(42)] == nil)
        // A second insertion for the same glyphs replaces the first (two threads wrote the same bytes)
        // and adds no entry.
        table.insert(all[7], Array("[(7)]TJ\n".utf8))
        #expect(table[all[7]] == Array("[(7)]TJ\n".utf8) && table.count == all.count)
    }

    @Test func aFullTableStartsAgain() {
        var table = ShowOperations()
        let all = (0..<(ShowOperations.limit + 1)).map { Self.glyphs($0) }
        for g in all { table.insert(g, [1]) }
        // The last insertion found the table full: it is the only entry.
        #expect(table[all.last!] == [1])
        #expect(table[all[0]] == nil && table[all[ShowOperations.limit - 1]] == nil)
        #expect(table.count == 1)
    }
}
