import Foundation
@testable import PDFRender
import Testing
import TestSupport

/// A document appears at its path complete or not at all, whether it is written without a name and
/// linked into place (`O_TMPFILE`, by its descriptor or through `/proc`) or through a hidden temporary
/// file renamed into place (the fallback, forced here with `anonymous: false`), and whether or not the
/// path already exists.
@Suite struct FileSinkTests {
    static let bytes = Array("%PDF-1.7\nun document complet\n".utf8)

    /// Nameless and linked by descriptor, nameless and linked through `/proc`, named and renamed.
    static let ways: [(anonymous: Bool, byDescriptor: Bool)] = [(true, true), (true, false), (false, true)]

    @Test(arguments: ways) func commitPutsTheWholeFileInPlace(anonymous: Bool, byDescriptor: Bool) throws {
        let dir = try TemporaryDirectory()
        let sink = try FileSink(path: dir.file("a.pdf"), sync: false, anonymous: anonymous, byDescriptor: byDescriptor)
        try sink.write(Array(Self.bytes.prefix(10)))
        try sink.write(Array(Self.bytes.dropFirst(10)))
        // Before the commit, no file has the final name; a named sink shows only its hidden file.
        let during = try dir.listing()
        if sink.isAnonymous {
            #expect(during == [])
        } else {
            #expect(during.count == 1 && during[0].hasPrefix(".a.pdf.partial-"), "\(during)")
        }
        try sink.commit()
        #expect(try dir.listing() == ["a.pdf"])
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir.file("a.pdf")))) == Self.bytes)
    }

    @Test(arguments: ways) func anExistingFileIsReplacedWhole(anonymous: Bool, byDescriptor: Bool) throws {
        let dir = try TemporaryDirectory()
        try writeFile(Array("ancienne version, plus longue que la nouvelle".utf8), to: dir.file("a.pdf"))
        let sink = try FileSink(path: dir.file("a.pdf"), sync: true, anonymous: anonymous, byDescriptor: byDescriptor)
        try sink.write(Self.bytes)
        try sink.commit()
        #expect(try dir.listing() == ["a.pdf"])
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir.file("a.pdf")))) == Self.bytes)
    }

    @Test(arguments: [true, false]) func abortLeavesNothingAndKeepsTheOldFile(anonymous: Bool) throws {
        let dir = try TemporaryDirectory()
        let old = Array("version précédente".utf8)
        try writeFile(old, to: dir.file("a.pdf"))
        let sink = try FileSink(path: dir.file("a.pdf"), sync: false, anonymous: anonymous)
        try sink.write(Self.bytes)
        sink.abort()
        #expect(try dir.listing() == ["a.pdf"])
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir.file("a.pdf")))) == old)
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("absent/a.pdf")
        #expect {
            _ = try FileSink(path: path, sync: false)
        } throws: { error in
            (error as? PDFRenderError)?.code == .writeFailed && (error as? PDFRenderError)?.reason.contains(path) == true
        }
        #expect(try dir.listing() == [])
    }
}
