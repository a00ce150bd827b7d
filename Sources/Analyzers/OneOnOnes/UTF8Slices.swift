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
