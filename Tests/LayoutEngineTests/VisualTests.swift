import Foundation
import LayoutDefinitions
import Testing

/// Page images compared with the references in `References/` (re-recorded with `PAPERASSE_RECORD=1`,
/// then reviewed by eye). The tolerance absorbs anti-aliasing differences between poppler builds; a
/// moved block, a missing row or a changed font exceeds it.
@Suite struct VisualTests {
    /// Mean absolute grey difference per pixel (0…255) still accepted.
    static let tolerance = 1.0

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
            #expect(result.darkPixels > 500, "page \(i + 1) is nearly blank")
        }
    }

    @Test func releveSamplePageOne() throws {
        try Self.check(try releveDocument(), name: "releve-mensuel", expectedPages: 1)
    }

    @Test func releveOnTwoPages() throws {
        // The sample's 18 lines repeated three times: 54 lines run onto a second page.
        let sample = try String(contentsOfFile: PackageRoot.layouts + "/samples/releve-mensuel.json", encoding: .utf8)
        guard case .object(var root) = try DataValue(json: sample),
              let index = root.firstIndex(where: { $0.key == "lignes" }),
              case .array(let lines) = root[index].value else {
            Issue.record("the sample has no lignes"); return
        }
        root[index].value = .array(lines + lines + lines)
        try Self.check(try releveDocument(data: .object(root)), name: "releve-mensuel-2pages", expectedPages: 2)
    }

    @Test func comparisonTellsDifferentPagesApart() throws {
        // The oracle itself: page 1 of the relevé against a blank-ish page must exceed the tolerance.
        let dir = makeTemporaryDirectory()
        let blank = try Harness.renderFile(BoundDocument(title: "Vide", body: [.paragraph(BoundParagraph(
            spans: [BoundSpan(content: .text("."), style: TextStyle())]))]), in: dir, name: "blank.pdf")
        let releve = try Harness.renderFile(try releveDocument(), in: dir, name: "releve.pdf")
        try Tool.run("pdftoppm", ["-r", "50", "-png", blank, dir + "/blank"])
        try Tool.run("pdftoppm", ["-r", "50", "-png", releve, dir + "/releve"])
        let a = try #require(directoryListing(dir).first { $0.hasPrefix("blank-") })
        let b = try #require(directoryListing(dir).first { $0.hasPrefix("releve-") })
        let result = try #require(try ImageCompare.compare(dir + "/" + b, dir + "/" + a))
        #expect(result.meanAbsoluteDifference > Self.tolerance)
    }
}
