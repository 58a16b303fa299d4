import CPNG

/// A decoded raster: 8-bit sRGB-encoded samples, grey or RGB, with the alpha channel split out for a
/// soft mask (ISO 32000-1 §11.6.5.3). libpng's simplified API does the decoding: it expands palettes
/// and tRNS chunks, and reduces 16-bit files to 8 bits in the sRGB encoding.
struct DecodedImage {
    var width: Int
    var height: Int
    var colorComponents: Int
    var samples: [UInt8]
    var alpha: [UInt8]?
}

enum PNGDecoder {
    static func decode(_ bytes: [UInt8], path: String) throws(PDFRenderError) -> DecodedImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard began != 0 else {
            throw PDFRenderError(.imageCorrupt, "\(path) is not a readable PNG image (\(message(of: &image)))")
        }
        // PNG samples are gamma-encoded whatever their depth (PNG spec §12.1), but libpng's simplified
        // API assumes 16-bit samples without gAMA/sRGB are *linear* and brightens them on the way to
        // 8-bit sRGB (0x8080 grey became 186 instead of 128). This flag makes it treat them as sRGB.
        image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
        let hasColor = image.format & UInt32(PNG_FORMAT_FLAG_COLOR) != 0
        let hasAlpha = image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
        let channels = (hasColor ? 3 : 1) + (hasAlpha ? 1 : 0)
        image.format = (hasColor ? UInt32(PNG_FORMAT_FLAG_COLOR) : 0) | (hasAlpha ? UInt32(PNG_FORMAT_FLAG_ALPHA) : 0)
        let width = Int(image.width), height = Int(image.height)
        guard width > 0, height > 0, width * height < 64 << 20 else {
            png_image_free(&image)
            throw PDFRenderError(.imageCorrupt, "\(path) has unusable dimensions \(width)×\(height)")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        let finished = bytes.withUnsafeBytes { _ in
            pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, Int32(width * channels), nil)
            }
        }
        guard finished != 0 else {
            let why = message(of: &image)
            png_image_free(&image)
            throw PDFRenderError(.imageCorrupt, "\(path) is a corrupt or truncated PNG image (\(why))")
        }
        png_image_free(&image)
        guard hasAlpha else {
            return DecodedImage(width: width, height: height, colorComponents: channels, samples: pixels, alpha: nil)
        }
        let colour = channels - 1
        var samples = [UInt8](repeating: 0, count: width * height * colour)
        var alpha = [UInt8](repeating: 0, count: width * height)
        var opaque = true
        for p in 0..<(width * height) {
            for c in 0..<colour { samples[p * colour + c] = pixels[p * channels + c] }
            let a = pixels[p * channels + colour]
            alpha[p] = a
            if a != 255 { opaque = false }
        }
        // A fully opaque alpha channel needs no soft mask.
        return DecodedImage(width: width, height: height, colorComponents: colour, samples: samples,
                            alpha: opaque ? nil : alpha)
    }

    private static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
