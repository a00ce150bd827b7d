/// Turns UTF-16 or single-byte text into UTF-8, one piece at a time: a character split
/// between two pieces (half a UTF-16 code unit, or half a surrogate pair) is carried over.
///
/// UTF-16 that is not well formed (an unpaired surrogate, an odd byte at the very end) becomes
/// U+FFFD, as every text editor shows it. windows-1252's five unassigned bytes (0x81, 0x8D,
/// 0x8F, 0x90, 0x9D) become the C1 controls of the same value, as the WHATWG Encoding
/// Standard decodes them.
struct TextTranscoder {
    let encoding: TabularEncoding
    /// Bytes of a UTF-16 code unit still waiting for its second byte.
    private var carriedByte: UInt8?
    /// A high surrogate waiting for its low surrogate.
    private var highSurrogate: UInt16?

    init(encoding: TabularEncoding) {
        self.encoding = encoding
    }

    /// Appends the UTF-8 of `bytes` to `output`; at the end of the input, also whatever is left.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, into output: inout [UInt8]) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: bytes)
        case .windows1252, .iso88591:
            output.reserveCapacity(output.count + bytes.count * 2)
            let table = encoding == .windows1252
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else if table, byte < 0xA0 {
                    Self.append(UInt32(Self.windows1252High[Int(byte - 0x80)]), to: &output)
                } else {
                    Self.append(UInt32(byte), to: &output)
                }
            }
        case .utf16LittleEndian, .utf16BigEndian:
            output.reserveCapacity(output.count + bytes.count * 3 / 2)
            let little = encoding == .utf16LittleEndian
            var index = 0
            if let first = carriedByte, !bytes.isEmpty {
                carriedByte = nil
                unit(little ? UInt16(first) | UInt16(bytes[0]) << 8 : UInt16(first) << 8 | UInt16(bytes[0]), into: &output)
                index = 1
            }
            while index + 1 < bytes.count {
                let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                unit(little ? a | b << 8 : a << 8 | b, into: &output)
                index += 2
            }
            if index < bytes.count { carriedByte = bytes[index] }
        }
        if atEnd {
            if carriedByte != nil || highSurrogate != nil { Self.append(0xFFFD, to: &output) }
            carriedByte = nil
            highSurrogate = nil
        }
    }

    private mutating func unit(_ value: UInt16, into output: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(value) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(value) - 0xDC00)
                Self.append(scalar, to: &output)
                return
            }
            Self.append(0xFFFD, to: &output)  // an unpaired high surrogate
        }
        switch value {
        case 0xD800...0xDBFF: highSurrogate = value
        case 0xDC00...0xDFFF: Self.append(0xFFFD, to: &output)  // an unpaired low surrogate
        default: Self.append(UInt32(value), to: &output)
        }
    }

    /// Appends the UTF-8 bytes of a Unicode scalar value.
    @inline(__always)
    private static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// windows-1252 bytes 0x80–0x9F (from the Unicode Consortium's mapping table
    /// MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT; unassigned bytes map to themselves).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
