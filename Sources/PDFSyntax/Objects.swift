// Typed writers named after PDF objects, with setters named after their keys (ISO 32000-1 §7.7, §9.6–9.8,
// §8.9.5, §14.3, §14.7). No validation at this level: the renderer decides what is consistent.

/// Declares a typed dictionary writer: it wraps a `DictWriter`, owning the bytes while the closure runs.
public protocol TypedDict {
    var dict: DictWriter { get set }
    init(dict: DictWriter)
}

extension DictWriter {
    @inlinable mutating func typed<T: TypedDict>(_ body: (inout T) -> Void) {
        var d = DictWriter(buffer: ByteBuffer())
        swap(&d.buffer.bytes, &buffer.bytes)
        var t = T(dict: consume d)
        body(&t)
        swap(&t.dict.buffer.bytes, &buffer.bytes)
        first = t.dict.first
    }
}

extension PDFFileWriter {
    /// Writes a typed dictionary object.
    public mutating func write<T: TypedDict>(_ ref: Ref, as _: T.Type, _ body: (inout T) -> Void) {
        dictionary(ref) { d in d.typed(body) }
    }

    /// Writes a typed dictionary filled beforehand (see `StructElem.init()`): for objects written by the
    /// hundred, where one reused writer costs less than a closure and a fresh buffer per object.
    public mutating func write(_ ref: Ref, _ object: some TypedDict) {
        self.object(ref) { b in
            b.append(raw: "<<")
            b.bytes.append(contentsOf: object.dict.buffer.bytes)
            b.append(raw: ">>")
        }
    }
}

/// The document catalog (§7.7.2).
public struct Catalog: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) { self.dict = dict; self.dict.pair("Type", name: "Catalog") }
    public mutating func pages(_ r: Ref) { dict.pair("Pages", ref: r) }
    public mutating func metadata(_ r: Ref) { dict.pair("Metadata", ref: r) }
    public mutating func lang(_ l: String) { dict.pair("Lang", text: l) }
    public mutating func structTreeRoot(_ r: Ref) { dict.pair("StructTreeRoot", ref: r) }
    /// /MarkInfo << /Marked true >> (§14.7.1).
    public mutating func markInfo(marked: Bool) { dict.dict("MarkInfo") { $0.pair("Marked", bool: marked) } }
    /// /ViewerPreferences << /DisplayDocTitle true >> (§12.2): the window shows the title, not the file name.
    public mutating func displayDocTitle() { dict.dict("ViewerPreferences") { $0.pair("DisplayDocTitle", bool: true) } }
    public mutating func outputIntents(_ refs: [Ref]) { dict.array("OutputIntents") { a in refs.forEach { a.ref($0) } } }
}

/// The root of the page tree (§7.7.3.2). We write a flat tree: readers handle thousands of kids fine.
public struct PageTree: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) { self.dict = dict; self.dict.pair("Type", name: "Pages") }
    public mutating func kids(_ refs: [Ref]) { dict.array("Kids") { a in refs.forEach { a.ref($0) } } }
    public mutating func count(_ n: Int) { dict.pair("Count", int: n) }
}

/// A page object (§7.7.3.3).
public struct Page: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) { self.dict = dict; self.dict.pair("Type", name: "Page") }
    public mutating func parent(_ r: Ref) { dict.pair("Parent", ref: r) }
    public mutating func mediaBox(_ w: Double, _ h: Double) { dict.pair("MediaBox", rect: (0, 0, w, h)) }
    public mutating func contents(_ r: Ref) { dict.pair("Contents", ref: r) }
    public mutating func structParents(_ n: Int) { dict.pair("StructParents", int: n) }
    /// /Tabs /S: annotations in structure order (PDF/UA habit, harmless otherwise).
    public mutating func tabsInStructureOrder() { dict.pair("Tabs", name: "S") }
    public mutating func resources(_ body: (inout Resources) -> Void) {
        dict.key("Resources")
        dict.buffer.dict { d in d.typed(body) }
    }
}

/// A resource dictionary (§7.8.3). Resource names are generated (`F3`, `Im1`), so they are `String`s.
public struct Resources: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) { self.dict = dict }
    public mutating func fonts(_ entries: [(String, Ref)]) { named("Font", entries) }
    public mutating func xObjects(_ entries: [(String, Ref)]) { named("XObject", entries) }
    public mutating func extGStates(_ entries: [(String, Ref)]) { named("ExtGState", entries) }
    private mutating func named(_ key: StaticString, _ entries: [(String, Ref)]) {
        guard !entries.isEmpty else { return }
        dict.dict(key) { d in
            for (name, ref) in entries {
                d.key(generated: name)
                d.buffer.append(ref: ref)
            }
        }
    }
}

/// A Type 0 (composite) font (§9.7.6).
public struct Type0Font: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) {
        self.dict = dict
        self.dict.pair("Type", name: "Font")
        self.dict.pair("Subtype", name: "Type0")
    }
    public mutating func baseFont(_ n: String) { dict.pair("BaseFont", name: n) }
    /// /Encoding /Identity-H: two-byte codes equal to CIDs (§9.7.5.2).
    public mutating func identityH() { dict.pair("Encoding", name: "Identity-H") }
    public mutating func descendantFont(_ r: Ref) { dict.array("DescendantFonts") { $0.ref(r) } }
    public mutating func toUnicode(_ r: Ref) { dict.pair("ToUnicode", ref: r) }
}

/// A CIDFont whose glyphs come from a TrueType program (§9.7.4, Subtype CIDFontType2).
public struct CIDFont: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) {
        self.dict = dict
        self.dict.pair("Type", name: "Font")
        self.dict.pair("Subtype", name: "CIDFontType2")
    }
    public mutating func baseFont(_ n: String) { dict.pair("BaseFont", name: n) }
    /// /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>, as Identity-H requires.
    public mutating func identitySystemInfo() {
        dict.dict("CIDSystemInfo") { d in
            d.pair("Registry", literal: "Adobe".utf8)
            d.pair("Ordering", literal: "Identity".utf8)
            d.pair("Supplement", int: 0)
        }
    }
    public mutating func fontDescriptor(_ r: Ref) { dict.pair("FontDescriptor", ref: r) }
    public mutating func defaultWidth(_ w: Int) { dict.pair("DW", int: w) }
    /// /W in its compact form `c [w1 w2 …]` for runs of consecutive CIDs (§9.7.4.3).
    public mutating func widths(_ runs: [(first: Int, widths: [Int])]) {
        dict.array("W") { a in
            for run in runs {
                a.int(run.first)
                a.item()
                // The run's widths in one pointer pass (an integer is at most 20 bytes): a CIDFont lists
                // one width per glyph used, and appending them digit by digit cost ~160 instructions each.
                a.buffer.write(upTo: 2 + 21 * run.widths.count) { w in
                    w.byte(UInt8(ascii: "["))
                    for (k, width) in run.widths.enumerated() {
                        if k > 0 { w.byte(UInt8(ascii: " ")) }
                        w.int(width)
                    }
                    w.byte(UInt8(ascii: "]"))
                }
            }
        }
    }
    public mutating func cidToGIDMap(_ r: Ref) { dict.pair("CIDToGIDMap", ref: r) }
    public mutating func cidToGIDMapIdentity() { dict.pair("CIDToGIDMap", name: "Identity") }
}

/// A font descriptor (§9.8).
public struct FontDescriptor: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) { self.dict = dict; self.dict.pair("Type", name: "FontDescriptor") }
    public mutating func fontName(_ n: String) { dict.pair("FontName", name: n) }
    public mutating func flags(_ f: Int) { dict.pair("Flags", int: f) }
    public mutating func fontBBox(_ b: (Double, Double, Double, Double)) { dict.pair("FontBBox", rect: b) }
    public mutating func italicAngle(_ a: Double) { dict.pair("ItalicAngle", real: a) }
    public mutating func ascent(_ v: Double) { dict.pair("Ascent", real: v) }
    public mutating func descent(_ v: Double) { dict.pair("Descent", real: v) }
    public mutating func capHeight(_ v: Double) { dict.pair("CapHeight", real: v) }
    public mutating func stemV(_ v: Double) { dict.pair("StemV", real: v) }
    public mutating func fontFile2(_ r: Ref) { dict.pair("FontFile2", ref: r) }
}

/// An output intent (§14.11.5) with its ICC destination profile.
public struct OutputIntent: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) { self.dict = dict; self.dict.pair("Type", name: "OutputIntent") }
    /// /S /GTS_PDFA1: the subtype PDF/A-1, -2 and -3 all use (ISO 19005-2 §6.2.3).
    public mutating func pdfaSubtype() { dict.pair("S", name: "GTS_PDFA1") }
    public mutating func outputConditionIdentifier(_ s: String) { dict.pair("OutputConditionIdentifier", text: s) }
    public mutating func info(_ s: String) { dict.pair("Info", text: s) }
    public mutating func destOutputProfile(_ r: Ref) { dict.pair("DestOutputProfile", ref: r) }
}

/// The document information dictionary (§14.3.3). PDF/A-2 requires it to match the XMP metadata.
public struct DocumentInfo: TypedDict {
    public var dict: DictWriter
    public init(dict: DictWriter) { self.dict = dict }
    public mutating func title(_ s: String) { dict.pair("Title", text: s) }
    public mutating func author(_ s: String) { dict.pair("Author", text: s) }
    public mutating func subject(_ s: String) { dict.pair("Subject", text: s) }
    public mutating func keywords(_ s: String) { dict.pair("Keywords", text: s) }
    public mutating func creator(_ s: String) { dict.pair("Creator", text: s) }
    public mutating func producer(_ s: String) { dict.pair("Producer", text: s) }
    /// A date string `D:YYYYMMDDHHmmSS+00'00'` (§7.9.4), formatted by the caller.
    public mutating func creationDate(_ s: String) { dict.pair("CreationDate", literal: s.utf8) }
    public mutating func modDate(_ s: String) { dict.pair("ModDate", literal: s.utf8) }
}

/// A structure element (§14.7.2).
public struct StructElem: TypedDict {
    public var dict: DictWriter
    /// `/Type /StructElem` is optional (ISO 32000-1 Table 323) and left out: a tagged statement has
    /// hundreds of elements, and the bytes add up.
    public init(dict: DictWriter) { self.dict = dict }
    /// A writer to fill, write with `PDFFileWriter.write(_:_:)`, then empty with `removeAll()` and reuse.
    public init() { self.init(dict: DictWriter(buffer: ByteBuffer(capacity: 256))) }
    public mutating func removeAll() {
        dict.buffer.bytes.removeAll(keepingCapacity: true)
        dict.first = true
    }
    public mutating func role(_ s: String) { dict.pair("S", name: s) }

    /// `/S /Role /P n 0 R /Pg m 0 R`, the entries (nearly) every element has, as the element's first
    /// entries and in one write: a tagged statement has hundreds of elements. Falls back to the
    /// single setters for a role name that needs escaping.
    public mutating func role(_ s: String, parent: Ref, page: Ref?) {
        var name = s
        let written = dict.first && name.withUTF8 { utf8 -> Bool in
            guard PointerWriter.isPlainName(utf8) else { return false }
            dict.buffer.write(upTo: utf8.count + 64) { w in
                w.raw("/S /")
                w.bytes(utf8)
                w.raw(" /P ")
                w.ref(parent)
                if let page {
                    w.raw(" /Pg ")
                    w.ref(page)
                }
            }
            return true
        }
        if written {
            dict.first = false
        } else {
            role(s)
            self.parent(parent)
            if let page { self.page(page) }
        }
    }

    public mutating func parent(_ r: Ref) { dict.pair("P", ref: r) }
    public mutating func page(_ r: Ref) { dict.pair("Pg", ref: r) }
    public mutating func alt(_ s: String) { dict.pair("Alt", text: s) }
    public mutating func lang(_ s: String) { dict.pair("Lang", text: s) }
    public mutating func title(_ s: String) { dict.pair("T", text: s) }
    /// /K, the element's kids (MCIDs, MCR dictionaries, child elements), `count` of them written by
    /// `body`. Table 323 lets a single kid stand without an array and an element without kids omit
    /// /K: most elements of a tagged statement (a cell's paragraph, its text) have exactly one kid.
    @inlinable public mutating func kids(count: Int, _ body: (inout ArrayWriter) -> Void) {
        guard count > 0 else { return }
        guard count == 1 else {
            dict.array("K", body)
            return
        }
        dict.key("K")
        var writer = ArrayWriter(buffer: ByteBuffer())
        swap(&writer.buffer.bytes, &dict.buffer.bytes)
        body(&writer)
        swap(&writer.buffer.bytes, &dict.buffer.bytes)
    }

    /// /A << /O /Table /Scope /Column /ColSpan n >> (§14.8.5.7) for table cells.
    public mutating func tableAttributes(scope: StaticString?, columnSpan: Int) {
        dict.dict("A") { d in
            d.pair("O", name: "Table")
            if let scope { d.pair("Scope", name: scope) }
            if columnSpan > 1 { d.pair("ColSpan", int: columnSpan) }
        }
    }
}
