import CQRencode

#if canImport(Glibc)
import Glibc
#endif

/// A QR code symbol (ISO/IEC 18004) as a square matrix of dark and light modules, encoded by
/// libqrencode at error-correction level M (15 % recovery: survives print smudges on a stamp box).
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major, `true` = dark module.
    public let modules: [Bool]

    public init(text: String) throws(BarcodeError) {
        guard !text.isEmpty else { throw BarcodeError("a QR code needs a non-empty text") }
        guard let code = text.withCString({ QRcode_encodeString8bit($0, 0, QR_ECLEVEL_M) }) else {
            throw BarcodeError("the text (\(text.utf8.count) bytes) does not fit in a QR code")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        var modules = [Bool](repeating: false, count: width * width)
        for i in 0..<(width * width) { modules[i] = code.pointee.data[i] & 1 != 0 }
        self.size = width
        self.modules = modules
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }
}

/// Why a barcode could not be made.
public struct BarcodeError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
