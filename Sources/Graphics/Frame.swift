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
    /// An image from a file (PNG), scaled into `rect`.
    case image(path: String, rect: Rect)
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
