/// How the cross-reference section is written (ISO 32000-1 §7.5.4 table, §7.5.8 streams).
public enum XRefStyle: Sendable, Equatable {
    /// Classic `xref` table and `trailer` dictionary: 20 bytes per object, readable by every reader.
    case table
    /// A cross-reference stream, with small non-stream objects packed into compressed object streams
    /// (§7.5.7) of at most `objectsPerStream` objects.
    case compressed(objectsPerStream: Int)
}

/// Writes the file structure: header, indirect objects, cross-reference section and trailer (§7.5).
/// It owns the object numbering; bytes accumulate in `pending` until the owner drains them to its sink,
/// so a long document streams out object by object.
public struct PDFFileWriter {
    private enum Entry { case unwritten, offset(Int), packed(stream: Int32, index: Int) }

    public let style: XRefStyle
    public private(set) var pending: ByteBuffer
    private var drained = 0
    private var entries: [Entry] = [.unwritten]
    private var refs = RefAllocator()
    private let compress: ([UInt8]) -> [UInt8]
    // Object stream under construction (compressed style only).
    private var packedHeader = ByteBuffer()
    private var packedBody = ByteBuffer()
    private var packedRefs: [Ref] = []

    /// - Parameter compress: Flate encoder used for object and cross-reference streams (PDFSyntax has
    ///   no zlib of its own: the renderer injects it).
    public init(style: XRefStyle, version: StaticString = "1.7", capacity: Int = 16 * 1024,
                compress: @escaping ([UInt8]) -> [UInt8]) {
        self.style = style
        self.compress = compress
        pending = ByteBuffer(capacity: capacity)
        pending.append(raw: "%PDF-")
        pending.append(raw: version)
        // A comment of four bytes above 127 marks the file as binary (§7.5.2; required by PDF/A-2 §6.1.2).
        pending.append([0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A] as [UInt8])
    }

    /// Total bytes produced so far, drained or not: the offset the next byte will have in the file.
    public var position: Int { drained + pending.count }

    /// Hands out the next object number.
    public mutating func allocate() -> Ref {
        let ref = refs.next()
        entries.append(.unwritten)
        return ref
    }

    /// Removes and returns the bytes produced since the last drain.
    public mutating func drain() -> [UInt8] {
        drained += pending.count
        return pending.take()
    }

    /// Writes a non-stream object. In compressed style it goes into the current object stream.
    public mutating func object(_ ref: Ref, _ body: (inout ByteBuffer) -> Void) {
        guard case .compressed(let perStream) = style else {
            beginObject(ref)
            body(&pending)
            pending.append(raw: "\nendobj\n")
            return
        }
        let offset = packedBody.count
        packedHeader.append(upTo: 42) { p in
            var n = ByteBuffer.write(int: Int(ref.number), to: p)
            p[n] = UInt8(ascii: " ")
            n += 1
            n += ByteBuffer.write(int: offset, to: p + n)
            p[n] = UInt8(ascii: " ")
            return n + 1
        }
        body(&packedBody)
        packedBody.append(UInt8(ascii: "\n"))
        packedRefs.append(ref)
        if packedRefs.count >= perStream { flushObjectStream() }
    }

    /// Writes a non-stream object of at most `maxCount` bytes through a pointer (see `PointerWriter`).
    @inlinable public mutating func object(_ ref: Ref, upTo maxCount: Int, _ body: (inout PointerWriter) -> Void) {
        object(ref) { $0.write(upTo: maxCount, body) }
    }

    /// Writes a dictionary object.
    public mutating func dictionary(_ ref: Ref, _ body: (inout DictWriter) -> Void) {
        object(ref) { $0.dict(body) }
    }

    /// Writes a stream object with `data` as its (already encoded) bytes; `/Length` is added here.
    public mutating func stream(_ ref: Ref, data: [UInt8], _ dict: (inout DictWriter) -> Void) {
        data.withUnsafeBufferPointer { stream(ref, data: $0, dict) }
    }

    public mutating func stream(_ ref: Ref, data: UnsafeBufferPointer<UInt8>,
                                _ dict: (inout DictWriter) -> Void) {
        beginObject(ref)
        pending.dict { d in
            dict(&d)
            d.pair("Length", int: data.count)
        }
        pending.append(raw: "\nstream\n")
        pending.bytes.append(contentsOf: data)
        pending.append(raw: "\nendstream\nendobj\n")
    }

    /// Ends the file: pending object stream, cross-reference section, trailer with `/Root`, `/Info`
    /// and `/ID` (§14.4: the two identifiers are equal in a file never updated).
    public mutating func finish(root: Ref, info: Ref?, id: [UInt8]) {
        flushObjectStream()
        switch style {
        case .table: writeXRefTable(root: root, info: info, id: id)
        case .compressed: writeXRefStream(root: root, info: info, id: id)
        }
    }

    // MARK: - Internals

    private mutating func beginObject(_ ref: Ref) {
        guard case .unwritten = entries[Int(ref.number)] else {
            preconditionFailure("object \(ref.number) written twice")
        }
        entries[Int(ref.number)] = .offset(position)
        pending.append(int: Int(ref.number))
        pending.append(raw: " 0 obj\n")
    }

    /// Writes the object stream under construction (compressed style) into `pending` now, so that a
    /// caller hashing `pending` before `finish` sees every object. No-op when nothing is packed.
    public mutating func flushObjectStream() {
        guard !packedRefs.isEmpty else { return }
        let ref = allocate()
        for (i, r) in packedRefs.enumerated() {
            entries[Int(r.number)] = .packed(stream: ref.number, index: i)
        }
        let first = packedHeader.count + 1
        var raw = packedHeader.take()
        raw.append(UInt8(ascii: "\n"))
        raw.append(contentsOf: packedBody.take())
        let encoded = compress(raw)
        let count = packedRefs.count
        packedRefs.removeAll(keepingCapacity: true)
        stream(ref, data: encoded) { d in
            d.pair("Type", name: "ObjStm")
            d.pair("N", int: count)
            d.pair("First", int: first)
            d.pair("Filter", name: "FlateDecode")
        }
    }

    private func checkAllWritten() {
        for n in entries.indices.dropFirst() {
            if case .unwritten = entries[n] { preconditionFailure("object \(n) allocated but never written") }
        }
    }

    private mutating func writeXRefTable(root: Ref, info: Ref?, id: [UInt8]) {
        checkAllWritten()
        let start = position
        pending.append(raw: "xref\n0 ")
        pending.append(int: entries.count)
        pending.append(raw: "\n0000000000 65535 f\r\n")
        for e in entries.dropFirst() {
            guard case .offset(let off) = e else { continue }
            var digits = [UInt8](repeating: 48, count: 10)
            var v = off
            var i = 9
            while v > 0 { digits[i] = UInt8(v % 10) + 48; v /= 10; i -= 1 }
            pending.append(digits)
            pending.append(raw: " 00000 n\r\n")
        }
        pending.append(raw: "trailer\n")
        pending.dict { d in Self.trailerPairs(&d, size: entries.count, root: root, info: info, id: id) }
        endFile(startxref: start)
    }

    private mutating func writeXRefStream(root: Ref, info: Ref?, id: [UInt8]) {
        let ref = allocate()
        let start = position
        // The stream lists itself: its entry is the offset it is about to be written at.
        entries[Int(ref.number)] = .offset(start)
        checkAllWritten()
        entries[Int(ref.number)] = .unwritten
        // Field widths (§7.5.8.3): type in one byte; offsets and object-stream numbers, then generations
        // and indices, in as few bytes as the largest needs (a 24 KB relevé: 1, 2, 2 instead of 1, 4, 2).
        // Entry 0 is the head of the free list, generation 65535; the stream's own entry is `start`.
        let own = Int(ref.number)
        var maxA = start, maxB = 0xFFFF
        for e in entries {
            switch e {
            case .unwritten: break
            case .offset(let off): maxA = max(maxA, off)
            case .packed(let s, let i): maxA = max(maxA, Int(s)); maxB = max(maxB, i)
            }
        }
        let w2 = Self.byteWidth(maxA)
        let w3 = Self.byteWidth(maxB)
        // Rows go through the PNG Up predictor (§7.4.4.4, /Predictor 12): each byte less the one above
        // it. Consecutive entries differ by a small step (offsets grow, indices count up), so the rows
        // become mostly zeros and ones, which compress to a fraction of the raw entries. Written in one
        // pass over the entries, straight into the row buffer.
        let columns = 1 + w2 + w3
        var rows = [UInt8](repeating: 0, count: entries.count * (1 + columns))
        rows.withUnsafeMutableBufferPointer { out in
            entries.withUnsafeBufferPointer { entries in
                var previous: (type: Int, a: Int, b: Int) = (0, 0, 0)
                var at = 0
                for n in entries.indices {
                    let r: (type: Int, a: Int, b: Int)
                    switch entries[n] {
                    case .unwritten: r = n == own ? (1, start, 0) : (0, 0, 0xFFFF)
                    case .offset(let off): r = (1, off, 0)
                    case .packed(let s, let i): r = (2, Int(s), i)
                    }
                    // Wrapping arithmetic and masking shifts (every shift is below 64): the checked `>>`
                    // tested its amount's range at each byte, which cost more than the byte.
                    out[at] = 2  // PNG filter type Up
                    out[at &+ 1] = UInt8(truncatingIfNeeded: r.type &- previous.type)
                    var shift = 8 &* w2
                    for k in 0..<w2 {
                        shift &-= 8
                        out[at &+ 2 &+ k] = UInt8(truncatingIfNeeded: r.a &>> shift) &- UInt8(truncatingIfNeeded: previous.a &>> shift)
                    }
                    shift = 8 &* w3
                    for k in 0..<w3 {
                        shift &-= 8
                        out[at &+ 2 &+ w2 &+ k] = UInt8(truncatingIfNeeded: r.b &>> shift) &- UInt8(truncatingIfNeeded: previous.b &>> shift)
                    }
                    previous = r
                    at &+= 1 &+ columns
                }
            }
        }
        let size = entries.count
        stream(ref, data: compress(rows)) { d in
            d.pair("Type", name: "XRef")
            d.array("W") { a in a.int(1); a.int(w2); a.int(w3) }
            d.pair("Filter", name: "FlateDecode")
            d.dict("DecodeParms") { p in
                p.pair("Predictor", int: 12)
                p.pair("Columns", int: columns)
            }
            Self.trailerPairs(&d, size: size, root: root, info: info, id: id)
        }
        endFile(startxref: start)
    }

    /// Bytes needed to write `v` big-endian (at least one).
    static func byteWidth(_ v: Int) -> Int {
        var width = 1
        while width < 8 && v >> (8 * width) != 0 { width += 1 }
        return width
    }

    private static func trailerPairs(_ d: inout DictWriter, size: Int, root: Ref, info: Ref?, id: [UInt8]) {
        d.pair("Size", int: size)
        d.pair("Root", ref: root)
        if let info { d.pair("Info", ref: info) }
        d.array("ID") { a in
            a.item(); a.buffer.append(hex: id)
            a.item(); a.buffer.append(hex: id)
        }
    }

    private mutating func endFile(startxref: Int) {
        pending.append(raw: "\nstartxref\n")
        pending.append(int: startxref)
        pending.append(raw: "\n%%EOF\n")
    }
}
