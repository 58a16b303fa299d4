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

    /// Splits `text` into runs of one face each (whole grapheme clusters stay together) and shapes them.
    public func shape(_ text: String, language: String = "fr") throws(TypographyError) -> [ShapedText] {
        if text.unicodeScalars.allSatisfy({ primary.covers($0) || Self.isIgnorable($0) }) {
            return [Shaper.shape(text, face: primary, language: language)]
        }
        var runs: [ShapedText] = []
        var runFace: Face?
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
            if let current = runFace, current !== face {
                runs.append(Shaper.shape(String(text[runStart..<index]), face: current, language: language))
                runStart = index
            }
            runFace = face
        }
        if let current = runFace {
            runs.append(Shaper.shape(String(text[runStart...]), face: current, language: language))
        }
        return runs
    }

    /// Default-ignorable code points (joiners, variation selectors, soft hyphen) need no glyph:
    /// HarfBuzz hides them, so they never make a face "miss" a character.
    static func isIgnorable(_ s: Unicode.Scalar) -> Bool {
        s.properties.isDefaultIgnorableCodePoint
    }
}
