import Testing
@testable import PDFRender

@Suite struct StableHashTests {
    static let bytes: [UInt8] = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    /// The value depends on the bytes only, not on how they were fed (a file sink drains in chunks).
    @Test(arguments: [1, 3, 7, 8, 9, 13, 500])
    func chunkingDoesNotChangeTheValue(_ chunk: Int) {
        var whole = StableHash()
        whole.update(Self.bytes)
        var pieces = StableHash()
        var i = 0
        while i < Self.bytes.count {
            pieces.update(Array(Self.bytes[i..<min(i + chunk, Self.bytes.count)]))
            i += chunk
        }
        #expect(pieces.bytes() == whole.bytes())
    }

    @Test func differentBytesDifferentValue() {
        var a = StableHash(), b = StableHash(), c = StableHash()
        a.update(Self.bytes)
        var changed = Self.bytes
        changed[999] ^= 1
        b.update(changed)
        c.update(Array(Self.bytes.dropLast()))
        #expect(a.bytes() != b.bytes())
        #expect(a.bytes() != c.bytes())
        #expect(a.bytes().count == 16)
    }

    /// Document IDs and subset tags are this hash: a reprint must find the same value years later, so
    /// a change to the function (not only to how it is computed) must fail here.
    @Test func valueIsPinned() {
        var h = StableHash()
        h.update(Self.bytes)
        let hex = h.bytes().map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "f53f0aa1731a10236eb89ec1d29c6fb6")
    }
}
