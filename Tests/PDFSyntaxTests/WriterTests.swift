import Testing
@testable import PDFSyntax

/// Tier 1: dictionaries, arrays, typed objects and content-stream operators, byte for byte.
@Suite struct WriterTests {
    static func text(_ body: (inout ByteBuffer) -> Void) -> String {
        var b = ByteBuffer()
        body(&b)
        return latin1(b.bytes)
    }

    @Test func dictionaryWithEveryValueKind() {
        let s = Self.text { b in
            b.dict { d in
                d.pair("Type", name: "Example")
                d.pair("Name", name: "with space")
                d.pair("N", int: -3)
                d.pair("R", real: 0.5)
                d.pair("Ref", ref: Ref(7))
                d.pair("B", bool: true)
                d.pair("T", text: "Noël")
                d.pair("L", literal: Array("Adobe".utf8))
                d.pair("Box", rect: (0, 0, 595.2756, 841.8898))
                d.dict("Sub") { $0.pair("Marked", bool: false) }
                d.array("A") { a in a.int(1); a.real(-0.25); a.ref(Ref(2)); a.name("X"); a.text("t") }
            }
        }
        // Pairs are separated by single spaces (compact: hundreds of small dictionaries per document).
        let expected = "<</Type /Example /Name /with#20space /N -3 /R 0.5 /Ref 7 0 R /B true"
            + " /T (No\u{EB}l) /L (Adobe) /Box [0 0 595.2756 841.8898] /Sub <</Marked false>>"
            + " /A [1 -0.25 2 0 R /X (t)]>>"
        #expect(s == expected)
    }

    @Test func emptyAndNestedArrays() {
        #expect(Self.text { $0.array { _ in } } == "[]")
        #expect(Self.text { b in b.array { a in a.array { $0.int(1); $0.int(2) }; a.array { _ in }; a.dict { _ in } } }
            == "[[1 2] [] <<>>]")
    }

    @Test func nestedWritersAppendAfterExistingBytes() {
        // The writers swap the storage in and out: bytes written before must survive, in order.
        let s = Self.text { b in
            b.append(raw: "1 0 obj\n")
            b.dict { $0.pair("K", int: 1) }
            b.append(raw: "\nendobj")
        }
        #expect(s == "1 0 obj\n<</K 1>>\nendobj")
    }

    @Test func typedObjects() {
        let s = Self.text { b in
            b.dict { d in
                d.typed { (c: inout CIDFont) in
                    c.baseFont("ABCDEF+DejaVuSans")
                    c.identitySystemInfo()
                    c.defaultWidth(0)
                    c.widths([(first: 0, widths: [600, 318]), (first: 5, widths: [0])])
                    c.cidToGIDMapIdentity()
                }
            }
        }
        #expect(s == "<</Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+DejaVuSans"
            + " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>"
            + " /DW 0 /W [0 [600 318] 5 [0]] /CIDToGIDMap /Identity>>")
    }

    @Test func pageWithInlineResources() {
        let s = Self.text { b in
            b.dict { d in
                d.typed { (p: inout Page) in
                    p.parent(Ref(2))
                    p.mediaBox(595.2756, 841.8898)
                    p.resources { r in
                        r.fonts([("F1", Ref(5))])
                        r.xObjects([])
                    }
                }
            }
        }
        #expect(s == "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595.2756 841.8898]"
            + " /Resources <</Font <</F1 5 0 R>>>>>>")
    }
}

@Suite struct ContentStreamTests {
    static func ops(_ body: (inout ContentStream) -> Void) -> String {
        var c = ContentStream()
        body(&c)
        return latin1(c.bytes)
    }

    @Test func graphicsStateAndPaths() {
        let s = Self.ops { c in
            c.saveState()
            c.transform(100, 0, 0, 50, 10.5, -0.25)
            c.setLineWidth(0.8)
            c.setLineCap(1)
            c.setLineJoin(2)
            c.setDash([3, 2], phase: 0)
            c.setFillRGB(1, 0, 0.5)
            c.setStrokeGray(0.5)
            c.moveTo(0, 0)
            c.lineTo(10, 20)
            c.curveTo(1, 2, 3, 4, 5, 6)
            c.rect(50, 60, 495, 40)
            c.closePath()
            c.fillAndStroke(evenOdd: true)
            c.rect(0, 0, 1, 1)
            c.clip()
            c.restoreState()
        }
        #expect(s == """
            q
            100 0 0 50 10.5 -0.25 cm
            0.8 w
            1 J
            2 j
            [3 2] 0 d
            1 0 0.5 rg
            0.5 G
            0 0 m
            10 20 l
            1 2 3 4 5 6 c
            50 60 495 40 re
            h
            B*
            0 0 1 1 re
            W n
            Q

            """)
    }

    static func opBytes(_ body: (inout ContentStream) -> Void) -> [UInt8] {
        var c = ContentStream()
        body(&c)
        return c.bytes
    }

    @Test func textWithAdjustments() {
        let codes: [UInt16] = [0x0001, 0x0002, 0x0003, 0xABCD]
        let adjustments: [Int32] = [0, 0, -50, 120]
        let s = Self.ops { c in
            c.beginText()
            c.setFont("F1", size: 11)
            c.setTextMatrix(1, 0, 0, 1, 50, 781.8898)
            codes.withUnsafeBufferPointer { cb in
                adjustments.withUnsafeBufferPointer { ab in c.showGlyphs(cb, adjustments: ab) }
            }
            c.endText()
        }
        // Content-stream operands have two decimals (0.01 pt); codes are literal strings of their two
        // raw bytes each.
        #expect(s == "BT\n/F1 11 Tf\n1 0 0 1 50 781.89 Tm\n[(\0\u{1}\0\u{2})-50(\0\u{3})120(\u{AB}\u{CD})]TJ\nET\n")
        let tail = Self.opBytes { c in
            codes.withUnsafeBufferPointer { cb in c.showGlyphs(UnsafeBufferPointer(rebasing: cb[3...]), adjustments: nil) }
        }
        #expect(tail == Array("[(".utf8) + [0xAB, 0xCD] + Array(")]TJ\n".utf8))
    }

    @Test func leadingAdjustmentAndNoAdjustments() {
        let codes: [UInt16] = [0x0010, 0x0011]
        let leading: [Int32] = [-7, 0]
        let s = Self.ops { c in
            codes.withUnsafeBufferPointer { cb in
                leading.withUnsafeBufferPointer { ab in c.showGlyphs(cb, adjustments: ab) }
                c.showGlyphs(cb, adjustments: nil)
            }
        }
        #expect(s == "[-7(\0\u{10}\0\u{11})]TJ\n[(\0\u{10}\0\u{11})]TJ\n")
    }

    /// The bytes a literal string gives a meaning to (§7.3.4.2) are escaped: backslash, parentheses,
    /// and CR (a bare CR would read back as LF); LF and other bytes stand as they are.
    @Test func glyphCodesNeedingEscapes() {
        let codes: [UInt16] = [0x5C28, 0x290D, 0x0A0D, 0x0D0A]
        let s = Self.ops { c in codes.withUnsafeBufferPointer { c.showGlyphs($0, adjustments: nil) } }
        #expect(s == "[(\\\\\\(\\)\\r\n\\r\\r\n)]TJ\n")
    }

    @Test func centiNumbers() {
        let s = Self.ops { c in
            c.moveTo(centiX: 3000, centiY: 38258)
            c.lineTo(centiX: -5, centiY: 10)
            c.moveTo(0.005, -0.005)
            c.lineTo(382.5751, 12)
        }
        #expect(s == "30 382.58 m\n-0.05 0.1 l\n0.01 -0.01 m\n382.58 12 l\n")
    }

    @Test func markedContent() {
        let s = Self.ops { c in
            c.beginMarkedContent("P", mcid: 3)
            c.endMarkedContent()
            c.beginArtifact(pagination: true)
            c.endMarkedContent()
            c.beginArtifact(pagination: false)
            c.endMarkedContent()
            c.beginActualText("ﬁ")
            c.endMarkedContent()
            c.drawXObject("Im1")
            c.setGraphicsState("GS1")
        }
        #expect(s == "/P<</MCID 3>>BDC\nEMC\n/Artifact<</Type/Pagination>>BDC\nEMC\n/Artifact BMC\nEMC\n"
            + "/Span <</ActualText (\u{FE}\u{FF}\u{FB}\u{01})>> BDC\nEMC\n/Im1 Do\n/GS1 gs\n")
    }

    @Test func resetKeepsNothing() {
        var c = ContentStream()
        c.saveState()
        c.reset()
        c.restoreState()
        #expect(String(decoding: c.bytes, as: UTF8.self) == "Q\n")
    }
}

/// The bytes one character each (ISO Latin-1), so that expected output can spell text strings' bytes.
func latin1(_ bytes: [UInt8]) -> String {
    String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
}
