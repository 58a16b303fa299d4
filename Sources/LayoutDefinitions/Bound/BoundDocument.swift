/// A document ready for layout: every expression evaluated, every style concrete, every
/// asset path resolved. Only page numbers (`SpanContent.pageNumber`/`.pageCount`) are left
/// for the layout engine to fill in during pagination.
public struct BoundDocument: Sendable {
    public var title: String
    public var lang: String
    public var subject: String?
    public var author: String?
    public var keywords: String?
    public var page: PageTemplate
    /// Header, footer and background of the first page when they differ; nil = same as `regions`.
    public var firstPage: PageRegions?
    public var regions: PageRegions
    public var body: [BoundBlock]
    public var layoutName: String
    public var layoutVersion: String
    /// The layout's sample document, bound (`Layouts/samples/<layout>.json`), when the layout has one:
    /// the renderer makes from it the font subsets every document of the layout shares. Part of the
    /// layout version, like the layout file.
    public var sample: LayoutSample?

    public init(title: String, lang: String = "fr-FR", subject: String? = nil, author: String? = nil,
                keywords: String? = nil, page: PageTemplate = PageTemplate(), firstPage: PageRegions? = nil,
                regions: PageRegions = PageRegions(), body: [BoundBlock] = [], layoutName: String = "",
                layoutVersion: String = "") {
        self.title = title
        self.lang = lang
        self.subject = subject
        self.author = author
        self.keywords = keywords
        self.page = page
        self.firstPage = firstPage
        self.regions = regions
        self.body = body
        self.layoutName = layoutName
        self.layoutVersion = layoutVersion
    }
}

/// A layout's sample document, bound once when the layout is loaded. `key` names the layout and
/// its full version: what the renderer computes from the sample is cached under it. `document` does
/// not carry its own sample (`document.sample` is nil): to render the sample as a document of its
/// layout, bind the sample data with `Layout.bind`.
public final class LayoutSample: Sendable {
    public let document: BoundDocument
    public let key: String

    public init(document: BoundDocument, key: String) {
        self.document = document
        self.key = key
    }
}

/// Page geometry in points (1/72 in). The body flows inside the margins.
public struct PageTemplate: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var marginTop: Double
    public var marginRight: Double
    public var marginBottom: Double
    public var marginLeft: Double

    /// A4 portrait, ISO 216: 210 × 297 mm.
    public init(width: Double = 595.28, height: Double = 841.89, marginTop: Double = 36,
                marginRight: Double = 36, marginBottom: Double = 36, marginLeft: Double = 36) {
        self.width = width
        self.height = height
        self.marginTop = marginTop
        self.marginRight = marginRight
        self.marginBottom = marginBottom
        self.marginLeft = marginLeft
    }

    /// Width of the body area between the left and right margins.
    public var contentWidth: Double { width - marginLeft - marginRight }
}

/// Repeated page furniture. Header and footer sit **in the margins**, the body area is not
/// reduced: the header band is `headerHeight` tall and its bottom edge lies `headerOffset`
/// above the top margin line; the footer band's top edge lies `footerOffset` below the
/// bottom margin line. The background covers the whole page (blocks placed from the
/// top-left margin corner). All widths are the content width.
public struct PageRegions: Sendable {
    public var header: [BoundBlock]
    public var headerHeight: Double
    public var headerOffset: Double
    public var footer: [BoundBlock]
    public var footerHeight: Double
    public var footerOffset: Double
    public var background: [BoundBlock]

    public init(header: [BoundBlock] = [], headerHeight: Double = 0, headerOffset: Double = 0,
                footer: [BoundBlock] = [], footerHeight: Double = 0, footerOffset: Double = 0,
                background: [BoundBlock] = []) {
        self.header = header
        self.headerHeight = headerHeight
        self.headerOffset = headerOffset
        self.footer = footer
        self.footerHeight = footerHeight
        self.footerOffset = footerOffset
        self.background = background
    }
}
