import CZlib

/// A reusable zlib deflate stream (RFC 1950, Flate in ISO 32000-1 §7.4.4). `deflateInit` allocates
/// about 256 KiB, so one deflater serves every stream of a document, and a batch worker keeps one
/// for all its documents. Not thread-safe: one per thread.
public final class Deflater {
    public let level: Int32
    private var stream = z_stream()
    private var output: [UInt8] = []

    public init(level: Int32 = 6) {
        self.level = level
        let status = deflateInit_(&stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit failed (\(status))")
    }

    deinit { deflateEnd(&stream) }

    public func compress(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { compress($0) }
    }

    /// Compresses `input` as one complete zlib stream. Same input and level ⇒ same bytes.
    public func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        deflateReset(&stream)
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let produced: Int = output.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            let status = deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "zlib deflate did not finish (\(status))")
            return out.count - Int(stream.avail_out)
        }
        return Array(output[0..<produced])
    }
}
