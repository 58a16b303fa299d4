/// The concrete character style of a span: named styles are resolved at parse time,
/// so the engine never looks a style up by name.
public struct TextStyle: Sendable, Hashable {
    /// The family, interned (`FontFamily`): a style holds no string and copies without reference counting.
    public var family: FontFamily
    public var bold: Bool
    public var italic: Bool
    /// Font size in points.
    public var size: Double
    public var color: RGB

    public init(fontFamily: String = "DejaVu Sans", bold: Bool = false, italic: Bool = false,
                size: Double = 10, color: RGB = .black) {
        family = FontFamily(fontFamily)
        self.bold = bold
        self.italic = italic
        self.size = size
        self.color = color
    }

    /// The family's name.
    public var fontFamily: String {
        get { family.name }
        set { family = FontFamily(newValue) }
    }
}

/// Horizontal alignment of lines in a paragraph or cell.
public enum Alignment: String, Sendable, Hashable, CaseIterable {
    case left, right, center, justify
}

/// The paragraph-level style: alignment, leading and spacing, all in points except
/// `lineHeight`, a multiple of the font size (1.25 = 125 %).
public struct ParagraphStyle: Sendable, Hashable {
    public var alignment: Alignment
    public var lineHeight: Double
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Keep this paragraph on the same page as the next block (headings).
    public var keepWithNext: Bool

    public init(alignment: Alignment = .left, lineHeight: Double = 1.2, spaceBefore: Double = 0,
                spaceAfter: Double = 0, keepWithNext: Bool = false) {
        self.alignment = alignment
        self.lineHeight = lineHeight
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext
    }
}
