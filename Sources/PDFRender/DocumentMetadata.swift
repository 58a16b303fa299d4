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

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public var pdfString: String {
        "D:" + Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2) + Self.pad(hour, 2)
            + Self.pad(minute, 2) + Self.pad(second, 2) + "Z"
    }

    public var xmpString: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) + "T" + Self.pad(hour, 2) + ":"
            + Self.pad(minute, 2) + ":" + Self.pad(second, 2) + "Z"
    }
}
