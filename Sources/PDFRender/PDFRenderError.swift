import Typography

/// Why a document could not be rendered. `code` is stable; `reason` names the file, page or
/// character at fault. A failed render never leaves a partial file behind.
public struct PDFRenderError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Code: String, Sendable {
        case imageNotFound = "image-not-found"
        case imageCorrupt = "image-corrupt"
        case fontEmbedding = "font-embedding"
        case writeFailed = "write-failed"
        case invalidState = "invalid-state"
        case typography = "typography"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    init(_ error: TypographyError) {
        self.init(.typography, error.reason)
    }

    public var description: String { reason }
}
