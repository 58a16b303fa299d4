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
        guard page != nil, !run.glyphs.isEmpty else { return }
        let index = fontIndex(run.font)
        let exact = fontUsages[index].encode(run, into: &codes)
        let face = fontUsages[index].face
        let upem = Double(run.unitsPerEm)
        let height = page!.size.height
        setFill(run.color)
        if !exact { content.beginActualText(run.text) }
        content.beginText()
        if page!.font == nil || page!.font! != (index, run.size) {
            content.setFont(fontUsages[index].resourceName, size: run.size)
            page!.font = (index, run.size)
        }
        if run.offsets.isEmpty {
            // BT resets the text matrix to the identity, so a Td from there is an absolute position.
            content.moveText(run.origin.x, height - run.origin.y)
            // Glyph i advances by its /W width; the shaped advance may differ (kerning, justification):
            // the difference goes into the TJ array before glyph i + 1, in thousandths of an em.
            adjustments.removeAll(keepingCapacity: true)
            adjustments.append(0)
            for i in 0..<(run.glyphs.count - 1) {
                let natural = (Double(face.advance(of: run.glyphs[i])) * 1000 / upem).rounded()
                let shaped = Double(run.advances[i]) * 1000 / upem
                adjustments.append(Int32((natural - shaped).rounded()))
            }
            codes.withUnsafeBufferPointer { c in
                adjustments.withUnsafeBufferPointer { a in content.showGlyphs(c, adjustments: a) }
            }
        } else {
            // Marks and other offset glyphs: place each glyph on its own.
            var pen = 0.0
            let k = run.size / upem
            for i in 0..<run.glyphs.count {
                let dx = Double(run.offsets[i].x) * k, dy = Double(run.offsets[i].y) * k
                content.setTextMatrix(1, 0, 0, 1, run.origin.x + pen + dx, height - run.origin.y + dy)
                let code = codes[i]
                withUnsafePointer(to: code) { p in
                    content.showGlyphs(UnsafeBufferPointer(start: p, count: 1), adjustments: nil)
                }
                pen += Double(run.advances[i]) * k
            }
        }
        content.endText()
        if !exact { content.endMarkedContent() }
    }

    func fontIndex(_ handle: FontHandle) -> Int {
        if let i = fontIndexByHandle[handle.index] { return i }
        let i = fontUsages.count
        fontUsages.append(FontUsage(face: fonts.face(handle), resourceName: "F" + String(i + 1), ref: file.allocate()))
        fontIndexByHandle[handle.index] = i
        return i
    }

    // MARK: Paths

    public func draw(_ path: Path, style: PathStyle) {
        // An empty path paints nothing; writing `f`/`S`/`B` without a current path is an error readers
        // merely tolerate (a path object starts with m or re, ISO 32000-1 §8.5.2).
        guard page != nil, style.fill != nil || style.stroke != nil, !path.elements.isEmpty else { return }
        let dashed = !(style.stroke?.dash.isEmpty ?? true)
        if dashed {
            content.saveState()
            content.setDash(style.stroke!.dash, phase: 0)
        }
        if let fill = style.fill { setFill(fill) }
        if let stroke = style.stroke {
            setStroke(stroke.color)
            if page!.lineWidth != stroke.width {
                content.setLineWidth(stroke.width)
                page!.lineWidth = stroke.width
            }
        }
        append(path)
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
        guard page != nil else { return }
        content.saveState()
        // An empty clip path clips everything away; say so with an empty rectangle rather than `W n`
        // without a current path, which is undefined (§8.5.4).
        if path.elements.isEmpty { content.rect(0, 0, 0, 0) } else { append(path) }
        content.clip()
        page!.clipDepth += 1
    }

    public func popClip() {
        guard page != nil, page!.clipDepth > 0 else { return }
        content.restoreState()
        page!.clipDepth -= 1
        resetTrackedState()
    }

    private func append(_ path: Path) {
        let h = page!.size.height
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

    private func setFill(_ color: Color) {
        guard page!.fill != color else { return }
        switch color {
        case .gray(let v): content.setFillGray(v)
        case .rgb(let r, let g, let b): content.setFillRGB(r, g, b)
        }
        page!.fill = color
    }

    private func setStroke(_ color: Color) {
        guard page!.stroke != color else { return }
        switch color {
        case .gray(let v): content.setStrokeGray(v)
        case .rgb(let r, let g, let b): content.setStrokeRGB(r, g, b)
        }
        page!.stroke = color
    }

    private func resetTrackedState() {
        page!.fill = nil
        page!.stroke = nil
        page!.lineWidth = nil
        page!.font = nil
    }

    // MARK: Images

    /// Draws a PNG file scaled into `rect`. The image is embedded once per document however often it
    /// is drawn, and decoded and compressed once per process.
    public func drawImage(path: String, in rect: Rect) throws(PDFRenderError) {
        guard page != nil else { throw PDFRenderError(.invalidState, "drawImage outside a page") }
        let index = try imageIndex(path)
        let h = page!.size.height
        content.saveState()
        content.transform(rect.width, 0, 0, rect.height, rect.minX, h - rect.maxY)
        content.drawXObject(images[index].name)
        content.restoreState()
        if images[index].hasAlpha { page!.usesTransparency = true }
    }

    private func imageIndex(_ path: String) throws(PDFRenderError) -> Int {
        if let i = imageIndexByPath[path] { return i }
        let level = deflater.level
        let deflater = self.deflater
        // The process-wide cache is keyed by the file's *content*, not its path: a file rewritten under
        // the same path (a per-document picture on a reused temporary path) was served stale. Reading
        // and hashing the bytes once per document is cheap next to decoding and compressing them.
        let bytes = try Self.readImageFile(path)
        var hash = StableHash()
        hash.update(bytes)
        let (h1, h2) = hash.finish()
        let key = String(level) + ":" + String(h1, radix: 16) + ":" + String(h2, radix: 16)
        let data = try cache.image(key) { () throws(PDFRenderError) -> RenderCache.ImageData in
            let decoded = try PNGDecoder.decode(bytes, path: path)
            return RenderCache.ImageData(width: decoded.width, height: decoded.height,
                                         colorComponents: decoded.colorComponents,
                                         samples: deflater.compress(PNGPredictor.encode(
                                             decoded.samples, width: decoded.width, components: decoded.colorComponents)),
                                         alpha: decoded.alpha.map {
                                             deflater.compress(PNGPredictor.encode($0, width: decoded.width, components: 1))
                                         },
                                         digest: h1)
        }
        if let same = images.firstIndex(where: { $0.digest == data.digest }) {
            imageIndexByPath[path] = same
            return same
        }
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
        imageIndexByPath[path] = images.count - 1
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
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        return bytes
    }

    // MARK: Marked content

    /// Starts content that belongs to structure node `node` (tagged PDF, ISO 32000-1 §14.7.4).
    public func beginStructure(node: Int) {
        guard page != nil else { return }
        let pageIndex = pageRefs.count
        let mcid = mcidNodes[pageIndex].count
        mcidNodes[pageIndex].append(node)
        nodeContent[node, default: []].append((page: pageIndex, mcid: mcid))
        let role = structure.flatMap { node < $0.nodes.count ? $0.nodes[node].role : nil } ?? "Span"
        content.beginMarkedContent(role, mcid: mcid)
        page!.markedDepth += 1
    }

    public func endStructure() {
        guard page != nil, page!.markedDepth > 0 else { return }
        content.endMarkedContent()
        page!.markedDepth -= 1
    }

    /// Starts content outside the logical structure; `pagination` for running headers and footers.
    public func beginArtifact(pagination: Bool) {
        guard page != nil else { return }
        content.beginArtifact(pagination: pagination)
        page!.markedDepth += 1
    }

    public func endArtifact() { endStructure() }
}
