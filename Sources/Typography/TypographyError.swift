/// Why a font could not be loaded, text could not be shaped, or a subset could not be made.
/// `code` is stable (for logs and tests); `description` names the file or the character at fault.
public struct TypographyError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Code: String, Sendable {
        case fontNotFound = "font-not-found"
        case fontUnreadable = "font-unreadable"
        case fontCorrupt = "font-corrupt"
        case uncoveredCharacter = "uncovered-character"
        case unknownFamily = "unknown-family"
        case subsetFailed = "subset-failed"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }

    /// `U+00E9` style notation for a scalar.
    static func notation(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
