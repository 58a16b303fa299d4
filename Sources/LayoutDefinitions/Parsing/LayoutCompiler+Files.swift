import Foundation
import Yams

extension LayoutCompiler {
    /// Accepts only plain relative paths: no absolute path, no `..`, no `.`, no backslash,
    /// so a layout can never reach a file outside `Layouts/`.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"), !path.hasPrefix("~") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    /// Reads `folder/name` inside the layouts directory, refusing escapes (also through
    /// symbolic links) and recording the bytes for the layout version.
    func readDependency(_ folder: String, _ name: String, node: Node, _ r: YAMLReader,
                        missing: LayoutError.Code) throws(LayoutError) -> (relative: String, path: String, bytes: [UInt8]) {
        guard Self.isSafeRelativePath(name) else {
            throw r.error(.pathEscape, "'\(name)' must be a relative path inside \(display(folder)) (no '..', no absolute path)", node)
        }
        let relative = folder + "/" + name
        let path = directory + "/" + relative
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root + "/") else {
            throw r.error(.pathEscape, "'\(name)' resolves outside the layouts directory", node)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let what = missing == .missingAsset ? "asset" : "partial"
            throw r.error(missing, "\(what) '\(relative)' not found in \(displayPrefix)", node)
        }
        let bytes = [UInt8](data)
        dependencies[relative] = bytes
        return (relative, path, bytes)
    }

    /// `include: letterhead` → the blocks of `partials/letterhead.yaml`, compiled in place
    /// (same styles, same loop variables in scope).
    func include(_ node: Node, _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> [CompiledBlock] {
        var name = try r.string(node, "include")
        if !name.hasSuffix(".yaml") && !name.hasSuffix(".yml") { name += ".yaml" }
        let (relative, _, bytes) = try readDependency("partials", name, node: node, r, missing: .missingPartial)
        if including.contains(relative) {
            throw r.error(.includeCycle, "include cycle: \((including + [relative]).joined(separator: " → "))", node)
        }
        including.append(relative)
        defer { including.removeLast() }
        let pr = YAMLReader(file: display(relative))
        let root = try YAMLReader.compose(String(decoding: bytes, as: UTF8.self), file: pr.file)
        if case .mapping = root {
            let entries = try pr.entries(root, "a partial")
            try pr.check(entries, allowed: ["blocks"], in: "a partial")
            guard let blocksNode = entries.first?.value else { throw pr.error(.missingAttribute, "a partial needs 'blocks'", root) }
            return try blocks(blocksNode, pr, scope)
        }
        return try blocks(root, pr, scope)
    }

    func image(_ node: Node, _ attributes: [YAMLEntry], _ r: YAMLReader, _ scope: VariableScope) throws(LayoutError) -> CompiledBlock {
        let name = try r.string(node, "image")
        let (_, path, bytes) = try readDependency("assets", name, node: node, r, missing: .missingAsset)
        guard let (pw, ph) = Self.pngSize(bytes) else {
            throw r.error(.invalidValue, "'\(name)' is not a PNG image", node)
        }
        func attribute(_ key: String) -> Node? { attributes.first { $0.key == key }?.value }
        let decorative = try attribute("decorative").map { n throws(LayoutError) in try r.bool(n, "decorative") } ?? false
        let alt = try attribute("alt").map { n throws(LayoutError) in try r.string(n, "alt") }
        if alt == nil && !decorative {
            throw r.error(.missingAttribute, "an image needs 'alt' text (or 'decorative: true' for an artifact)", node)
        }
        return .fixed(.image(BoundImage(
            path: path, assetName: name, bytes: bytes,
            width: try attribute("width").map { n throws(LayoutError) in try r.nonNegative(n, "width") },
            height: try attribute("height").map { n throws(LayoutError) in try r.nonNegative(n, "height") },
            pixelWidth: pw, pixelHeight: ph, alt: decorative ? nil : alt,
            alignment: try attribute("align").map { n throws(LayoutError) in try r.alignment(n) } ?? .left)))
    }

    /// Width and height from a PNG's IHDR chunk (PNG spec §11.2.2), which always comes first.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        func u32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(16), u32(20))
    }
}
