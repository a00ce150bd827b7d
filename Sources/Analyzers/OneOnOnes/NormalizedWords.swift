/// Text reduced to lower-case words separated by single spaces, with a space at each end
/// (` next level feedback `), so keywords can be matched at word starts with a byte search.
///
/// Letters and digits are word characters; every other ASCII character separates words.
/// Bytes of non-ASCII characters count as word characters (so `bien-être` stays two words).
struct NormalizedWords {
    /// The normalized bytes, starting and ending with a space.
    private(set) var bytes: [UInt8]

    /// Normalizes UTF-8 text.
    init(utf8 text: some Collection<UInt8>) {
        var words: [UInt8] = [0x20]
        words.reserveCapacity(text.count + 2)
        Self.appendWords(of: text, to: &words)
        bytes = words
    }

    /// Appends the normalized words of UTF-8 text to `words` (which starts with a space),
    /// ending with a space: several texts can be gathered into one buffer.
    static func appendWords(of text: some Collection<UInt8>, to words: inout [UInt8]) {
        if words.isEmpty { words.append(0x20) }
        // Text in contiguous memory (every reader's lines) goes run by run: ASCII through the
        // table-driven loop, other characters through Unicode lower-casing.
        let done = text.withContiguousStorageIfAvailable { bytes -> Void in
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, bytes[end] < 0x80 { end += 1 }
                if end > index { appendASCII(UnsafeBufferPointer(rebasing: bytes[index..<end]), to: &words) }
                index = end
                while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
                if end > index { appendLowercased(UnsafeBufferPointer(rebasing: bytes[index..<end]), to: &words) }
                index = end
            }
        } != nil
        if !done { appendLowercased(text, to: &words) }
        if words.last != 0x20 { words.append(0x20) }
    }

    /// UTF-8 text lower-cased as Unicode (`String.lowercased()`, one character at a time, so a
    /// run of text gives what it gives inside a longer text), then appended by ``append(_:to:)``.
    private static func appendLowercased(_ text: some Collection<UInt8>, to words: inout [UInt8]) {
        if text.contains(where: { $0 >= 0x80 }) {
            append(String(decoding: text, as: UTF8.self).lowercased().utf8, to: &words)
        } else {
            append(text, to: &words)
        }
    }

    /// Each ASCII byte as ``append(_:to:)`` treats it: the lower-case letter or digit it
    /// adds, or 0 for a separator.
    static let asciiWordBytes: [UInt8] = (0..<128).map { byte -> UInt8 in
        let lower = (0x41...0x5A).contains(byte) ? UInt8(byte + 0x20) : UInt8(byte)
        return (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) ? lower : 0
    }

    /// ``append(_:to:)`` for ASCII bytes, in one pass and without a check per appended byte:
    /// the bytes are copied onto the end of `words` as they are (one `memcpy`), then rewritten
    /// in place, front to back — each gives at most one byte, so the writing never overtakes
    /// the reading — and the unused end removed.
    private static func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>, to words: inout [UInt8]) {
        let start = words.count
        var afterSpace = words.last == 0x20
        words.append(contentsOf: bytes)
        var end = start
        asciiWordBytes.withUnsafeBufferPointer { table in
            words.withUnsafeMutableBufferPointer { output in
                for read in start..<output.count {
                    let mapped = table[Int(output[read])]
                    if mapped != 0 {
                        output[end] = mapped
                        end += 1
                        afterSpace = false
                    } else if !afterSpace {
                        output[end] = 0x20
                        end += 1
                        afterSpace = true
                    }
                }
            }
        }
        words.removeLast(words.count - end)
    }

    /// Normalizes a text.
    init(_ text: some StringProtocol) { self.init(utf8: text.utf8) }

    /// Whether nothing but separators was found.
    var isEmpty: Bool { bytes.count <= 1 }

    /// The words as text, without the outer spaces.
    var text: String { String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self) }

    private static func append(_ source: some Sequence<UInt8>, to words: inout [UInt8]) {
        for byte in source {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            let isWord = (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) || lower >= 0x80
            if isWord {
                words.append(lower)
            } else if words.last != 0x20 {
                words.append(0x20)
            }
        }
    }

    /// FNV-1a, 64 bits: a stable identity for the normalized text (the same in every run).
    var fingerprint: UInt64 {
        var hash = Self.fingerprintStart
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* Self.fingerprintPrime
        }
        return hash
    }

    /// FNV-1a's 64-bit offset basis and prime.
    static let fingerprintStart: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fingerprintPrime: UInt64 = 0x0000_0100_0000_01B3
}
