/// Small helpers over UTF-8 byte slices, the form readers work on.
extension ArraySlice<UInt8> {
    /// The slice without leading and trailing spaces, tabs, carriage returns and no-break
    /// spaces (U+00A0).
    var trimmed: ArraySlice<UInt8> { trimming(mask: Self.spaceTabReturn) }

    /// Space, tab and carriage return, as a ``trimming(mask:)`` mask.
    private static let spaceTabReturn: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0D

    /// The slice without leading and trailing bytes of `set` (and no-break spaces).
    func trimming(_ set: [UInt8]) -> ArraySlice<UInt8> {
        var mask: UInt64 = 0
        var others: [UInt8] = []
        for byte in set {
            if byte < 64 { mask |= 1 << UInt64(byte) } else { others.append(byte) }
        }
        guard others.isEmpty else { return trimming { $0 < 64 ? mask & (1 << UInt64($0)) != 0 : others.contains($0) } }
        return trimming(mask: mask)
    }

    /// The slice without leading and trailing bytes below 64 whose bits are set in `mask`
    /// (and no-break spaces), found by index: no arrays built, no slices copied (issue 16:
    /// trimming ran for every line of 51,000 note files).
    func trimming(mask: UInt64) -> ArraySlice<UInt8> {
        trimming { $0 < 64 && mask & (1 << UInt64($0)) != 0 }
    }

    private func trimming(where isTrimmed: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        var start = startIndex, end = endIndex
        while start < end {
            if isTrimmed(self[start]) {
                start += 1
            } else if end - start >= 2, self[start] == 0xC2, self[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while start < end {
            if isTrimmed(self[end - 1]) {
                end -= 1
            } else if end - start >= 2, self[end - 2] == 0xC2, self[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        return self[start..<end]
    }

    /// The index of the first occurrence of `needle`, ASCII letters compared case-insensitively.
    func firstRange(ofCaseInsensitive needle: [UInt8]) -> Range<Int>? {
        guard let first = needle.first, count >= needle.count else { return nil }
        // A needle starting with a byte that is no letter (`<!entity`, `(due`) is looked for
        // where that byte is: one fast search between candidates instead of a comparison loop
        // started at every byte.
        let firstIsLetter = (0x61...0x7A).contains(first)
        var index = startIndex
        while index <= endIndex - needle.count {
            if !firstIsLetter {
                guard let next = self[index...].firstIndex(of: first), next <= endIndex - needle.count else { return nil }
                index = next
            }
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
