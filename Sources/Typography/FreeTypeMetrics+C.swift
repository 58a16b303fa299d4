import CFreeType

/// The font-wide metrics read with FreeType: the PDF font descriptor's values and the names.
/// FreeType faces are not thread-safe, so the face lives only for the duration of this read.
struct FreeTypeMetrics {
    var familyName = ""
    var styleName = ""
    var postScriptName = ""
    var unitsPerEm: Int32 = 1000
    var ascender: Int32 = 0
    var descender: Int32 = 0
    var capHeight: Int32 = 0
    var lineGap: Int32 = 0
    var boundingBox: (xMin: Int32, yMin: Int32, xMax: Int32, yMax: Int32) = (0, 0, 0, 0)
    var italicAngle: Double = 0
    var isFixedPitch = false
    var isBold = false
    var isItalic = false

    static func read(bytes: [UInt8], path: String) throws(TypographyError) -> FreeTypeMetrics {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw TypographyError(.fontUnreadable, "FreeType could not start while loading \(path)")
        }
        defer { FT_Done_FreeType(library) }
        var face: FT_Face?
        let error = bytes.withUnsafeBufferPointer { buf in
            FT_New_Memory_Face(library, buf.baseAddress, FT_Long(buf.count), 0, &face)
        }
        guard error == 0, let face else {
            throw TypographyError(.fontCorrupt, "\(path) is not a readable font file (FreeType error \(error))")
        }
        defer { FT_Done_Face(face) }
        guard face.pointee.face_flags & FT_Long(FT_FACE_FLAG_SFNT) != 0,
              face.pointee.face_flags & FT_Long(FT_FACE_FLAG_SCALABLE) != 0 else {
            throw TypographyError(.fontCorrupt, "\(path) is not a scalable TrueType/OpenType font")
        }
        var m = FreeTypeMetrics()
        m.familyName = face.pointee.family_name.map { String(cString: $0) } ?? ""
        m.styleName = face.pointee.style_name.map { String(cString: $0) } ?? ""
        m.postScriptName = FT_Get_Postscript_Name(face).map { String(cString: $0) } ?? m.familyName
        m.unitsPerEm = Int32(face.pointee.units_per_EM)
        m.ascender = Int32(face.pointee.ascender)
        m.descender = Int32(face.pointee.descender)
        m.lineGap = Int32(face.pointee.height) - m.ascender + m.descender
        let b = face.pointee.bbox
        m.boundingBox = (Int32(b.xMin), Int32(b.yMin), Int32(b.xMax), Int32(b.yMax))
        m.isFixedPitch = face.pointee.face_flags & FT_Long(FT_FACE_FLAG_FIXED_WIDTH) != 0
        m.isBold = face.pointee.style_flags & FT_Long(FT_STYLE_FLAG_BOLD) != 0
        m.isItalic = face.pointee.style_flags & FT_Long(FT_STYLE_FLAG_ITALIC) != 0
        // Cap height from OS/2 version ≥ 2; otherwise the ascender is the usual stand-in.
        if let os2 = FT_Get_Sfnt_Table(face, FT_SFNT_OS2)?.assumingMemoryBound(to: TT_OS2.self),
           os2.pointee.version >= 2, os2.pointee.sCapHeight > 0 {
            m.capHeight = Int32(os2.pointee.sCapHeight)
        } else {
            m.capHeight = m.ascender
        }
        if let post = FT_Get_Sfnt_Table(face, FT_SFNT_POST)?.assumingMemoryBound(to: TT_Postscript.self) {
            m.italicAngle = Double(post.pointee.italicAngle) / 65536
        }
        return m
    }
}
