import Foundation

/// The sRGB ICC profile of the PDF/A output intent: `Resources/sRGB.icc` from Debian's
/// icc-profiles-free (zlib licence), read once per process.
enum SRGBProfile {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "sRGB", withExtension: "icc"),
              let data = try? Data(contentsOf: url) else {
            fatalError("the sRGB ICC profile is missing from the PDFRender resources")
        }
        return [UInt8](data)
    }()
}
