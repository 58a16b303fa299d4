/// Builds a content stream (ISO 32000-1 §8, §9.4, Annex A): one method per operator, named after what it
/// does, with the operator in its doc comment. Operands are written with the shared number formatter.
public struct ContentStream: Sendable {
    public var buffer: ByteBuffer

    public init(capacity: Int = 8 * 1024) { buffer = ByteBuffer(capacity: capacity) }

    public var bytes: [UInt8] { buffer.bytes }

    /// Empties the stream but keeps its storage, so one builder serves page after page.
    public mutating func reset() { buffer.bytes.removeAll(keepingCapacity: true) }

    /// The operator and its line feed, written in place in one step.
    @inlinable mutating func op(_ s: StaticString) {
        s.withUTF8Buffer { utf8 in
            buffer.append(upTo: utf8.count + 1) { p in
                for i in 0..<utf8.count { p[i] = utf8[i] }
                p[utf8.count] = UInt8(ascii: "\n")
                return utf8.count + 1
            }
        }
    }

    /// Operands are written with two decimals: 0.01 pt (3.5 µm) is below any printer's resolution, and
    /// shorter numbers make smaller streams. Colours use three (`colour(_:)`).
    @inlinable mutating func num(_ v: Double) {
        let scaled = v * 100
        if scaled.magnitude < 9.0e15 {  // also false for NaN and infinities, which `append(real:)` handles
            buffer.append(centi: ByteBuffer.roundedToInt(scaled))
        } else {
            buffer.append(real: v, precision: 2)
        }
        buffer.append(UInt8(ascii: " "))
    }

    @inlinable mutating func colour(_ v: Double) {
        buffer.append(real: v, precision: 3)
        buffer.append(UInt8(ascii: " "))
    }

    // MARK: Graphics state (§8.4.4)

    /// `q`
    public mutating func saveState() { op("q") }
    /// `Q`
    public mutating func restoreState() { op("Q") }

    /// `a b c d e f cm`
    public mutating func transform(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        num(a); num(b); num(c); num(d); num(e); num(f)
        op("cm")
    }

    /// `w`
    public mutating func setLineWidth(_ w: Double) { num(w); op("w") }
    /// `J` (0 butt, 1 round, 2 square)
    public mutating func setLineCap(_ cap: Int) { buffer.append(int: cap); op(" J") }
    /// `j` (0 miter, 1 round, 2 bevel)
    public mutating func setLineJoin(_ join: Int) { buffer.append(int: join); op(" j") }

    /// `[dash…] phase d`
    public mutating func setDash(_ pattern: [Double], phase: Double) {
        buffer.array { a in for p in pattern { a.real(p) } }
        buffer.append(UInt8(ascii: " "))
        num(phase)
        op("d")
    }

    /// `/Name gs`: applies an ExtGState resource.
    public mutating func setGraphicsState(_ resourceName: String) {
        buffer.append(name: resourceName)
        op(" gs")
    }

    // MARK: Colour (§8.6.8)

    /// `r g b rg`
    public mutating func setFillRGB(_ r: Double, _ g: Double, _ b: Double) { colour(r); colour(g); colour(b); op("rg") }
    /// `r g b RG`
    public mutating func setStrokeRGB(_ r: Double, _ g: Double, _ b: Double) { colour(r); colour(g); colour(b); op("RG") }
    /// `g`
    public mutating func setFillGray(_ v: Double) { colour(v); op("g") }
    /// `G`
    public mutating func setStrokeGray(_ v: Double) { colour(v); op("G") }

    // MARK: Paths (§8.5.2, §8.5.3)

    /// `x y m`
    public mutating func moveTo(_ x: Double, _ y: Double) { num(x); num(y); op("m") }
    /// `x y l`
    public mutating func lineTo(_ x: Double, _ y: Double) { num(x); num(y); op("l") }
    /// `x y m` with coordinates already rounded to hundredths of a point (`units / 100`).
    public mutating func moveTo(centiX x: Int, centiY y: Int) { centiPair(x, y, UInt8(ascii: "m"), 0) }
    /// `x y l` with coordinates already rounded to hundredths of a point (`units / 100`).
    public mutating func lineTo(centiX x: Int, centiY y: Int) { centiPair(x, y, UInt8(ascii: "l"), 0) }

    /// `x y op` for operators of one or two letters (`op2` 0 for none), written through one pointer.
    @inlinable mutating func centiPair(_ x: Int, _ y: Int, _ op1: UInt8, _ op2: UInt8) {
        buffer.append(upTo: 2 * 24 + 3) { p in
            var n = ByteBuffer.write(centi: x, to: p)
            p[n] = UInt8(ascii: " ")
            n += 1
            n += ByteBuffer.write(centi: y, to: p + n)
            p[n] = UInt8(ascii: " ")
            p[n + 1] = op1
            n += 2
            if op2 != 0 {
                p[n] = op2
                n += 1
            }
            p[n] = UInt8(ascii: "\n")
            return n + 1
        }
    }

    /// `x1 y1 x2 y2 x3 y3 c`
    public mutating func curveTo(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double) {
        num(x1); num(y1); num(x2); num(y2); num(x3); num(y3)
        op("c")
    }
    /// `x y w h re`
    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) {
        num(x); num(y); num(w); num(h)
        op("re")
    }
    /// `h`
    public mutating func closePath() { op("h") }
    /// `f` (non-zero winding) or `f*` (even-odd)
    public mutating func fill(evenOdd: Bool = false) { if evenOdd { op("f*") } else { op("f") } }
    /// `S`
    public mutating func stroke() { op("S") }
    /// `B` or `B*`
    public mutating func fillAndStroke(evenOdd: Bool = false) { if evenOdd { op("B*") } else { op("B") } }
    /// `W n` or `W* n`: intersects the clipping path with the current path, then ends the path.
    public mutating func clip(evenOdd: Bool = false) { if evenOdd { op("W* n") } else { op("W n") } }
    /// `n`
    public mutating func endPath() { op("n") }

    // MARK: Text (§9.4)

    /// `BT`
    public mutating func beginText() { op("BT") }
    /// `ET`
    public mutating func endText() { op("ET") }
    /// `/F1 size Tf`
    public mutating func setFont(_ resourceName: String, size: Double) {
        buffer.append(name: resourceName)
        buffer.append(UInt8(ascii: " "))
        num(size)
        op("Tf")
    }
    /// `a b c d e f Tm`
    public mutating func setTextMatrix(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        num(a); num(b); num(c); num(d); num(e); num(f)
        op("Tm")
    }
    /// `tx ty Td`
    public mutating func moveText(_ tx: Double, _ ty: Double) { num(tx); num(ty); op("Td") }
    /// `tx ty Td` with offsets already rounded to hundredths of a point (`units / 100`).
    public mutating func moveText(centiX tx: Int, centiY ty: Int) {
        centiPair(tx, ty, UInt8(ascii: "T"), UInt8(ascii: "d"))
    }
    /// `1 0 0 1 x y Tm`: the text and line matrices set to a translation to (x, y), given in hundredths
    /// of a point (`units / 100`), wherever the text object had got to.
    public mutating func setTextPosition(centiX x: Int, centiY y: Int) {
        buffer.append(raw: "1 0 0 1 ")
        centiPair(x, y, UInt8(ascii: "T"), UInt8(ascii: "m"))
    }

    /// `[(codes…) adj (codes…)] TJ` with two-byte codes (Identity-H). `adjustments[i]` is applied *before*
    /// glyph i, in thousandths of text space (positive moves left, §9.4.3); zero adjustments are omitted.
    ///
    /// Codes are written as literal strings of their raw bytes rather than as hexadecimal: two bytes a
    /// glyph instead of four, which the compressor then has half as much of to read. Only the bytes a
    /// literal string gives a meaning to are escaped (§7.3.4.2): `\`, `(` and `)`, and carriage return,
    /// since a bare CR (or CR LF) inside a literal string reads back as a single line feed.
    public mutating func showGlyphs(_ codes: UnsafeBufferPointer<UInt16>, adjustments: UnsafeBufferPointer<Int32>?) {
        // Per glyph at most an adjustment (11 bytes) and `)(`, and two escaped bytes (4).
        buffer.append(upTo: codes.count * 17 + 8) { p in
            var n = 0
            p[n] = UInt8(ascii: "["); n += 1
            var open = false
            // Wrapping additions: `n` stays within the bytes reserved above.
            for i in 0..<codes.count {
                if let adjustments, adjustments[i] != 0 {
                    if open { p[n] = UInt8(ascii: ")"); n &+= 1; open = false }
                    n &+= ByteBuffer.write(int: Int(adjustments[i]), to: p + n)
                }
                if !open { p[n] = UInt8(ascii: "("); n &+= 1; open = true }
                let c = codes[i]
                let high = UInt8(truncatingIfNeeded: c &>> 8), low = UInt8(truncatingIfNeeded: c)
                if Self.isPlainLiteralByte(high) && Self.isPlainLiteralByte(low) {
                    // Almost every code: both bytes as they are, in one two-byte store (the escaping
                    // path, byte by byte, was half of the instructions per glyph).
                    UnsafeMutableRawPointer(p + n).storeBytes(of: c.bigEndian, as: UInt16.self)
                    n &+= 2
                } else {
                    n &+= Self.writeLiteralByte(high, to: p + n)
                    n &+= Self.writeLiteralByte(low, to: p + n)
                }
            }
            if open { p[n] = UInt8(ascii: ")"); n += 1 }
            p[n] = UInt8(ascii: "]"); p[n + 1] = UInt8(ascii: "T"); p[n + 2] = UInt8(ascii: "J")
            p[n + 3] = UInt8(ascii: "\n")
            return n + 4
        }
    }

    /// Whether `b` stands for itself in a literal string (`writeLiteralByte` writes it unescaped).
    @inlinable static func isPlainLiteralByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"), 0x0D: false
        default: true
        }
    }

    /// Writes one byte of a literal string, escaped if it must be; returns 1 or 2.
    @inlinable static func writeLiteralByte(_ b: UInt8, to p: UnsafeMutablePointer<UInt8>) -> Int {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"):
            p[0] = UInt8(ascii: "\\")
            p[1] = b
            return 2
        case 0x0D:
            p[0] = UInt8(ascii: "\\")
            p[1] = UInt8(ascii: "r")
            return 2
        default:
            p[0] = b
            return 1
        }
    }

    // MARK: XObjects (§8.8)

    /// `/Im1 Do`
    public mutating func drawXObject(_ resourceName: String) {
        buffer.append(name: resourceName)
        op(" Do")
    }

    // MARK: Marked content (§14.6)

    /// `/Tag<</MCID n>>BDC`, written in one pass: one per line of a tagged page. No space around the
    /// dictionary: `<` and `>` delimit tokens by themselves (§7.2.2), and these bytes recur on every line.
    public mutating func beginMarkedContent(_ tag: String, mcid: Int) {
        var name = tag
        let written = name.withUTF8 { beginMarkedContent(plainTag: $0, mcid: mcid) }
        guard !written else { return }
        buffer.append(name: tag)
        buffer.append(raw: "<</MCID ")
        buffer.append(int: mcid)
        op(">>BDC")
    }

    /// The same for a structure role, always a literal: no string to retain, copy or release per line.
    public mutating func beginMarkedContent(_ tag: StaticString, mcid: Int) {
        let written = tag.withUTF8Buffer { beginMarkedContent(plainTag: $0, mcid: mcid) }
        if !written { beginMarkedContent(tag.description, mcid: mcid) }
    }

    /// Writes `/Tag<</MCID n>>BDC` and returns true, or returns false, writing nothing, for a tag that
    /// needs escaping.
    private mutating func beginMarkedContent(plainTag utf8: UnsafeBufferPointer<UInt8>, mcid: Int) -> Bool {
        guard PointerWriter.isPlainName(utf8) else { return false }
        buffer.write(upTo: utf8.count + 40) { w in
            w.byte(UInt8(ascii: "/"))
            w.bytes(utf8)
            w.raw("<</MCID ")
            w.int(mcid)
            w.raw(">>BDC\n")
        }
        return true
    }

    /// `/Artifact<</Type/Pagination>>BDC` for headers and footers (§14.8.2.2), or plain `/Artifact BMC`.
    public mutating func beginArtifact(pagination: Bool) {
        if pagination { op("/Artifact<</Type/Pagination>>BDC") } else { op("/Artifact BMC") }
    }

    /// `/Span <</ActualText (…)>> BDC`: the replacement text for glyphs whose ToUnicode cannot say it (§14.9.4).
    public mutating func beginActualText(_ text: String) {
        buffer.append(raw: "/Span <</ActualText ")
        buffer.append(textString: text)
        op(">> BDC")
    }

    /// `EMC`
    public mutating func endMarkedContent() { op("EMC") }
}
