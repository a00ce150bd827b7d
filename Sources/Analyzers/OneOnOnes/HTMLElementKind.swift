import LibXML

/// What an element of an HTML notes export is to the reader: content to pass over, a heading
/// (`h1`–`h6`), an inline element inside a line of text, or a block.
///
/// Told from the element's name bytes, packed into one integer and looked up in sorted tables
/// (issue 16: an export has thousands of elements, and a string and a hashed set look-up per
/// element and per child cost more than the rest of the walk).
enum HTMLElementKind: Equatable {
    case skipped
    case heading(level: Int)
    case inline
    case block

    init(of node: ParsedNode) {
        self = node.withNameUTF8 { Self.kind(ofName: $0) }
    }

    /// The kind of an element named `name` (ASCII letters in any case).
    static func kind(ofName name: UnsafeBufferPointer<UInt8>) -> HTMLElementKind {
        guard let packed = pack(name) else { return .block }
        if name.count == 2, name[0] | 0x20 == UInt8(ascii: "h"), (0x31...0x36).contains(name[1]) {
            return .heading(level: Int(name[1] - 0x30))
        }
        if contains(skippedNames, packed) { return .skipped }
        if contains(inlineNames, packed) { return .inline }
        return .block
    }

    /// The name's bytes, ASCII letters lower-cased, in one integer (first byte highest); `nil`
    /// for an empty name or one longer than eight bytes (no listed name is).
    private static func pack(_ name: some Collection<UInt8>) -> UInt64? {
        guard !name.isEmpty, name.count <= 8 else { return nil }
        return name.reduce(0) { packed, byte in
            packed << 8 | UInt64((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
    }

    /// Elements whose content is never note text.
    static let skippedElements = ["head", "script", "style", "template", "noscript", "title", "svg"]
    /// Elements that sit inside a line of text rather than forming blocks.
    static let inlineElements = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "font", "i", "img", "input", "ins",
        "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u",
        "var", "wbr",
    ]

    /// The name lists, packed and sorted.
    private static let skippedNames = skippedElements.compactMap { pack(Array($0.utf8)) }.sorted()
    private static let inlineNames = inlineElements.compactMap { pack(Array($0.utf8)) }.sorted()

    /// Binary search of a sorted table.
    private static func contains(_ table: [UInt64], _ value: UInt64) -> Bool {
        var low = 0, high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < table.count && table[low] == value
    }
}
