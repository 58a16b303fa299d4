import Graphics

/// A document laid out into pages: the frames the PDF renderer draws, the structure tree the frames'
/// marks refer to, and what the document says about itself.
public struct LaidOutDocument: Sendable {
    public var pages: [Frame]
    public var structure: StructureTree
    public var title: String
    public var language: String
    public var subject: String?
    public var author: String?
    public var keywords: String?
    public var layoutName: String
    public var layoutVersion: String
}
