import Yams

/// Reads YAML text into a Yams node tree, with the bounds every YAML input of OrgHealth shares
/// (the config, survey definitions, note front matter).
///
/// YAML aliases (`*name`) repeat what an anchor (`&name`) holds, so ten lines of nested aliases
/// can stand for 10¹⁰ nodes (an "alias bomb"): anything that walks the tree would exhaust the
/// machine. The tree is therefore walked once, counting nodes as if every alias were expanded,
/// and refused past ``maxExpandedNodes`` — the walk stops there, so the check itself is bounded.
/// An alias used as a mapping key is refused before parsing: the YAML library hashes keys, which
/// would walk an expanded key whole.
public enum BoundedYAML {
    /// The most nodes a document may hold once its aliases are expanded: 100,000 (a config for
    /// a large organization or a survey of 200 questions holds a few thousand).
    public static let maxExpandedNodes = 100_000

    /// The first document's root node, or `nil` for an empty document.
    public static func compose(_ text: String, maxExpandedNodes: Int = maxExpandedNodes) throws(YAMLProblem) -> Node? {
        if let line = aliasKeyLine(text) {
            throw YAMLProblem(line: line, detail: "an alias (*name) is used as a key; write the key out", exceedsLimit: false)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLProblem(error)
        } catch {
            throw YAMLProblem(line: nil, detail: "unreadable document", exceedsLimit: false)
        }
        guard let root else { return nil }
        try checkExpandedSize(root, limit: maxExpandedNodes)
        return root
    }

    /// Counts the nodes as expanded, depth first, and stops at the first past `limit`.
    private static func checkExpandedSize(_ root: Node, limit: Int) throws(YAMLProblem) {
        var stack: [Node] = [root]
        var count = 0
        while let node = stack.popLast() {
            count += 1
            if count > limit {
                throw YAMLProblem(
                    line: node.mark?.line,
                    detail: "its aliases (*name) expand to more than \(limit) values, more than OrgHealth reads; "
                        + "write the repeated parts out or remove the aliases",
                    exceedsLimit: true)
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
    }

    /// The 1-based line of an alias written where a mapping key goes (`*name:`, `*name :`,
    /// `? *name`, `{*name: …}`), if there is one. Lexical and conservative: a line that only
    /// looks like one inside a quoted string is refused too, which no real config needs.
    static func aliasKeyLine(_ text: String) -> Int? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var lineNumber = 0
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            var index = 0
            while index < bytes.count {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: "*") else { continue }
                let before = index == 0 ? 0x20 : bytes[index - 1]
                guard [0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "?")]
                        .contains(before) else { continue }
                // `? *name`: a complex key that is an alias.
                var back = index - 1
                while back >= 0, bytes[back] == 0x20 || bytes[back] == 0x09 { back -= 1 }
                if back >= 0, bytes[back] == UInt8(ascii: "?"), back == 0 || bytes[back - 1] == 0x20 || bytes[back - 1] == 0x09
                    || bytes[back - 1] == UInt8(ascii: "-") {
                    return lineNumber
                }
                var end = index + 1
                while end < bytes.count, isAnchorByte(bytes[end]) { end += 1 }
                guard end > index + 1 else { continue }
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: ":"),
                   end + 1 == bytes.count || [0x20, 0x09, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}")].contains(bytes[end + 1]) {
                    return lineNumber
                }
            }
        }
        return nil
    }

    /// A byte libyaml accepts in an anchor or alias name other than `:` (letters, digits, `-`, `_`, non-ASCII).
    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}

/// Why a YAML document could not be read: the 1-based line when known, and what is wrong.
public struct YAMLProblem: Error, Sendable {
    /// The 1-based line of the document the problem is on, if known.
    public let line: Int?
    /// What is wrong, in words for the person who wrote the file (no leading capital, no period).
    public let detail: String
    /// Whether the document is valid YAML but too large once expanded (``BoundedYAML/maxExpandedNodes``).
    public let exceedsLimit: Bool

    /// A problem at a line.
    public init(line: Int?, detail: String, exceedsLimit: Bool) {
        self.line = line
        self.detail = detail
        self.exceedsLimit = exceedsLimit
    }

    /// The line and the problem the YAML library reports.
    init(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            self.init(line: mark.line, detail: problem, exceedsLimit: false)
        case .duplicatedKeysInMapping(let duplicates, _):
            self.init(line: nil, detail: "duplicate keys \(duplicates.joined(separator: ", "))", exceedsLimit: false)
        default:
            self.init(line: nil, detail: "unreadable document", exceedsLimit: false)
        }
    }
}
