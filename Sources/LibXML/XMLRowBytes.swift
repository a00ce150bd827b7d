/// The growable byte buffer an ``XMLRow`` is gathered in: a plain allocation with a count,
/// no copy-on-write checks per byte (issue 16: an `Array`'s uniqueness check and bridging on
/// every append were most of a figure row's cost). The ``XMLStreamWriter`` owns it, lends it
/// to one row at a time, and frees it.
struct XMLRowBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    /// An empty buffer; nothing is allocated until the first byte.
    init() {
        base = Self.nothing
        capacity = 0
    }

    /// Where an empty buffer points: never written, never freed.
    // Unchecked: nothing is ever written through it (capacity 0 makes every append grow first).
    nonisolated(unsafe) private static let nothing = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    /// Frees the allocation; the value must not be used afterwards.
    func free() {
        if capacity > 0 { base.deallocate() }
    }

    mutating func removeAll() { count = 0 }

    /// Room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    /// Reallocates for `extra` more bytes, at least doubling (out of line: rare).
    @inline(never)
    private mutating func grow(_ extra: Int) {
        var grown = max(capacity * 2, 4_096)
        while grown < count + extra { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: base, count: count)
        free()
        base = larger
        capacity = grown
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, repeated times: Int) {
        guard times > 0 else { return }
        reserve(times)
        (base + count).initialize(repeating: byte, count: times)
        count += times
    }

    /// Appends ` name="`, the start of an attribute, with one check for room.
    @inline(__always)
    mutating func appendAttributeStart(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        reserve(length + 3)
        base[count] = 0x20
        (base + count + 1).update(from: name.utf8Start, count: length)
        base[count + 1 + length] = 0x3D
        base[count + 2 + length] = 0x22
        count += length + 3
    }

    /// Appends the decimal digits of a whole number ≥ 0.
    mutating func appendDigits(_ value: Int) {
        var digits = 1, rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        reserve(digits)
        var remaining = value
        for index in stride(from: count + digits - 1, through: count, by: -1) {
            base[index] = UInt8(0x30 + remaining % 10)
            remaining /= 10
        }
        count += digits
    }

    /// The bytes gathered so far.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// A stream `Double.write(to:)` writes its digits into: the standard library hands them over as
/// ASCII bytes (`_writeASCII`), so no `String` is made for a number (issue 16: most of the 2
/// million values in the XML at 10^6 people are 17 to 19 digits, each a heap-allocated string).
struct XMLRowNumberStream: TextOutputStream {
    var bytes: XMLRowBytes

    mutating func write(_ string: String) { bytes.append(string) }

    // The standard library's own hook for ASCII output; its default makes a `String`.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(buffer) }
}
