/// A piece of paragraph text after parsing braces and `**bold**` markup.
enum TextPiece: Sendable {
    case text(Template.Part, bold: Bool)
    case pageNumber(bold: Bool)
    case pageCount(bold: Bool)
}

/// Splits text into literal runs, `{expressions}`, the `{page}`/`{pages}` placeholders and
/// `**bold**` runs. `{{` and `}}` write literal braces. Markup is read in the layout's
/// literal text only, never in data values, so data cannot change the styling.
enum TemplateParser {
    static func pieces(_ text: String, at source: SourceLocation, scope: VariableScope,
                       markup: Bool = true) throws(LayoutError) -> [TextPiece] {
        let s = Array(text.unicodeScalars)
        var pieces: [TextPiece] = []
        var literal = String.UnicodeScalarView()
        var bold = false
        var i = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.text(.literal(String(literal)), bold: bold)) }
            literal = String.UnicodeScalarView()
        }
        func at(_ offset: Int) -> SourceLocation {
            SourceLocation(file: source.file, line: source.line, column: source.column + offset)
        }
        while i < s.count {
            let c = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if c == "{" && next == "{" || c == "}" && next == "}" {
                literal.append(c)
                i += 2
            } else if markup && c == "*" && next == "*" {
                flush()
                bold.toggle()
                i += 2
            } else if c == "}" {
                throw LayoutError(.badExpression, "unmatched '}' in text (write '}}' for a literal brace)", at: at(i))
            } else if c == "{" {
                guard let end = closingBrace(s, from: i + 1) else {
                    throw LayoutError(.badExpression, "unclosed '{' in text (write '{{' for a literal brace)", at: at(i))
                }
                flush()
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                let trimmed = inner.trimmingSpaces
                if trimmed == "page" && scope.slots["page"] == nil {
                    pieces.append(.pageNumber(bold: bold))
                } else if trimmed == "pages" && scope.slots["pages"] == nil {
                    pieces.append(.pageCount(bold: bold))
                } else {
                    if trimmed.isEmpty { throw LayoutError(.badExpression, "empty '{}' in text", at: at(i)) }
                    let expr = try ExpressionParser.parse(inner, at: at(i + 1), scope: scope)
                    pieces.append(.text(Template.Part(expr), bold: bold))
                }
                i = end + 1
            } else {
                literal.append(c)
                i += 1
            }
        }
        flush()
        if bold {
            throw LayoutError(.badExpression, "unclosed '**' bold markup", at: source)
        }
        return pieces
    }

    /// A template for attribute values (titles, alt text): no markup, no page numbers.
    static func template(_ text: String, at source: SourceLocation, scope: VariableScope) throws(LayoutError) -> Template {
        var parts: [Template.Part] = []
        for piece in try pieces(text, at: source, scope: scope, markup: false) {
            switch piece {
            case .text(let part, _): parts.append(part)
            case .pageNumber, .pageCount:
                throw LayoutError(.badExpression, "{page} and {pages} are only allowed in paragraph text", at: source)
            }
        }
        return Template(parts: parts.isEmpty ? [.literal("")] : parts)
    }

    /// Index of the `}` closing the expression opened before `start`, skipping quoted strings.
    static func closingBrace(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var i = start
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "}" {
                return i
            } else if c == "{" {
                return nil
            }
            i += 1
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var sub = Substring(self)
        while sub.first == " " { sub.removeFirst() }
        while sub.last == " " { sub.removeLast() }
        return String(sub)
    }
}
