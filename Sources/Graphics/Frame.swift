/// One laid-out page: what layout produces and the renderer consumes. Items paint in order.
public struct Frame: Sendable {
    public var size: Size
    public var items: [FrameItem]

    public init(size: Size, items: [FrameItem] = []) {
        self.size = size
        self.items = items
    }

    public mutating func append(_ item: FrameItem) { items.append(item) }
}

/// What a frame holds. Structure marks bracket the content of a structure node (tagged PDF) and
/// artifacts bracket content outside the structure (running headers and footers).
public enum FrameItem: Sendable {
    case glyphs(GlyphRun)
    case path(Path, PathStyle)
    /// A PNG image scaled into `rect`.
    case image(ImageSource, rect: Rect)
    /// Intersects the clip with `path` until the matching `.popClip`.
    case pushClip(Path)
    case popClip
    /// Content belonging to the structure node `node` of the document's `StructureTree`.
    case beginStructure(node: Int)
    case endStructure
    /// Content that is not part of the document's logical content; `pagination` for headers/footers.
    case beginArtifact(pagination: Bool)
    case endArtifact
}

/// Where an image's PNG bytes come from.
public enum ImageSource: Sendable {
    /// Read from this file when the page is drawn.
    case file(String)
    /// Already in memory: a layout's asset, read and versioned with the layout, so a document shows the
    /// bytes its layout version names even if the file has changed since. `name` is for messages.
    case png(name: String, bytes: [UInt8])

    /// The file path or the name, for messages.
    public var name: String {
        switch self {
        case .file(let path): path
        case .png(let name, _): name
        }
    }
}
