/// The XMP packet of a PDF/A-2b document (ISO 19005-2 §6.6): Dublin Core title, creator, description
/// and source, the PDF and XMP basic properties that mirror the Info dictionary, and the PDF/A
/// identification. Only standard properties: custom ones would need an extension schema.
enum XMPMetadata {
    static func packet(_ m: DocumentMetadata) -> [UInt8] {
        var x = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        x += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        x += " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
        x += ">\n"
        x += "<dc:format>application/pdf</dc:format>\n"
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(m.title))</rdf:li></rdf:Alt></dc:title>\n"
        if let author = m.author {
            x += "<dc:creator><rdf:Seq><rdf:li>\(escape(author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        if let subject = m.subject {
            x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        x += "<dc:language><rdf:Bag><rdf:li>\(escape(m.language))</rdf:li></rdf:Bag></dc:language>\n"
        if let keywords = m.keywords { x += "<pdf:Keywords>\(escape(keywords))</pdf:Keywords>\n" }
        x += "<pdf:Producer>\(escape(m.producer))</pdf:Producer>\n"
        x += "<xmp:CreatorTool>\(escape(m.creator))</xmp:CreatorTool>\n"
        x += "<xmp:CreateDate>\(m.creationDate.xmpString)</xmp:CreateDate>\n"
        x += "<xmp:ModifyDate>\(m.modificationDate.xmpString)</xmp:ModifyDate>\n"
        x += "<xmp:MetadataDate>\(m.modificationDate.xmpString)</xmp:MetadataDate>\n"
        x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
        if let source = m.source { x += "<dc:source>\(escape(source))</dc:source>\n" }
        x += "</rdf:Description>\n"
        x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(x.utf8)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
