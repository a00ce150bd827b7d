/// Text reduced to lower-case words separated by single spaces, with a space at each end
/// (` next level feedback `), so keywords can be matched at word starts with a byte search.
///
/// Letters and digits are word characters; every other ASCII character separates words.
/// Bytes of non-ASCII characters count as word characters (so `bien-être` stays two words).
struct WordText {
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
        if text.contains(where: { $0 >= 0x80 }) {
            append(String(decoding: text, as: UTF8.self).lowercased().utf8, to: &words)
        } else {
            append(text, to: &words)
        }
        if words.last != 0x20 { words.append(0x20) }
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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Small helpers over UTF-8 byte slices, the form readers work on.
extension ArraySlice<UInt8> {
    /// The slice without leading and trailing spaces, tabs, carriage returns and no-break
    /// spaces (U+00A0).
    var trimmed: ArraySlice<UInt8> { trimming([0x20, 0x09, 0x0D]) }

    /// The slice without leading and trailing bytes of `set` (and no-break spaces).
    func trimming(_ set: [UInt8]) -> ArraySlice<UInt8> {
        var slice = self
        while true {
            if let first = slice.first, set.contains(first) {
                slice = slice.dropFirst()
            } else if slice.starts(with: [0xC2, 0xA0]) {
                slice = slice.dropFirst(2)
            } else {
                break
            }
        }
        while true {
            if let last = slice.last, set.contains(last) {
                slice = slice.dropLast()
            } else if slice.count >= 2, slice[slice.endIndex - 2] == 0xC2, slice[slice.endIndex - 1] == 0xA0 {
                slice = slice.dropLast(2)
            } else {
                break
            }
        }
        return slice
    }

    /// The index of the first occurrence of `needle`, ASCII letters compared case-insensitively.
    func firstRange(ofCaseInsensitive needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, count >= needle.count else { return nil }
        var index = startIndex
        while index <= endIndex - needle.count {
            var matched = 0
            while matched < needle.count {
                let byte = self[index + matched]
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                guard lower == needle[matched] else { break }
                matched += 1
            }
            if matched == needle.count { return index..<(index + needle.count) }
            index += 1
        }
        return nil
    }

    /// The index range of the first occurrence of `needle` (exact bytes).
    func firstOccurrence(of needle: [UInt8]) -> Range<Int>? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var index = startIndex
        while index <= endIndex - needle.count {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }

    /// The text, decoded as UTF-8.
    var string: String { String(decoding: self, as: UTF8.self) }
}
