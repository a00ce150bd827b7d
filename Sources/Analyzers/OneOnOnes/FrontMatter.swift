import OrgHealthKit
import Yams

/// The YAML front matter of a Markdown note: `key: value` lines between `---` lines.
///
/// Plain `key: value` lines (the usual case) are read directly from the bytes; anything else
/// (quotes, flow collections, block scalars, indentation) goes through a YAML parser. Keys are
/// compared lower-cased.
struct FrontMatter: Sendable {
    /// A value and the 1-based line of the file it is on.
    struct Entry: Sendable {
        let value: String
        let line: Int
    }

    /// Scalar values by lower-cased key (non-scalar values are left out).
    let entries: [String: Entry]

    /// Why front matter could not be read.
    struct Invalid: Error {
        let line: Int?
        let message: String
    }

    /// Front matter with no entries (a file without any).
    static let empty = FrontMatter(entries: [:])

    private init(entries: [String: Entry]) { self.entries = entries }

    /// Parses the UTF-8 lines between the `---` lines; `firstLine` is the file line of `lines[0]`.
    init(utf8 lines: [ArraySlice<UInt8>], firstLine: Int) throws(Invalid) {
        if let simple = Self.simple(lines, firstLine: firstLine) {
            entries = simple
        } else {
            entries = try Self.yaml(lines.map(\.string).joined(separator: "\n"), firstLine: firstLine)
        }
    }

    subscript(key: String) -> Entry? { entries[key] }

    /// Bytes that make a value more than a plain scalar when they start it (looked for in a
    /// dozen bytes, not hashed as a set, for every value of every note).
    private static let specialStarts = Array("\"'[{|>&*!%@`".utf8)

    /// `: `, which makes a value a mapping.
    private static let colonSpace: [UInt8] = [0x3A, 0x20]

    /// `key: value` lines with plain values only; `nil` when the text needs a YAML parser.
    private static func simple(_ lines: [ArraySlice<UInt8>], firstLine: Int) -> [String: Entry]? {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated() {
            let trimmed = line.trimmed
            if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") { continue }
            guard line.first != 0x20, line.first != 0x09, let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return nil
            }
            let key = line[..<colon].trimmed
            guard !key.isEmpty, key.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == 0x20
            }) else { return nil }
            var value = line[(colon + 1)...]
            guard value.isEmpty || value.first == 0x20 || value.first == 0x09 else { return nil }
            if let comment = value.indices.first(where: {
                $0 > value.startIndex && value[$0] == UInt8(ascii: "#") && (value[$0 - 1] == 0x20 || value[$0 - 1] == 0x09)
            }) {
                value = value[..<comment]
            }
            let text = value.trimmed
            if let first = text.first, specialStarts.contains(first) { return nil }
            if text.last == UInt8(ascii: ":") || text.contains(0x09) || text.firstOccurrence(of: colonSpace) != nil {
                return nil
            }
            let name = key.contains(where: { (0x41...0x5A).contains($0) })
                ? String(decoding: key.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
                : key.string
            // A key given twice is for the YAML parser to refuse.
            guard entries.updateValue(Entry(value: text.string, line: firstLine + offset), forKey: name) == nil else { return nil }
        }
        return entries
    }

    private static func yaml(_ text: String, firstLine: Int) throws(Invalid) -> [String: Entry] {
        let node: Node?
        do { node = try BoundedYAML.compose(text) } catch {
            throw Invalid(line: error.line.map { firstLine - 1 + $0 },
                          message: error.exceedsLimit ? "is too large: \(error.detail)" : "is not valid YAML")
        }
        guard let node else { return [:] }
        guard let mapping = node.mapping else {
            throw Invalid(line: firstLine, message: "is not a list of 'key: value' lines")
        }
        var entries: [String: Entry] = [:]
        for (key, value) in mapping {
            guard let name = key.string?.lowercased(), let scalar = value.scalar else { continue }
            entries[name] = Entry(value: scalar.string, line: firstLine - 1 + (key.mark?.line ?? 1))
        }
        return entries
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    func trimmed(of set: String) -> String {
        // Nothing to trim (the usual case): the text as it is, without searching from each end.
        // First and last bytes found nowhere in `set` (so no character of it starts or ends
        // the text) say so without making a character at either end.
        let bytes = utf8
        if let first = bytes.first, !set.utf8.contains(first),
           !set.utf8.contains(bytes[bytes.index(bytes.endIndex, offsetBy: -1)]) {
            return String(self)
        }
        guard let first = firstIndex(where: { !set.contains($0) }),
              let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
