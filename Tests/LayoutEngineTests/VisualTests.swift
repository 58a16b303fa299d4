import Foundation
import LayoutDefinitions
import Testing

/// Page images compared with the references in `References/` (re-recorded with `PAPERASSE_RECORD=1`,
/// then reviewed by eye). The same renderer and poppler give a difference of 0; the tolerances absorb
/// anti-aliasing differences between poppler builds. Measured on the relevé at 50 dpi: one table row
/// less moves everything below it (mean 2.7, 3,800 changed pixels), far beyond them; a changed amount
/// in one cell is below what 50 dpi can show (7 pixels), which is why text is checked by pdftotext and
/// positions by the goldens, not by images.
@Suite struct VisualTests {
    /// Mean absolute grey difference per pixel (0…255) still accepted.
    static let tolerance = 0.5
    /// Pixels allowed to differ by more than a quarter of the grey range.
    static let changedPixels = 200

    static func check(_ document: BoundDocument, name: String, expectedPages: Int) throws {
        let dir = makeTemporaryDirectory()
        let pdf = try Harness.renderFile(document, in: dir)
        let images = try ImageCompare.pages(of: pdf, in: dir)
        #expect(images.count == expectedPages)
        for (i, image) in images.enumerated() {
            let reference = PackageRoot.references + "/\(name)-\(i + 1).png"
            if PackageRoot.recording || !FileManager.default.fileExists(atPath: reference) {
                try FileManager.default.createDirectory(atPath: PackageRoot.references, withIntermediateDirectories: true)
                try? FileManager.default.removeItem(atPath: reference)
                try FileManager.default.copyItem(atPath: image, toPath: reference)
                if !PackageRoot.recording { Issue.record("recorded a missing reference \(reference): review it") }
                continue
            }
            let result = try #require(try ImageCompare.compare(image, reference), "page \(i + 1) changed size")
            #expect(result.meanAbsoluteDifference < tolerance,
                    "\(name) page \(i + 1) differs from its reference by \(result.meanAbsoluteDifference) per pixel (kept: \(image))")
            #expect(result.changedPixels <= Self.changedPixels,
                    "\(name) page \(i + 1): \(result.changedPixels) pixels changed (kept: \(image))")
            #expect(result.darkPixels > 500, "page \(i + 1) is nearly blank")
        }
    }

    @Test func releveSamplePageOne() throws {
        try Self.check(try releveDocument(), name: "releve-mensuel", expectedPages: 1)
    }

    @Test func releveOnTwoPages() throws {
        // The sample's 18 lines repeated three times: 54 lines run onto a second page.
        let data = try Self.sample { $0 + $0 + $0 }
        try Self.check(try releveDocument(data: data), name: "releve-mensuel-2pages", expectedPages: 2)
    }

    @Test func comparisonTellsAMissingRowApart() throws {
        // The oracle itself: the relevé with its last row dropped, against page 1's reference.
        let reference = PackageRoot.references + "/releve-mensuel-1.png"
        try #require(FileManager.default.fileExists(atPath: reference))
        let data = try Self.sample { Array($0.dropLast()) }
        let dir = makeTemporaryDirectory()
        let pdf = try Harness.renderFile(try releveDocument(data: data), in: dir)
        let images = try ImageCompare.pages(of: pdf, in: dir)
        let result = try #require(try ImageCompare.compare(images[0], reference))
        #expect(result.meanAbsoluteDifference > Self.tolerance)
        #expect(result.changedPixels > Self.changedPixels)
    }

    /// The relevé sample with its lines transformed.
    static func sample(_ transform: ([DataValue]) -> [DataValue]) throws -> DataValue {
        let text = try String(contentsOfFile: PackageRoot.layouts + "/samples/releve-mensuel.json", encoding: .utf8)
        guard case .object(var root) = try DataValue(json: text),
              let index = root.firstIndex(where: { $0.key == "lignes" }),
              case .array(let lines) = root[index].value else {
            throw CocoaError(.fileReadCorruptFile)
        }
        root[index].value = .array(transform(lines))
        return .object(root)
    }
}
