import Foundation
import Graphics
import PDFRender
import PDFSyntax
import Testing
import TestSupport
import Typography

/// The Info dictionary and the XMP packet say the same thing (ISO 19005-2 §6.6.2.3), whatever the text.
@Suite struct MetadataTests {
    static func metadata(source: String?) -> DocumentMetadata {
        DocumentMetadata(
            title: "Relevé & <attestation> « CPAM » \"n° 1\"", author: "Élodie Dupré-Lefèvre",
            subject: "Droits & prestations — 2026", keywords: "relevé, remboursement, œil",
            creationDate: PDFDate(year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5),
            modificationDate: PDFDate(year: 2026, month: 2, day: 3), source: source)
    }

    static func write(_ metadata: DocumentMetadata, _ path: String, _ xref: XRefStyle) throws {
        let writer = try PDFDocumentWriter(metadata: metadata, fonts: Fixture.registry, output: .file(path),
                                           options: Fixture.options(xref))
        try writer.beginPage()
        try Fixture.line(writer, "Métadonnées", chain: Fixture.registry.chain(family: "DejaVu Sans"), y: 60)
        try writer.endPage()
        try writer.finish()
    }

    @Test(arguments: Fixture.xrefStyles)
    func awkwardTextIsConformant(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("meta.pdf")
        try Self.write(Self.metadata(source: nil), path, xref)
        try expectConformant(path)
        let info = try PDFTools.pdfinfo(path)
        #expect(info["Title"] == "Relevé & <attestation> « CPAM » \"n° 1\"")
    }

    /// The layout and its version travel in the standard `dc:source` property, so the document stays
    /// PDF/A-2b without an extension schema; every Info entry agrees with its XMP twin.
    @Test(arguments: Fixture.xrefStyles)
    func infoAndXMPAgreeWithAwkwardText(_ xref: XRefStyle) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("meta.pdf")
        let metadata = Self.metadata(source: "relevé@3 & <b>")
        try Self.write(metadata, path, xref)
        try expectConformant(path)

        let info = try PDFTools.pdfinfo(path)
        #expect(info["Title"] == metadata.title)
        #expect(info["Author"] == metadata.author)
        #expect(info["Subject"] == metadata.subject)
        #expect(info["Keywords"] == metadata.keywords)
        #expect(info["Producer"] == "Paperasse PDF engine")

        let xmp = try Tool.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            m = pdf.open_metadata()
            for key in ["dc:title", "dc:creator", "dc:description", "pdf:Keywords", "xmp:CreateDate",
                        "xmp:ModifyDate", "pdfaid:part", "pdfaid:conformance"]:
                print(key + "=" + str(m.get(key)))
            print("dc:source=" + str(m.get("dc:source")))
            """, [path])
        #expect(xmp.exitCode == 0, "\(xmp.combined)")
        let values = Dictionary(uniqueKeysWithValues: xmp.stdout.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        })
        #expect(values["dc:title"] == metadata.title)
        #expect(values["dc:creator"] == "['Élodie Dupré-Lefèvre']")
        #expect(values["dc:description"] == metadata.subject)
        #expect(values["pdf:Keywords"] == metadata.keywords)
        #expect(values["xmp:CreateDate"] == "2026-01-02T03:04:05Z")
        #expect(values["xmp:ModifyDate"] == "2026-02-03T00:00:00Z")
        #expect(values["pdfaid:part"] == "2" && values["pdfaid:conformance"] == "B")
        #expect(values["dc:source"] == "relevé@3 & <b>")
    }

    /// PDF dates from `SOURCE_DATE_EPOCH` seconds, against Foundation's calendar as the oracle.
    @Test(arguments: [Int64(0), -1, -86400, 951_782_400, 1_764_115_200, 1_798_761_599, 4_107_542_400])
    func datesFromEpochSeconds(_ t: Int64) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                        from: Date(timeIntervalSince1970: TimeInterval(t)))
        let d = PDFDate(secondsSinceEpoch: t)
        #expect([d.year, d.month, d.day, d.hour, d.minute, d.second]
            == [c.year, c.month, c.day, c.hour, c.minute, c.second].map { $0 ?? -1 })
        let expected = String(format: "D:%04d%02d%02d%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        #expect(d.pdfString == expected)
        #expect(d.xmpString == String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!))
    }

    @Test func sourceDateEpochFromTheEnvironment() {
        #expect(PDFDate.fromSourceDateEpoch(["SOURCE_DATE_EPOCH": "86400"]) == PDFDate(year: 1970, month: 1, day: 2))
        #expect(PDFDate.fromSourceDateEpoch(["SOURCE_DATE_EPOCH": "demain"]) == nil)
        #expect(PDFDate.fromSourceDateEpoch([:]) == nil)
    }
}
