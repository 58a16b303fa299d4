/// One block of a bound document, in flow order.
///
/// Not `indirect`: the recursive cases hold arrays, which are already references, so
/// binding does not pay one extra box allocation per block.
public enum BoundBlock: Sendable {
    case paragraph(BoundParagraph)
    case table(BoundTable)
    case image(BoundImage)
    case qrCode(BoundQRCode)
    case rule(thickness: Double, color: RGB, spaceBefore: Double, spaceAfter: Double)
    case box(BoundBox)
    /// Blocks that must not be split across pages (moved whole to the next page if needed).
    case keepTogether([BoundBlock])
    case pageBreak
    case list(BoundList)
    case spacer(height: Double)
    /// Side-by-side blocks, e.g. the letterhead: caisse on the left, insured on the right.
    case columns([BoundColumn])
}

/// The structure role of a paragraph, for tagged PDF (ISO 32000-1 §14.8.4.3).
public enum ParagraphRole: String, Sendable, Hashable {
    case p, h1, h2, h3
}

/// A paragraph: styled runs of text, broken into lines by the engine.
public struct BoundParagraph: Sendable {
    public var role: ParagraphRole
    public var spans: SpanList
    public var style: ParagraphStyle

    public init(role: ParagraphRole = .p, spans: SpanList, style: ParagraphStyle = ParagraphStyle()) {
        self.role = role
        self.spans = spans
        self.style = style
    }

    /// The concatenated text, page placeholders shown as `{page}`/`{pages}` (tests, debugging).
    public var plainText: String {
        var s = ""
        for span in spans {
            switch span.content {
            case .text(let t): s += t
            case .pageNumber: s += "{page}"
            case .pageCount: s += "{pages}"
            }
        }
        return s
    }
}

/// What a span shows: text, or a page number the engine resolves when paginating.
public enum SpanContent: Sendable, Hashable {
    case text(String)
    case pageNumber
    case pageCount
}

/// A run of text with one concrete style.
public struct BoundSpan: Sendable, Hashable {
    public var content: SpanContent
    public var style: TextStyle

    public init(content: SpanContent, style: TextStyle) {
        self.content = content
        self.style = style
    }
}

/// An image from `Layouts/assets`. Width or height may be nil: keep the aspect ratio
/// (`pixelWidth`/`pixelHeight` give it, read from the PNG header at load time).
public struct BoundImage: Sendable, Hashable {
    /// The file path, inside the layouts' `assets/` folder.
    public var path: String
    /// The path relative to `assets/`, as written in the layout (`logo.png`).
    public var assetName: String
    /// The PNG file's bytes, read when the layout was loaded: the ones its version names.
    public var bytes: [UInt8]
    public var width: Double?
    public var height: Double?
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// Alternate text for the Figure structure element; nil only for decorative images (artifacts).
    public var alt: String?
    public var alignment: Alignment

    public init(path: String, assetName: String, bytes: [UInt8], width: Double? = nil, height: Double? = nil,
                pixelWidth: Int, pixelHeight: Int, alt: String?, alignment: Alignment = .left) {
        self.path = path
        self.assetName = assetName
        self.bytes = bytes
        self.width = width
        self.height = height
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.alt = alt
        self.alignment = alignment
    }
}

/// A QR code to draw (by the engine, through the Barcodes module).
public struct BoundQRCode: Sendable, Hashable {
    public var text: String
    /// Side of the square in points.
    public var size: Double
    public var alt: String
    public var alignment: Alignment

    public init(text: String, size: Double, alt: String, alignment: Alignment = .left) {
        self.text = text
        self.size = size
        self.alt = alt
        self.alignment = alignment
    }
}

/// A framed group of blocks.
public struct BoundBox: Sendable {
    public var children: [BoundBlock]
    public var background: RGB?
    public var border: (width: Double, color: RGB)?
    /// Inner padding in points, applied on all four sides.
    public var padding: Double
    public var cornerRadius: Double

    public init(children: [BoundBlock], background: RGB? = nil, border: (width: Double, color: RGB)? = nil,
                padding: Double = 0, cornerRadius: Double = 0) {
        self.children = children
        self.background = background
        self.border = border
        self.padding = padding
        self.cornerRadius = cornerRadius
    }
}

/// A bulleted (`•`) or numbered (`1.`) list.
public struct BoundList: Sendable {
    public enum Marker: Sendable, Hashable { case bullet, numbered }
    public var marker: Marker
    public var items: [[BoundBlock]]
    /// The text style of the markers.
    public var markerStyle: TextStyle

    public init(marker: Marker, items: [[BoundBlock]], markerStyle: TextStyle = TextStyle()) {
        self.marker = marker
        self.items = items
        self.markerStyle = markerStyle
    }
}

/// Width of a column (of a table or a `columns` block).
public enum ColumnWidth: Sendable, Hashable {
    case fixed(Double)
    /// Share of the remaining width, proportional to the weight.
    case proportional(Double)
    case auto
}

/// One column of a `columns` block.
public struct BoundColumn: Sendable {
    public var width: ColumnWidth
    public var blocks: [BoundBlock]

    public init(width: ColumnWidth, blocks: [BoundBlock]) {
        self.width = width
        self.blocks = blocks
    }
}
