/// Why a bound document could not be laid out: a font problem (uncovered character, unknown family)
/// or a barcode that cannot be made. `reason` names the text or element at fault.
public struct LayoutEngineError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Code: String, Sendable {
        case font
        case barcode
        case image
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }
}
