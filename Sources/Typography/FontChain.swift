import Graphics

/// An ordered list of faces: a character missing from the first face is taken from the next one that
/// has it. A character no face covers is an error naming it (U+XXXX) and the text it came from:
/// never a silent empty box.
public struct FontChain: Sendable {
    public let faces: [Face]

    public init(_ faces: [Face]) {
        precondition(!faces.isEmpty, "a font chain needs at least one face")
        self.faces = faces
    }

    public var primary: Face { faces[0] }

    /// Splits `text` into runs of one face and one script each (whole grapheme clusters stay together;
    /// spaces and punctuation join the script before them, UAX #24) and shapes each run with its own
    /// script and direction: an Arabic or Hebrew name inside a French line is shaped as Arabic or
    /// Hebrew, right to left, not as Latin.
    public func shape(_ text: String, language: String = "fr") throws(TypographyError) -> [ShapedText] {
        // Latin (below U+0370) with Common punctuation and symbols (€, U+202F, dashes, quotes): one run
        // when the first face covers it, which is nearly every French string.
        if Self.isOneRun(text, face: primary) {
            return [Shaper.shape(text, face: primary, language: language)]
        }
        var runs: [ShapedText] = []
        var runFace: Face?
        var runScript: UInt32?
        var runStart = text.startIndex
        for index in text.indices {
            let character = text[index]
            guard let face = faces.first(where: { f in
                character.unicodeScalars.allSatisfy { f.covers($0) || Self.isIgnorable($0) }
            }) else {
                let missing = character.unicodeScalars.first { s in !faces.contains { $0.covers(s) } }!
                throw TypographyError(.uncoveredCharacter,
                    "no font covers \(TypographyError.notation(missing)) « \(character) » in « \(text) »"
                        + " (fonts: \(faces.map(\.postScriptName).joined(separator: ", ")))")
            }
            let script = character.unicodeScalars.lazy.compactMap { Shaper.script(of: $0) }.first
            if let current = runFace {
                let newScript = script != nil && runScript != nil && script != runScript
                if current !== face || newScript {
                    runs.append(Shaper.shape(String(text[runStart..<index]), face: current, language: language,
                                             script: runScript))
                    runStart = index
                    runScript = nil
                }
            }
            runFace = face
            if runScript == nil { runScript = script }
        }
        if let current = runFace {
            runs.append(Shaper.shape(String(text[runStart...]), face: current, language: language, script: runScript))
        }
        return runs
    }

    /// Whether each scalar of `text` is below U+0370 or of no script (Common, Inherited) and drawn by
    /// `face` or ignorable. Decoded from the UTF-8 in place: the scalar view's iterator cost some 60
    /// instructions a scalar, and every word shaped for the first time goes through here.
    static func isOneRun(_ text: String, face: Face) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let (v, length) = UTF8Scalar.decode(bytes, at: i)
                i &+= length
                guard let s = Unicode.Scalar(v) else { return false }
                guard v < 0x370 || Shaper.script(of: s) == nil else { return false }
                guard face.covers(s) || isIgnorable(s) else { return false }
            }
            return true
        }
    }

    /// Default-ignorable code points (joiners, variation selectors, soft hyphen) need no glyph:
    /// HarfBuzz hides them, so they never make a face "miss" a character.
    static func isIgnorable(_ s: Unicode.Scalar) -> Bool {
        s.properties.isDefaultIgnorableCodePoint
    }
}
