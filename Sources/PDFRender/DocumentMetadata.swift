import CivilDays

/// What a document says about itself: written both in the Info dictionary and in the XMP metadata,
/// which PDF/A-2 requires to agree (ISO 19005-2 §6.6.2.3). Dates come from the caller, never the clock.
public struct DocumentMetadata: Sendable {
    public var title: String
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String
    public var producer: String
    /// BCP 47 language of the document, `/Lang` in the catalog.
    public var language: String
    public var creationDate: PDFDate
    public var modificationDate: PDFDate
    /// What the document was made from, e.g. `releve-mensuel@f1b000c275710063` (layout and version),
    /// written as XMP `dc:source`: a standard property, so no PDF/A extension schema is needed.
    public var source: String?

    public init(title: String, author: String? = nil, subject: String? = nil, keywords: String? = nil,
                creator: String = "Paperasse", producer: String = "Paperasse PDF engine",
                language: String = "fr-FR", creationDate: PDFDate, modificationDate: PDFDate? = nil,
                source: String? = nil) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.language = language
        self.creationDate = creationDate
        self.modificationDate = modificationDate ?? creationDate
        self.source = source
    }
}

/// A UTC instant with one-second precision, formatted for PDF (`D:20261126000000Z`, §7.9.4) and XMP
/// (`2026-11-26T00:00:00Z`).
public struct PDFDate: Sendable, Hashable {
    public let year, month, day, hour, minute, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// From seconds since 1970-01-01 UTC (`SOURCE_DATE_EPOCH`).
    public init(secondsSinceEpoch t: Int64) {
        let days = Int(t / 86400 - (t % 86400 < 0 ? 1 : 0))
        let secs = Int(t - Int64(days) * 86400)
        let (year, month, day) = CivilDays.date(fromDays: days)
        self.init(year: year, month: month, day: day, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60)
    }

    /// `SOURCE_DATE_EPOCH` from the environment, if set and valid (reproducible-builds.org convention).
    public static func fromSourceDateEpoch(_ environment: [String: String]) -> PDFDate? {
        guard let v = environment["SOURCE_DATE_EPOCH"], let t = Int64(v) else { return nil }
        return PDFDate(secondsSinceEpoch: t)
    }

    /// `v` in decimal, zero-padded to `width` digits (a larger value keeps all its digits).
    private static func append(_ v: Int, width: Int, to out: inout [UInt8]) {
        var count = 1, t = v
        while t >= 10 { t /= 10; count += 1 }
        count = max(width, count)
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var i = out.count - 1, x = v
        repeat {
            out[i] = UInt8(ascii: "0") + UInt8(x % 10)
            x /= 10
            i -= 1
        } while x > 0
    }

    /// The six fields with `separators[i]` before field i, then `end`: built as bytes, since String
    /// padding and concatenation cost some 6 K instructions per date, and a document writes five.
    private func formatted(_ separators: [StaticString], end: UInt8) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        for (i, (value, width)) in [(year, 4), (month, 2), (day, 2), (hour, 2), (minute, 2), (second, 2)].enumerated() {
            let sep = separators[i]
            out.append(contentsOf: UnsafeBufferPointer(start: sep.utf8Start, count: sep.utf8CodeUnitCount))
            Self.append(value, width: width, to: &out)
        }
        out.append(end)
        return String(decoding: out, as: UTF8.self)
    }

    /// `D:20261126093000Z` (ISO 32000-1 §7.9.4).
    public var pdfString: String { formatted(["D:", "", "", "", "", ""], end: UInt8(ascii: "Z")) }

    /// `2026-11-26T09:30:00Z` (XMP, ISO 8601).
    public var xmpString: String { formatted(["", "-", "-", "T", ":", ":"], end: UInt8(ascii: "Z")) }
}
