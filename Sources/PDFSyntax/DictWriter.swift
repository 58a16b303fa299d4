/// Writes a dictionary `<< /Key value … >>` (ISO 32000-1 §7.3.7) into a buffer it owns while the closure
/// runs. Keys are static names; values go through the typed setters or `key(_:)` plus the raw buffer.
public struct DictWriter {
    public var buffer: ByteBuffer
    /// No pair written yet: the next key needs no separating space.
    @usableFromInline var first = true

    @usableFromInline init(buffer: ByteBuffer) { self.buffer = buffer }

    /// Starts a pair: writes the key and a space; the caller writes the value into `buffer`. Pairs are
    /// separated by single spaces, not line ends: a tagged statement holds hundreds of small
    /// dictionaries, and every byte is compressed and stored.
    @inlinable public mutating func key(_ key: StaticString) {
        if !first { buffer.append(UInt8(ascii: " ")) }
        first = false
        buffer.append(name: key)
        buffer.append(UInt8(ascii: " "))
    }

    /// Starts a pair whose key is generated (resource names such as `F3`, `Im1`).
    public mutating func key(generated key: String) {
        if !first { buffer.append(UInt8(ascii: " ")) }
        first = false
        buffer.append(name: key)
        buffer.append(UInt8(ascii: " "))
    }

    @inlinable public mutating func pair(_ key: StaticString, name: StaticString) {
        self.key(key)
        buffer.append(name: name)
    }

    public mutating func pair(_ key: StaticString, name: String) {
        self.key(key)
        buffer.append(name: name)
    }

    @inlinable public mutating func pair(_ key: StaticString, int: Int) {
        self.key(key)
        buffer.append(int: int)
    }

    @inlinable public mutating func pair(_ key: StaticString, real: Double) {
        self.key(key)
        buffer.append(real: real)
    }

    @inlinable public mutating func pair(_ key: StaticString, ref: Ref) {
        self.key(key)
        buffer.append(ref: ref)
    }

    @inlinable public mutating func pair(_ key: StaticString, bool: Bool) {
        self.key(key)
        buffer.append(raw: bool ? "true" : "false")
    }

    /// A text string value (§7.9.2.2), e.g. /Title or /Alt.
    public mutating func pair(_ key: StaticString, text: String) {
        self.key(key)
        buffer.append(textString: text)
    }

    /// A byte string value written as a literal, e.g. /Registry (Adobe).
    public mutating func pair(_ key: StaticString, literal: some Sequence<UInt8>) {
        self.key(key)
        buffer.append(literal: literal)
    }

    public mutating func pair(_ key: StaticString, rect: (Double, Double, Double, Double)) {
        self.key(key)
        buffer.array { a in
            a.real(rect.0)
            a.real(rect.1)
            a.real(rect.2)
            a.real(rect.3)
        }
    }

    @inlinable public mutating func dict(_ key: StaticString, _ body: (inout DictWriter) -> Void) {
        self.key(key)
        buffer.dict(body)
    }

    @inlinable public mutating func array(_ key: StaticString, _ body: (inout ArrayWriter) -> Void) {
        self.key(key)
        buffer.array(body)
    }
}

/// Writes an array `[ … ]` (§7.3.6), separating items with single spaces.
public struct ArrayWriter {
    public var buffer: ByteBuffer
    @usableFromInline var first = true

    @usableFromInline init(buffer: ByteBuffer) { self.buffer = buffer }

    /// Separates the next item; the caller then writes it into `buffer`.
    @inlinable public mutating func item() {
        if first { first = false } else { buffer.append(UInt8(ascii: " ")) }
    }

    @inlinable public mutating func int(_ v: Int) {
        item()
        buffer.append(int: v)
    }

    @inlinable public mutating func real(_ v: Double) {
        item()
        buffer.append(real: v)
    }

    @inlinable public mutating func ref(_ r: Ref) {
        item()
        buffer.append(ref: r)
    }

    @inlinable public mutating func name(_ n: StaticString) {
        item()
        buffer.append(name: n)
    }

    public mutating func name(_ n: String) {
        item()
        buffer.append(name: n)
    }

    public mutating func text(_ s: String) {
        item()
        buffer.append(textString: s)
    }

    @inlinable public mutating func dict(_ body: (inout DictWriter) -> Void) {
        item()
        buffer.dict(body)
    }

    @inlinable public mutating func array(_ body: (inout ArrayWriter) -> Void) {
        item()
        buffer.array(body)
    }
}

extension ByteBuffer {
    /// Writes a dictionary; the writer owns these bytes while `body` runs (no copy).
    @inlinable public mutating func dict(_ body: (inout DictWriter) -> Void) {
        append(raw: "<<")
        var writer = DictWriter(buffer: ByteBuffer())
        swap(&writer.buffer.bytes, &bytes)
        body(&writer)
        swap(&writer.buffer.bytes, &bytes)
        append(raw: ">>")
    }

    @inlinable public mutating func array(_ body: (inout ArrayWriter) -> Void) {
        append(UInt8(ascii: "["))
        var writer = ArrayWriter(buffer: ByteBuffer())
        swap(&writer.buffer.bytes, &bytes)
        body(&writer)
        swap(&writer.buffer.bytes, &bytes)
        append(UInt8(ascii: "]"))
    }
}
