/// A place in a layout source file. Lines and columns start at 1, as Yams marks do.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// The single error type of `LayoutDefinitions`: a stable `code` for machines (CLI exit
/// codes, HTTP mapping), an English `reason` for people, and where it happened.
///
/// Parse-time errors point at the layout file (`file:line:column`); bind-time errors name
/// the data path that failed (`lignes[3].montant`) and, when known, the layout expression
/// that needed it.
public struct LayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifiers: never renamed once shipped, since the CLI and tests match on them.
    public enum Code: String, Sendable, CaseIterable {
        case yamlSyntax = "yaml-syntax"
        case jsonSyntax = "json-syntax"
        case unknownElement = "unknown-element"
        case unknownAttribute = "unknown-attribute"
        case missingAttribute = "missing-attribute"
        case invalidValue = "invalid-value"
        case unknownStyle = "unknown-style"
        case badExpression = "bad-expression"
        case unknownFormatter = "unknown-formatter"
        case formatterType = "formatter-type"
        case missingPartial = "missing-partial"
        case missingAsset = "missing-asset"
        case pathEscape = "path-escape"
        case includeCycle = "include-cycle"
        case missingData = "missing-data"
        case dataType = "data-type"
        case unknownLayout = "unknown-layout"
        case io = "io"
    }

    /// Where an error happened: in a layout file, in the bound data, or nowhere precise.
    public enum Location: Sendable, Equatable {
        case none
        case source(SourceLocation)
        /// `path` is the data path (`lignes[3].montant`); `source` the expression that read it.
        case data(path: String, source: SourceLocation?)
    }

    public var code: Code
    public var reason: String
    public var location: Location

    public init(_ code: Code, _ reason: String, at location: Location = .none) {
        self.code = code
        self.reason = reason
        self.location = location
    }

    init(_ code: Code, _ reason: String, at source: SourceLocation) {
        self.init(code, reason, at: .source(source))
    }

    /// The layout location, if the error has one (directly or through a data error).
    public var sourceLocation: SourceLocation? {
        switch location {
        case .none: return nil
        case .source(let s): return s
        case .data(_, let s): return s
        }
    }

    /// The data path, for bind-time errors.
    public var dataPath: String? {
        if case .data(let path, _) = location { return path }
        return nil
    }

    public var description: String {
        switch location {
        case .none:
            return "error[\(code.rawValue)]: \(reason)"
        case .source(let s):
            return "\(s): error[\(code.rawValue)]: \(reason)"
        case .data(let path, let s):
            let needed = s.map { " (needed by \($0))" } ?? ""
            return "data '\(path)'\(needed): error[\(code.rawValue)]: \(reason)"
        }
    }
}
