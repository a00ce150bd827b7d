/// Checks that a byte stream is well-formed UTF-8, one buffer at a time.
///
/// Rejects stray continuation bytes, overlong forms, UTF-16 surrogates (U+D800–U+DFFF),
/// code points above U+10FFFF and truncated sequences. A sequence may be split between two
/// buffers: the validator carries the bytes it still expects into the next call.
struct UTF8Validator {
    /// Continuation bytes still expected by the sequence in progress.
    private var pending = 0
    /// The range the next continuation byte must fall into (narrower right after some lead
    /// bytes, to exclude overlongs, surrogates and values above U+10FFFF).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// The first byte of the sequence in progress, reported when it turns out to be invalid.
    private(set) var leadByte: UInt8 = 0

    /// The length of the sequence in progress (lead byte included).
    private var sequenceLength = 0

    /// Whether the input so far ends in the middle of a multi-byte sequence.
    var isInsideSequence: Bool { pending > 0 }

    /// How many bytes of the sequence in progress have been seen (0 outside one).
    var bytesOfSequence: Int { pending > 0 ? sequenceLength - pending : 0 }

    /// Validates the next bytes of the stream. Returns `nil` when they are fine, or the offset
    /// in `bytes` at which the stream stops being UTF-8, the byte to report (the first
    /// byte of the offending sequence, which may lie in an earlier buffer) and its offset in
    /// `bytes` (negative when it lies in an earlier buffer).
    mutating func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, byte: UInt8, leadOffset: Int)? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            if pending > 0 {
                let byte = base[index]
                guard byte >= lower, byte <= upper else { return (index, leadByte, index - (sequenceLength - pending)) }
                lower = 0x80
                upper = 0xBF
                pending -= 1
                index += 1
                continue
            }
            // ASCII fast path: eight bytes at a time while none has the high bit set.
            while index + 8 <= count,
                  raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            while index < count, base[index] < 0x80 { index += 1 }
            guard index < count else { break }
            let byte = base[index]
            leadByte = byte
            switch byte {
            case 0xC2...0xDF: pending = 1
            case 0xE0: pending = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: pending = 2
            case 0xED: pending = 2; upper = 0x9F
            case 0xF0: pending = 3; lower = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4: pending = 3; upper = 0x8F
            default: return (index, byte, index)  // continuation byte without a lead, C0/C1, F5–FF
            }
            sequenceLength = pending + 1
            index += 1
        }
        return nil
    }
}

/// UTF-8 checks for whole inputs, for readers that take a file's bytes at once.
public enum UTF8Check {
    /// The offset at which `bytes` stop being well-formed UTF-8 (`bytes.count` when they end
    /// inside a multi-byte sequence), or `nil` when all of them are well-formed.
    public static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        var validator = UTF8Validator()
        if let found = validator.validate(bytes.assumingMemoryBound(to: UInt8.self)) { return found.offset }
        return validator.isInsideSequence ? bytes.count : nil
    }
}
