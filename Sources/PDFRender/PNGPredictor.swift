/// PNG row filters (RFC 2083 §6) applied before Flate, declared with `/DecodeParms << /Predictor 15 >>`
/// (ISO 32000-1 §7.4.4.4). Images compress to about their PNG size instead of twice it. Each row takes
/// the filter with the smallest sum of absolute values, libpng's heuristic. Runs once per image per
/// process (the render cache keeps the result).
enum PNGPredictor {
    static func encode(_ samples: [UInt8], width: Int, components: Int) -> [UInt8] {
        let stride = width * components
        let rows = samples.count / stride
        var out = [UInt8](repeating: 0, count: rows * (stride + 1))
        var candidate = [UInt8](repeating: 0, count: stride)
        var best = [UInt8](repeating: 0, count: stride)
        for y in 0..<rows {
            var bestType: UInt8 = 0
            var bestScore = Int.max
            for type in UInt8(0)...4 {
                var score = 0
                for i in 0..<stride {
                    let x = samples[y * stride + i]
                    let a = i >= components ? samples[y * stride + i - components] : 0
                    let b = y > 0 ? samples[(y - 1) * stride + i] : 0
                    let c = (i >= components && y > 0) ? samples[(y - 1) * stride + i - components] : 0
                    let predicted: UInt8
                    switch type {
                    case 0: predicted = 0
                    case 1: predicted = a
                    case 2: predicted = b
                    case 3: predicted = UInt8((Int(a) + Int(b)) / 2)
                    default: predicted = paeth(a, b, c)
                    }
                    let v = x &- predicted
                    candidate[i] = v
                    score += v < 128 ? Int(v) : 256 - Int(v)
                }
                if score < bestScore {
                    bestScore = score
                    bestType = type
                    swap(&best, &candidate)
                }
            }
            out[y * (stride + 1)] = bestType
            for i in 0..<stride { out[y * (stride + 1) + 1 + i] = best[i] }
        }
        return out
    }

    static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
