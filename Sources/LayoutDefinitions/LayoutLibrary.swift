import Foundation

/// All layouts of a `Layouts/` directory, parsed and compiled at load.
public struct LayoutLibrary: Sendable {
    public let directory: String
    public let fontsDirectory: String
    public let layouts: [String: Layout]

    /// Loads every `*.yaml` directly in `directory` (partials live in `partials/`, assets in
    /// `assets/`, sample data in `samples/`). Throws the first error, in file-name order.
    public static func load(directory: String, fontsDirectory: String) throws(LayoutError) -> LayoutLibrary {
        let fonts = try fontsDigest(fontsDirectory)
        var layouts: [String: Layout] = [:]
        for name in try layoutNames(directory) {
            layouts[name] = try loadLayout(named: name, directory: directory, fontsDigest: fonts)
        }
        return LayoutLibrary(directory: directory, fontsDirectory: fontsDirectory, layouts: layouts)
    }

    /// Checks every layout of `directory` and its sample data (`samples/<name>.json`, required; loading
    /// a layout binds its sample): every problem found, for `paperasse layouts check`.
    public static func check(directory: String, fontsDirectory: String) -> [LayoutError] {
        var errors: [LayoutError] = []
        do {
            let fonts = try fontsDigest(fontsDirectory)
            for name in try layoutNames(directory) {
                do throws(LayoutError) {
                    let layout = try loadLayout(named: name, directory: directory, fontsDigest: fonts)
                    if layout.sample == nil { throw missingSample(name) }
                } catch {
                    errors.append(error)
                }
            }
        } catch {
            errors.append(error)
        }
        return errors
    }

    /// The layout called `name`, or an `unknown-layout` error with a suggestion.
    public func layout(named name: String) throws(LayoutError) -> Layout {
        guard let layout = layouts[name] else {
            throw LayoutError(.unknownLayout, "no layout named '\(name)' in \(directory)"
                              + Suggestion.hint(for: name, in: layouts.keys.sorted()))
        }
        return layout
    }

    /// The sample data of a layout, `samples/<name>.json`.
    public func sampleData(for name: String) throws(LayoutError) -> DataValue {
        try Self.sampleData(named: name, directory: directory)
    }

    static func sampleData(named name: String, directory: String) throws(LayoutError) -> DataValue {
        let path = directory + "/samples/" + name + ".json"
        guard let data = FileManager.default.contents(atPath: path) else { throw missingSample(name) }
        return try DataValue(json: data, name: "samples/\(name).json")
    }

    static func missingSample(_ name: String) -> LayoutError {
        LayoutError(.io, "missing sample data samples/\(name).json for layout '\(name)'")
    }

    static func layoutNames(_ directory: String) throws(LayoutError) -> [String] {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw LayoutError(.io, "cannot read the layouts directory \(directory)")
        }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// SHA-256 over every font file (`.ttf`, `.otf`, `.ttc`) of the fonts directory, in
    /// name order. All of them, not only those a layout names: the family → file mapping
    /// belongs to Typography, and a font fix must change every version that could use it.
    static func fontsDigest(_ fontsDirectory: String) throws(LayoutError) -> [UInt8] {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: fontsDirectory) } catch {
            throw LayoutError(.io, "cannot read the fonts directory \(fontsDirectory)")
        }
        var hash = ContentHasher()
        for file in files.sorted() where [".ttf", ".otf", ".ttc"].contains(where: { file.lowercased().hasSuffix($0) }) {
            guard let data = FileManager.default.contents(atPath: fontsDirectory + "/" + file) else {
                throw LayoutError(.io, "cannot read font \(file)")
            }
            hash.record(file, [UInt8](data))
        }
        return hash.finalize()
    }

    /// Parses and compiles one layout; its version covers the layout file, its partials and
    /// assets (each as name, length, bytes, in path order), the fonts digest and the sample data.
    static func loadLayout(named name: String, directory: String, fontsDigest: [UInt8]) throws(LayoutError) -> Layout {
        let relative = name + ".yaml"
        guard let data = FileManager.default.contents(atPath: directory + "/" + relative) else {
            throw LayoutError(.io, "cannot read layout \(relative)")
        }
        let bytes = [UInt8](data)
        let compiler = LayoutCompiler(directory: directory)
        let program = try compiler.compile(relativePath: relative, text: String(decoding: bytes, as: UTF8.self))
        var hash = ContentHasher()
        hash.record(relative, bytes)
        var dependencies = compiler.dependencies.keys.sorted()
        for dependency in dependencies { hash.record(dependency, compiler.dependencies[dependency]!) }
        hash.record("fonts", fontsDigest)
        // The sample data, when there is some: the font subsets shared by the layout's documents are
        // made from it, so it shapes every document's bytes like the layout file does.
        let samplePath = "samples/" + name + ".json"
        let sampleBytes = FileManager.default.contents(atPath: directory + "/" + samplePath).map { [UInt8]($0) }
        if let sampleBytes {
            hash.record(samplePath, sampleBytes)
            dependencies = (dependencies + [samplePath]).sorted()
        }
        let digest = ContentHasher.hex(hash.finalize())
        var layout = Layout(name: name, versionDigest: digest, dependencies: dependencies, program: program)
        if let sampleBytes {
            let data = try DataValue(json: sampleBytes, name: samplePath)
            let sample: BoundDocument
            do {
                sample = try layout.bind(data)
            } catch {
                // The data path alone would not say which data: name the sample file.
                var named = error
                named.reason = "in \(samplePath): " + error.reason
                throw named
            }
            layout.sample = LayoutSample(document: sample, key: name + "@" + digest)
        }
        return layout
    }
}
