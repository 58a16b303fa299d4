import PDFSyntax

/// How files are written. Defaults are what the README's measurements chose.
public struct RenderOptions: Sendable {
    /// Flate level (libdeflate) for content, font and image streams: 1 fastest … 12 smallest. Level 1
    /// by default: a relevé is 23.2 KB there against 22.7 KB at level 4, for half the compression time
    /// (README, « Benchmarks »).
    public var compressionLevel: Int32
    /// Object streams of up to 1,000 objects: a relevé's whole structure tree in one or two streams
    /// compresses 2 % smaller than in streams of 100 (measured: 24,449 → 23,925 bytes per relevé).
    public var xref: XRefStyle
    /// `fsync` each file before moving it into place (durability across power loss).
    public var syncFiles: Bool
    /// Bytes kept in memory before they are written out to a file output.
    public var flushThreshold: Int
    /// Font subsets take glyph ids in aligned blocks of this size, so that documents share subsets
    /// (and the cache hits); 1 embeds exactly the glyphs drawn. Measured on the relevé workload,
    /// blocks of 16 cost 52 % more bytes for 20 % more speed: the default stays exact.
    public var subsetGranularity: Int

    public init(compressionLevel: Int32 = 1, xref: XRefStyle = .compressed(objectsPerStream: 1000),
                syncFiles: Bool = false, flushThreshold: Int = 256 * 1024, subsetGranularity: Int = 1) {
        self.compressionLevel = compressionLevel
        self.xref = xref
        self.syncFiles = syncFiles
        self.flushThreshold = flushThreshold
        self.subsetGranularity = subsetGranularity
    }
}

/// Where a document goes: kept in memory (the portal answers a download with it) or written to a file.
public enum PDFOutput: Sendable {
    case memory
    case file(String)
}

/// What a finished render produced.
public struct RenderResult: Sendable {
    public let pageCount: Int
    public let byteCount: Int
    /// The file's bytes for `.memory` output; empty for `.file`.
    public let bytes: [UInt8]
    /// The trailer `/ID`, derived from the content.
    public let documentID: [UInt8]
}
