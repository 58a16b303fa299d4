import Foundation

/// Compares page images: `pdftoppm -r 50 -png` output against committed PNG references, by the mean
/// absolute difference per channel (0…255), computed by a small PNG decoder in python3's standard
/// library (zlib + the five PNG row filters; pdftoppm writes 8-bit RGB or grey, non-interlaced).
enum ImageCompare {
    static let script = #"""
        import sys, zlib, struct

        def decode(path):
            data = open(path, 'rb').read()
            assert data[:8] == b'\x89PNG\r\n\x1a\n', path
            pos, idat = 8, b''
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR':
                    width, height, depth, color, _, _, interlace = struct.unpack('>IIBBBBB', body)
                elif kind == b'IDAT':
                    idat += body
                pos += 12 + length
            assert depth == 8 and interlace == 0 and color in (0, 2, 6), (depth, color, interlace)
            channels = {0: 1, 2: 3, 6: 4}[color]
            raw = zlib.decompress(idat)
            stride = width * channels
            rows, previous, i = [], bytearray(stride), 0
            for _ in range(height):
                f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
                for x in range(stride):
                    a = line[x - channels] if x >= channels else 0
                    b = previous[x]
                    c = previous[x - channels] if x >= channels else 0
                    if f == 1: line[x] = (line[x] + a) & 255
                    elif f == 2: line[x] = (line[x] + b) & 255
                    elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                rows.append(bytes(line)); previous = line
            # Grey for the comparison: the references are reviewed by eye, the numbers by this.
            grey = []
            for row in rows:
                if channels == 1: grey.append(row)
                else: grey.append(bytes((row[x] * 299 + row[x + 1] * 587 + row[x + 2] * 114) // 1000
                                        for x in range(0, stride, channels)))
            return width, height, grey

        w1, h1, a = decode(sys.argv[1])
        w2, h2, b = decode(sys.argv[2])
        if (w1, h1) != (w2, h2):
            print('size', w1, h1, w2, h2); sys.exit(0)
        total = sum(abs(x - y) for ra, rb in zip(a, b) for x, y in zip(ra, rb))
        dark = sum(1 for row in a for x in row if x < 128)
        changed = sum(1 for ra, rb in zip(a, b) for x, y in zip(ra, rb) if abs(x - y) > 64)
        print('mad %.4f dark %d changed %d' % (total / (w1 * h1), dark, changed))
        """#

    struct Comparison {
        var meanAbsoluteDifference: Double
        /// Pixels darker than mid-grey in the new image (to tell a blank page from a drawn one).
        var darkPixels: Int
        /// Pixels whose grey differs by more than 64 (a quarter of the range): anti-aliasing noise
        /// changes few of them, a moved block thousands.
        var changedPixels: Int
    }

    /// Compares two PNG files; nil when their sizes differ.
    static func compare(_ actual: String, _ reference: String) throws -> Comparison? {
        let r = try Tool.python(script, [actual, reference])
        let parts = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        guard parts.first == "mad", parts.count == 6, let mad = Double(parts[1]), let dark = Int(parts[3]),
              let changed = Int(parts[5]) else {
            return nil
        }
        return Comparison(meanAbsoluteDifference: mad, darkPixels: dark, changedPixels: changed)
    }

    /// Renders each page of `pdf` at 50 dpi to PNG files in `directory`, in page order.
    static func pages(of pdf: String, in directory: String) throws -> [String] {
        try Tool.run("pdftoppm", ["-r", "50", "-png", pdf, directory + "/page"])
        return directoryListing(directory).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }
            .map { directory + "/" + $0 }
    }
}
