/// The XMP packet of a PDF/A-2b document (ISO 19005-2 §6.6): Dublin Core title, creator and
/// description, the PDF and XMP basic properties that mirror the Info dictionary, the PDF/A
/// identification, and our own properties with the extension schema that declares them.
enum XMPMetadata {
    static let namespace = "https://paperasse.example/ns/1.0/"

    static func packet(_ m: DocumentMetadata) -> [UInt8] {
        var x = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        x += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        x += " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
        if !m.properties.isEmpty { x += " xmlns:paperasse=\"\(namespace)\"" }
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
        for (key, value) in m.properties {
            x += "<paperasse:\(key)>\(escape(value))</paperasse:\(key)>\n"
        }
        x += "</rdf:Description>\n"
        if !m.properties.isEmpty { x += extensionSchema(m.properties.map(\.key)) }
        x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(x.utf8)
    }

    /// PDF/A requires every non-standard XMP property to be described by an extension schema.
    private static func extensionSchema(_ keys: [String]) -> String {
        var x = "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
        x += " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
        x += "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
        x += "<pdfaSchema:schema>Paperasse document properties</pdfaSchema:schema>\n"
        x += "<pdfaSchema:namespaceURI>\(namespace)</pdfaSchema:namespaceURI>\n"
        x += "<pdfaSchema:prefix>paperasse</pdfaSchema:prefix>\n<pdfaSchema:property><rdf:Seq>\n"
        for key in keys {
            x += "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>\(escape(key))</pdfaProperty:name>"
            x += "<pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>internal</pdfaProperty:category>"
            x += "<pdfaProperty:description>\(escape(key))</pdfaProperty:description></rdf:li>\n"
        }
        x += "</rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n"
        return x
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
