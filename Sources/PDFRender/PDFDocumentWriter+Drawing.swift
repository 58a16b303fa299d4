import Graphics
import PDFSyntax
import Typography

#if canImport(Glibc)
import Glibc
#endif

extension PDFDocumentWriter {
    // MARK: Text

    /// Draws a shaped glyph run at its origin (baseline start, frame coordinates).
    public func draw(_ run: GlyphRun) {
        let shaped = run.shaped
        guard inPage, shaped.count > 0 else { return }
        let face = faceIndex(run.font)
        // The font id of the run, or of its first glyph when its glyphs come from two fonts (`mixed`).
        let font: Int, exact: Bool, mixed: Bool
        // For a run of the shared subset alone: its TJ operation as an earlier document wrote it, or
        // the subset to give the one written here to.
        var written: [UInt8]?, remember: SharedSubset?
        let placed = shaped.offsets.isEmpty
        if faceFonts[face].shared < 0 {
            font = faceFonts[face].own
            exact = fontUsages[font].encode(run, into: &codes)
            mixed = false
        } else {
            let subset = sharedFonts[faceFonts[face].shared].subset
            if placed, let operation = subset.showOperation(for: shaped) {
                (font, mixed, written) = (-1 - faceFonts[face].shared, false, operation)
            } else {
                (font, mixed) = encodeShared(run, face: face)
                if placed && !mixed && font < 0 { remember = subset }
            }
            exact = shaped.eachGlyphHasText
        }
        let upem = Double(run.unitsPerEm)
        let height = page.size.height
        openText()
        if !exact { content.beginActualText(shaped.text) }
        setFill(run.color)
        selectFont(font, size: run.size)
        if placed {
            // The line start in hundredths of a point, as Td writes it. Td moves from the previous line
            // start (§9.4.2; BT starts from the origin), by a difference taken in the same hundredths, so
            // the position is exactly the one an absolute Td would give. Where the previous line start
            // is unknown, Tm sets the position outright; a run far off any sensible page, with doubles.
            if run.origin.x.magnitude < 1e9 && (height - run.origin.y).magnitude < 1e9 {
                let x = ByteBuffer.roundedToInt(run.origin.x * 100), y = ByteBuffer.roundedToInt((height - run.origin.y) * 100)
                if let from = page.text!.line {
                    content.moveText(centiX: x - from.x, centiY: y - from.y)
                } else {
                    content.setTextPosition(centiX: x, centiY: y)
                }
                page.text!.line = (x, y)
            } else {
                content.setTextMatrix(1, 0, 0, 1, run.origin.x, height - run.origin.y)
                page.text!.line = nil
            }
            if let written {
                content.buffer.bytes.append(contentsOf: written)
            } else if mixed {
                showMixedGlyphs(shaped, size: run.size, upem: upem)
            } else {
                let start = content.buffer.count
                Self.showGlyphs(shaped, naturals: naturals(font), upem: upem, codes: &codes,
                                adjustments: &adjustments, into: &content)
                remember?.remember(showOperation: content.buffer.bytes[start...], for: shaped)
            }
        } else {
            // Marks and other offset glyphs: place each glyph on its own.
            var pen = 0.0
            let k = run.size / upem
            // Copies of the arrays: a rare path (combining marks).
            let offsets = shaped.offsets, advances = shaped.advances
            for i in 0..<shaped.count {
                if mixed { selectFont(codeFonts[i], size: run.size) }
                let dx = Double(offsets[i].x) * k, dy = Double(offsets[i].y) * k
                content.setTextMatrix(1, 0, 0, 1, run.origin.x + pen + dx, height - run.origin.y + dy)
                let code = codes[i]
                withUnsafePointer(to: code) { p in
                    content.showGlyphs(UnsafeBufferPointer(start: p, count: 1), adjustments: nil)
                }
                pen += Double(advances[i]) * k
            }
            page.text!.line = nil
        }
        // The replacement text's sequence, begun inside the text object, ends inside it.
        if !exact { content.endMarkedContent() }
    }

    /// Writes BT unless a text object is open.
    private func openText() {
        guard page.text == nil else { return }
        content.beginText()
        page.text = TextObject(depth: page.markedDepth, line: (0, 0))
    }

    /// Writes ET if a text object is open, before something a text object cannot hold (a path, an
    /// image, a clip, marked content that is not only text) or at the end of the page.
    func closeText() {
        guard let text = page.text else { return }
        // ET inside a sequence begun after BT would interleave the two (§14.6): only a broken textOnly
        // promise gets here.
        precondition(page.markedDepth == text.depth,
                     "marked content begun with textOnly: true holds something other than glyph runs")
        content.endText()
        page.text = nil
    }

    /// Writes Tf unless `font` at `size` is already selected.
    private func selectFont(_ font: Int, size: Double) {
        if page.font == nil || page.font! != (font, size) {
            content.setFont(resource(font).name, size: size)
            page.font = (font, size)
        }
    }

    /// The resource name and object of the font `font` (a font id: ≥ 0 the document's own subset,
    /// −1 − i the shared subset `sharedFonts[i]`).
    func resource(_ font: Int) -> (name: String, ref: Ref) {
        font >= 0 ? (fontUsages[font].resourceName, fontUsages[font].ref) : (sharedFonts[-1 - font].name, sharedFonts[-1 - font].ref)
    }

    /// Each CID's advance in thousandths of an em, of the font `font`.
    private func naturals(_ font: Int) -> [Int32] {
        font >= 0 ? fontUsages[font].naturalForCID : sharedFonts[-1 - font].subset.naturalForCID
    }

    /// Writes into `codes` the CID of each glyph of `run`, whose face has a shared subset: from the
    /// shared subset when it holds the glyph for the same text, else from the document's own subset of
    /// the face (made on first need). Returns the font of the first glyph, and whether the run needs
    /// both fonts (then `codeFonts` holds each glyph's font).
    private func encodeShared(_ run: GlyphRun, face: Int) -> (font: Int, mixed: Bool) {
        let shaped = run.shaped
        let n = shaped.count
        if codes.count < n { codes.append(contentsOf: repeatElement(0, count: n - codes.count)) }
        let sharedIndex = faceFonts[face].shared
        let subset = sharedFonts[sharedIndex].subset
        let sharedID = -1 - sharedIndex
        // Most runs draw only glyphs of the shared subset: their CIDs read through buffer pointers, up to
        // the first glyph that is not there.
        let shared = subset.encode(shaped, into: &codes)
        if shared == n { return (sharedID, false) }
        if codeFonts.count < n { codeFonts.append(contentsOf: repeatElement(0, count: n - codeFonts.count)) }
        var first = sharedID, mixed = false
        for i in 0..<shared { codeFonts[i] = sharedID }
        shaped.withArrays { a in
            for i in shared..<n {
                let font: Int
                if let cid = subset.cid(glyph: a.glyphs[i], text: a.texts[i]) {
                    codes[i] = cid
                    font = sharedID
                } else {
                    if faceFonts[face].own < 0 { faceFonts[face].own = addOwnFont(run.font) }
                    font = faceFonts[face].own
                    codes[i] = fontUsages[font].code(at: i, a, in: shaped)
                }
                codeFonts[i] = font
                if i == 0 { first = font } else if font != first { mixed = true }
            }
        }
        return (first, mixed)
    }

    /// The glyphs of a run whose CIDs (`codes`) come from two fonts (`codeFonts`): one TJ per stretch of
    /// one font, Tf between them. An adjustment due before a stretch's first glyph opens its TJ array,
    /// which moves the pen the same way as at the end of the previous one.
    private func showMixedGlyphs(_ shaped: ShapedGlyphs, size: Double, upem: Double) {
        let n = shaped.count
        if adjustments.count < n { adjustments.append(contentsOf: repeatElement(0, count: n - adjustments.count)) }
        adjustments[0] = 0
        var start = 0
        while start < n {
            let font = codeFonts[start]
            var end = start + 1
            while end < n && codeFonts[end] == font { end += 1 }
            // The adjustments after each glyph of the stretch, from its font's widths.
            let naturalOf = naturals(font)
            shaped.withArrays { a in
                for i in start..<min(end, n - 1) {
                    let advance = Double(a.advances[i]) * 1000 / upem
                    adjustments[i + 1] = Int32(truncatingIfNeeded:
                        ByteBuffer.roundedToInt(Double(naturalOf[Int(codes[i])]) - advance))
                }
            }
            selectFont(font, size: size)
            codes.withUnsafeBufferPointer { cids in
                adjustments.withUnsafeBufferPointer { adjust in
                    content.showGlyphs(UnsafeBufferPointer(rebasing: cids[start..<end]),
                                       adjustments: UnsafeBufferPointer(rebasing: adjust[start..<end]))
                }
            }
            start = end
        }
    }

    /// Writes the glyphs of `shaped`, whose CIDs are `codes[0..<n]`, as one TJ. Glyph i advances by its
    /// /W width; the shaped advance may differ (kerning, justification): the difference goes into the TJ
    /// array before glyph i + 1, in thousandths of an em. `codes` and `adjustments` are scratch arrays
    /// that only grow; this run uses their first n. Static, with the writer's arrays and content given
    /// in-out: read through `self` they were retained and released around each run.
    private static func showGlyphs(_ shaped: ShapedGlyphs, naturals: [Int32], upem: Double, codes: inout [UInt16],
                                   adjustments: inout [Int32], into content: inout ContentStream) {
        let n = shaped.count
        if adjustments.count < n { adjustments.append(contentsOf: repeatElement(0, count: n - adjustments.count)) }
        // A glyph's natural advance is its CID's (a CID stands for one glyph), computed once per CID.
        adjustments.withUnsafeMutableBufferPointer { adjust in
            codes.withUnsafeBufferPointer { cids in
                naturals.withUnsafeBufferPointer { naturalOf in
                    shaped.withArrays { glyphs in
                        let advances = glyphs.advances
                        adjust[0] = 0
                        for i in 0..<(n - 1) {
                            let natural = naturalOf[Int(cids[i])]
                            let shaped = Double(advances[i]) * 1000 / upem
                            adjust[i + 1] = Int32(truncatingIfNeeded: ByteBuffer.roundedToInt(Double(natural) - shaped))
                        }
                    }
                }
                content.showGlyphs(UnsafeBufferPointer(rebasing: cids[0..<n]),
                                   adjustments: UnsafeBufferPointer(rebasing: adjust[0..<n]))
            }
        }
    }

    /// The index in `faceFonts` of the face `handle`, its fonts added on first use.
    func faceIndex(_ handle: FontHandle) -> Int {
        // Consecutive runs mostly share their face: skip the search then.
        if handle.index == lastFont.handle { return lastFont.index }
        if let i = fontHandles.firstIndex(of: handle.index) {
            lastFont = (handle.index, i)
            return i
        }
        let i = faceFonts.count
        if let subset = sharedSubsets?.subset(for: handle) {
            sharedFonts.append((subset, file.allocate(), "F" + String(fontOrder.count + 1)))
            fontOrder.append(-sharedFonts.count)
            faceFonts.append(FaceFonts(own: -1, shared: sharedFonts.count - 1))
        } else {
            faceFonts.append(FaceFonts(own: addOwnFont(handle), shared: -1))
        }
        fontHandles.append(handle.index)
        lastFont = (handle.index, i)
        return i
    }

    /// Adds a font whose subset this document makes, for the face `handle`; returns its font id.
    private func addOwnFont(_ handle: FontHandle) -> Int {
        let id = fontUsages.count
        fontUsages.append(FontUsage(face: fonts.face(handle), resourceName: "F" + String(fontOrder.count + 1),
                                    ref: file.allocate(), numbering: ownCIDs))
        fontOrder.append(id)
        return id
    }

    // MARK: Paths

    public func draw(_ path: Path, style: PathStyle) {
        // An empty path paints nothing; writing `f`/`S`/`B` without a current path is an error readers
        // merely tolerate (a path object starts with m or re, ISO 32000-1 §8.5.2).
        guard inPage, style.fill != nil || style.stroke != nil, !path.elements.isEmpty else { return }
        closeText()
        let dashed = !(style.stroke?.dash.isEmpty ?? true)
        if dashed {
            content.saveState()
            content.setDash(style.stroke!.dash, phase: 0)
        }
        if let fill = style.fill { setFill(fill) }
        if let stroke = style.stroke {
            setStroke(stroke.color)
            if page.lineWidth != stroke.width {
                content.setLineWidth(stroke.width)
                page.lineWidth = stroke.width
            }
        }
        if style.fill != nil || dashed || !appendMergedSegments(path) { append(path) }
        switch (style.fill != nil, style.stroke != nil) {
        case (true, true): content.fillAndStroke(evenOdd: style.evenOdd)
        case (true, false): content.fill(evenOdd: style.evenOdd)
        default: content.stroke()
        }
        if dashed {
            content.restoreState()
            resetTrackedState()
        }
    }

    public func pushClip(_ path: Path) {
        guard inPage else { return }
        closeText()
        content.saveState()
        // An empty clip path clips everything away; say so with an empty rectangle rather than `W n`
        // without a current path, which is undefined (§8.5.4).
        if path.elements.isEmpty { content.rect(0, 0, 0, 0) } else { append(path) }
        content.clip()
        page.clipDepth += 1
    }

    public func popClip() {
        guard inPage, page.clipDepth > 0 else { return }
        closeText()
        content.restoreState()
        page.clipDepth -= 1
        resetTrackedState()
    }

    private func append(_ path: Path) {
        let h = page.size.height
        for element in path.elements {
            switch element {
            case .move(let p): content.moveTo(p.x, h - p.y)
            case .line(let p): content.lineTo(p.x, h - p.y)
            case .cubic(let a, let b, let c): content.curveTo(a.x, h - a.y, b.x, h - b.y, c.x, h - c.y)
            case .rect(let r): content.rect(r.minX, h - r.maxY, r.width, r.height)
            case .close: content.closePath()
            }
        }
    }

    /// Writes a stroked path made only of separate horizontal and vertical segments (`m l` pairs: a
    /// table grid draws each cell's border on its own) as the fewest segments that cover the same
    /// points: collinear segments that touch or overlap are joined, so a column rule is one line per
    /// page instead of one per row. With butt caps (the default, never changed here) and no dash, the
    /// stroke of the joined segment is exactly the union of the parts. Coordinates are compared after
    /// rounding to the 0.01 pt the stream is written with, so "touching" means touching in the file.
    /// Returns false, writing nothing, for any other path.
    private func appendMergedSegments(_ path: Path) -> Bool {
        let elements = path.elements
        guard elements.count >= 4, elements.count % 2 == 0 else { return false }
        let h = page.size.height
        // (line, from, to): y and x range for horizontals, x and y range for verticals.
        var horizontal: [(Int, Int, Int)] = [], vertical: [(Int, Int, Int)] = []
        horizontal.reserveCapacity(elements.count / 2)
        vertical.reserveCapacity(elements.count / 2)
        var i = 0
        while i < elements.count {
            guard case .move(let a) = elements[i], case .line(let b) = elements[i + 1] else { return false }
            guard a.x.magnitude < 1e9, b.x.magnitude < 1e9, a.y.magnitude < 1e9, b.y.magnitude < 1e9 else { return false }
            let ax = ByteBuffer.roundedToInt(a.x * 100), ay = ByteBuffer.roundedToInt((h - a.y) * 100)
            let bx = ByteBuffer.roundedToInt(b.x * 100), by = ByteBuffer.roundedToInt((h - b.y) * 100)
            if ay == by {
                horizontal.append((ay, min(ax, bx), max(ax, bx)))
            } else if ax == bx {
                vertical.append((ax, min(ay, by), max(ay, by)))
            } else {
                return false
            }
            i += 2
        }
        writeMerged(horizontal, horizontal: true)
        writeMerged(vertical, horizontal: false)
        return true
    }

    private func writeMerged(_ segments: [(Int, Int, Int)], horizontal: Bool) {
        let sorted = Self.sortedSegments(segments)
        var index = 0
        while index < sorted.count {
            var (line, from, to) = sorted[index]
            index += 1
            while index < sorted.count, sorted[index].0 == line, sorted[index].1 <= to {
                to = max(to, sorted[index].2)
                index += 1
            }
            if horizontal {
                content.moveTo(centiX: from, centiY: line)
                content.lineTo(centiX: to, centiY: line)
            } else {
                content.moveTo(centiX: line, centiY: from)
                content.lineTo(centiX: line, centiY: to)
            }
        }
    }

    /// The segments in (line, from, to) order. Coordinates within ±10 km fit in 21 bits each once
    /// offset, so the three pack into one integer whose order is theirs: sorting integers costs a
    /// fraction of sorting tuples through a comparison closure.
    static func sortedSegments(_ segments: [(Int, Int, Int)]) -> [(Int, Int, Int)] {
        let bias = 1 << 20
        guard segments.allSatisfy({ abs($0.0) < bias && abs($0.1) < bias && abs($0.2) < bias }) else {
            return segments.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        }
        let keys = segments.map { UInt64($0.0 + bias) << 42 | UInt64($0.1 + bias) << 21 | UInt64($0.2 + bias) }.sorted()
        let mask: UInt64 = (1 << 21) - 1
        return keys.map { (Int($0 >> 42) - bias, Int($0 >> 21 & mask) - bias, Int($0 & mask) - bias) }
    }

    private func setFill(_ color: Color) {
        guard page.fill != color else { return }
        switch color {
        case .gray(let v): content.setFillGray(v)
        case .rgb(let r, let g, let b): content.setFillRGB(r, g, b)
        }
        page.fill = color
    }

    private func setStroke(_ color: Color) {
        guard page.stroke != color else { return }
        switch color {
        case .gray(let v): content.setStrokeGray(v)
        case .rgb(let r, let g, let b): content.setStrokeRGB(r, g, b)
        }
        page.stroke = color
    }

    private func resetTrackedState() {
        page.fill = nil
        page.stroke = nil
        page.lineWidth = nil
        page.font = nil
    }

    // MARK: Images

    /// Draws a PNG file scaled into `rect`. The image is embedded once per document however often it
    /// is drawn, and decoded and compressed once per process.
    public func drawImage(path: String, in rect: Rect) throws(PDFRenderError) {
        try drawImage(.file(path), in: rect)
    }

    /// Draws a PNG image, from a file or from memory, scaled into `rect`.
    public func drawImage(_ source: ImageSource, in rect: Rect) throws(PDFRenderError) {
        guard inPage else { throw PDFRenderError(.invalidState, "drawImage outside a page") }
        let index = try imageIndex(source)
        let h = page.size.height
        closeText()
        content.saveState()
        content.transform(rect.width, 0, 0, rect.height, rect.minX, h - rect.maxY)
        content.drawXObject(images[index].name)
        content.restoreState()
        if images[index].hasAlpha { page.usesTransparency = true }
    }

    private func imageIndex(_ source: ImageSource) throws(PDFRenderError) -> Int {
        switch source {
        case .file(let path):
            if let i = imageIndexByPath[path] { return i }
            let i = try imageIndex(png: try Self.readImageFile(path), name: path)
            imageIndexByPath[path] = i
            return i
        case .png(let name, let bytes):
            // No file to read: a layout's logo costs a hash per page instead of five system calls.
            return try imageIndex(png: bytes, name: name)
        }
    }

    /// The process-wide cache is keyed by the image's *content*, not its path: a file rewritten under the
    /// same path (a per-document picture on a reused temporary path) was served stale. Hashing the bytes
    /// is cheap next to decoding and compressing them.
    private func imageIndex(png bytes: [UInt8], name: String) throws(PDFRenderError) -> Int {
        let level = deflater.level
        let deflater = self.deflater
        var hash = StableHash()
        hash.update(bytes)
        let (h1, h2) = hash.finish()
        let key = String(level) + ":" + String(h1, radix: 16) + ":" + String(h2, radix: 16)
        let data = try cache.image(key) { () throws(PDFRenderError) -> RenderCache.ImageData in
            let decoded = try PNGDecoder.decode(bytes, path: name)
            return RenderCache.ImageData(width: decoded.width, height: decoded.height,
                                         colorComponents: decoded.colorComponents,
                                         samples: deflater.compress(PNGPredictor.encode(
                                             decoded.samples, width: decoded.width, components: decoded.colorComponents)),
                                         alpha: decoded.alpha.map {
                                             deflater.compress(PNGPredictor.encode($0, width: decoded.width, components: 1))
                                         },
                                         digest: h1)
        }
        if let same = images.firstIndex(where: { $0.digest == data.digest }) { return same }
        let ref = file.allocate()
        var maskRef: Ref?
        if let alpha = data.alpha {
            let m = file.allocate()
            maskRef = m
            file.stream(m, data: alpha) { d in
                d.pair("Type", name: "XObject")
                d.pair("Subtype", name: "Image")
                d.pair("Width", int: data.width)
                d.pair("Height", int: data.height)
                d.pair("ColorSpace", name: "DeviceGray")
                d.pair("BitsPerComponent", int: 8)
                d.pair("Filter", name: "FlateDecode")
                Self.predictorParms(&d, columns: data.width, colors: 1)
            }
        }
        file.stream(ref, data: data.samples) { d in
            d.pair("Type", name: "XObject")
            d.pair("Subtype", name: "Image")
            d.pair("Width", int: data.width)
            d.pair("Height", int: data.height)
            d.pair("ColorSpace", name: data.colorComponents == 3 ? "DeviceRGB" : "DeviceGray")
            d.pair("BitsPerComponent", int: 8)
            d.pair("Filter", name: "FlateDecode")
            Self.predictorParms(&d, columns: data.width, colors: data.colorComponents)
            if let maskRef { d.pair("SMask", ref: maskRef) }
        }
        images.append((name: "Im" + String(images.count + 1), ref: ref, digest: data.digest, hasAlpha: data.alpha != nil))
        return images.count - 1
    }

    /// `/DecodeParms << /Predictor 15 … >>`: rows carry their PNG filter type (§7.4.4.4).
    static func predictorParms(_ d: inout DictWriter, columns: Int, colors: Int) {
        d.dict("DecodeParms") { p in
            p.pair("Predictor", int: 15)
            p.pair("Colors", int: colors)
            p.pair("BitsPerComponent", int: 8)
            p.pair("Columns", int: columns)
        }
    }

    static func readImageFile(_ path: String) throws(PDFRenderError) -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw PDFRenderError(.imageNotFound, "image \(path) not found or not readable")
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        // An uninitialised chunk: zero-filling 64 KiB cost more than reading a small logo.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
            while true {
                let n = fread(chunk.baseAddress, 1, chunk.count, f)
                if n > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<n])) }
                if n < chunk.count { break }
            }
        }
        return bytes
    }

    // MARK: Marked content

    /// Starts content that belongs to structure node `node` (tagged PDF, ISO 32000-1 §14.7.4).
    ///
    /// - Parameter textOnly: a promise that everything up to the matching `endStructure` is glyph runs
    ///   (or marked content holding only glyph runs; `holdsOnlyText` tells for a frame's items). The
    ///   sequence then goes inside the open text object, and the runs after it can continue that
    ///   object. Drawing anything else before its end breaks the promise and stops the program.
    public func beginStructure(node: Int, textOnly: Bool = false) {
        guard inPage else { return }
        if textOnly { openText() } else { closeText() }
        let pageIndex = pageRefs.count
        let mcid = mcidNodes[pageIndex].count
        mcidNodes[pageIndex].append(node)
        marks.append(Mark(node: Int32(truncatingIfNeeded: node), page: Int32(pageIndex), mcid: Int32(mcid)))
        content.beginMarkedContent((structure?.role(of: node) ?? "Span").name, mcid: mcid)
        page.markedDepth += 1
    }

    public func endStructure() {
        guard inPage, page.markedDepth > 0 else { return }
        // A text object begun inside this sequence ends before it does.
        if let text = page.text, text.depth == page.markedDepth { closeText() }
        content.endMarkedContent()
        page.markedDepth -= 1
    }

    /// Starts content outside the logical structure; `pagination` for running headers and footers.
    /// `textOnly` as for `beginStructure`.
    public func beginArtifact(pagination: Bool, textOnly: Bool = false) {
        guard inPage else { return }
        if textOnly { openText() } else { closeText() }
        content.beginArtifact(pagination: pagination)
        page.markedDepth += 1
    }

    public func endArtifact() { endStructure() }
}
