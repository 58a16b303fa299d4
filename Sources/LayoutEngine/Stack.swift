import Graphics
import LayoutDefinitions

/// Blocks laid out one under the other in a fixed width, without page breaks: the content of a table
/// cell, a box, a column or a keep-together group.
struct Stack: Sendable {
    enum Part: Sendable {
        case paragraph(LaidParagraph)
        case atom(Atom)
    }

    var height: Double = 0
    var parts: [(dy: Double, part: Part)] = []

    /// A table cell: most hold one paragraph, laid out without building a block array.
    static func make(_ content: CellContent, width: Double, engine: LayoutEngine,
                     alignment: Alignment? = nil) throws(LayoutEngineError) -> Stack {
        switch content {
        case .blocks(let blocks):
            return try make(blocks, width: width, engine: engine, alignment: alignment)
        case .paragraph(let p):
            let laid = try ParagraphLayout(engine: engine).layout(p, width: width, alignment: alignment)
            return Stack(height: laid.height, parts: [(0, .paragraph(laid))])
        }
    }

    static func make(_ blocks: [BoundBlock], width: Double, engine: LayoutEngine,
                     alignment: Alignment? = nil) throws(LayoutEngineError) -> Stack {
        var stack = Stack()
        for (i, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let p):
                let laid = try ParagraphLayout(engine: engine).layout(p, width: width, alignment: alignment)
                if i > 0 { stack.height += laid.spaceBefore }
                stack.parts.append((stack.height, .paragraph(laid)))
                stack.height += laid.height + (i < blocks.count - 1 ? laid.spaceAfter : 0)
            case .pageBreak:
                continue
            case .spacer(let h):
                stack.height += h
            default:
                let atom = try Atom.make(block, width: width, engine: engine)
                stack.parts.append((stack.height, .atom(atom)))
                stack.height += atom.height
            }
        }
        return stack
    }

    /// Splits the stack at `height`: whole parts and the paragraph lines that fit go first, the rest
    /// (moved up) second. An unbreakable part that does not fit goes second, unless it comes first
    /// (then it stays, overflowing, so that splitting always makes progress).
    func split(at height: Double) -> (Stack, Stack) {
        var head = Stack(), tail = Stack()
        var offset: Double?
        for (dy, part) in parts {
            if let o = offset {
                tail.parts.append((dy - o, part))
                continue
            }
            switch part {
            case .paragraph(let p):
                var used = dy
                var fitting = 0
                for line in p.lines where used + line.height <= height + 0.001 {
                    used += line.height
                    fitting += 1
                }
                if fitting == p.lines.count {
                    head.parts.append((dy, part))
                    head.height = dy + p.height
                } else {
                    var first = p, second = p
                    first.lines = Array(p.lines[..<fitting])
                    second.lines = Array(p.lines[fitting...])
                    if fitting > 0 {
                        head.parts.append((dy, .paragraph(first)))
                        head.height = dy + first.height
                    }
                    tail.parts.append((0, .paragraph(second)))
                    offset = dy + first.height
                }
            case .atom(let a):
                if dy + a.height <= height + 0.001 || dy == 0 {
                    head.parts.append((dy, part))
                    head.height = dy + a.height
                } else {
                    tail.parts.append((0, part))
                    offset = dy
                }
            }
        }
        if let o = offset { tail.height = self.height - o }
        return (head, tail)
    }

    /// Emits the glyph runs of `p`'s lines, its first line's top at (x, y).
    static func emitLines(_ p: LaidParagraph, x: Double, y: Double, flow: inout Flow) {
        var lineY = y
        // By index: a `for line in` loop retained and released each line's runs array. Each run is
        // copied once, into the frame.
        for l in p.lines.indices {
            for r in p.lines[l].runs.indices {
                var run = p.lines[l].runs[r]
                run.origin.x += x
                run.origin.y += lineY
                flow.emit(.glyphs(consume run))
            }
            lineY += p.lines[l].height
        }
    }

    /// Emits the stack at (x, y). With `inline`, paragraphs are not given structure elements of their
    /// own: the caller has opened one (a table cell) that their content belongs to.
    func emit(x: Double, y: Double, flow: inout Flow, parent: Int, inline: Bool = false) {
        for (dy, part) in parts {
            switch part {
            case .paragraph(let p):
                var node: Int?
                if !inline {
                    node = flow.tree.add(p.role.structureRole, under: parent)
                    flow.emit(.beginStructure(node: node!))
                }
                Self.emitLines(p, x: x, y: y + dy, flow: &flow)
                if node != nil { flow.emit(.endStructure) }
            case .atom(let atom):
                atom.emit(x: x, y: y + dy, flow: &flow, parent: parent)
            }
        }
    }
}
