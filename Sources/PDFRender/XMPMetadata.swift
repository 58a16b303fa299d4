/// The XMP packet of a PDF/A-2b document (ISO 19005-2 §6.6): Dublin Core title, creator, description
/// and source, the PDF and XMP basic properties that mirror the Info dictionary, and the PDF/A
/// identification. Only standard properties: custom ones would need an extension schema.
enum XMPMetadata {
    static func packet(_ m: DocumentMetadata) -> [UInt8] {
        // Built as bytes: this runs once per document, and String interpolation cost 150 K instructions.
        var x: [UInt8] = []
        x.reserveCapacity(1400)
        func raw(_ s: StaticString) { x.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        func text(_ s: String) { escape(s, into: &x) }
        raw("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        raw("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
        raw("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        raw(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
        raw(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
        raw(">\n")
        raw("<dc:format>application/pdf</dc:format>\n")
        raw("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"); text(m.title); raw("</rdf:li></rdf:Alt></dc:title>\n")
        if let author = m.author {
            raw("<dc:creator><rdf:Seq><rdf:li>"); text(author); raw("</rdf:li></rdf:Seq></dc:creator>\n")
        }
        if let subject = m.subject {
            raw("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">"); text(subject)
            raw("</rdf:li></rdf:Alt></dc:description>\n")
        }
        raw("<dc:language><rdf:Bag><rdf:li>"); text(m.language); raw("</rdf:li></rdf:Bag></dc:language>\n")
        if let keywords = m.keywords { raw("<pdf:Keywords>"); text(keywords); raw("</pdf:Keywords>\n") }
        raw("<pdf:Producer>"); text(m.producer); raw("</pdf:Producer>\n")
        raw("<xmp:CreatorTool>"); text(m.creator); raw("</xmp:CreatorTool>\n")
        raw("<xmp:CreateDate>"); text(m.creationDate.xmpString); raw("</xmp:CreateDate>\n")
        raw("<xmp:ModifyDate>"); text(m.modificationDate.xmpString); raw("</xmp:ModifyDate>\n")
        raw("<xmp:MetadataDate>"); text(m.modificationDate.xmpString); raw("</xmp:MetadataDate>\n")
        raw("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
        if let source = m.source { raw("<dc:source>"); text(source); raw("</dc:source>\n") }
        raw("</rdf:Description>\n")
        raw("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
        return x
    }

    /// Appends `s` as UTF-8 with the XML special characters escaped.
    static func escape(_ s: String, into out: inout [UInt8]) {
        // Most values (titles, names, dates) have nothing to escape: copied in one step, not byte by byte.
        let special = s.utf8.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
        guard special else { return out.append(contentsOf: s.utf8) }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            default: out.append(byte)
            }
        }
    }
}
