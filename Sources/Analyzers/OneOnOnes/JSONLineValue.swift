/// A JSON value read from one line of a JSON Lines export by ``parse(_:)``: an object's members
/// in their order, a number kept as its text.
///
/// The byte-level fast path of ``JSONLinesNoteReader``; Foundation's `JSONSerialization` stays
/// the reference. The parser reads RFC 8259 JSON and gives `nil` for whatever it is not certain
/// Foundation reads the same way, and the reader then gives the line to Foundation: invalid
/// JSON (Foundation reports it, and accepts some of it, such as a trailing comma), a key
/// repeated in an object (Foundation keeps one of them), nesting deeper than ``maxDepth``, a
/// lone surrogate escape, a raw byte-order mark inside a string (Foundation drops one at the
/// start of a string and after an escape), a number longer than ``maxNumberLength``
/// characters or with an exponent of three digits or more (Foundation refuses one that does
/// not fit a `Double`).
enum JSONLineValue: Equatable {
    case object([Member])
    case array([JSONLineValue])
    case string(String)
    /// A number's text as written: `30`, `-1.5e3`.
    case number(String)
    case bool(Bool)
    case null

    /// One member of an object.
    struct Member: Equatable {
        let key: String
        let value: JSONLineValue
    }

    /// The deepest nesting of objects and arrays read (Foundation's limit is 512).
    static let maxDepth = 64
    /// The longest number read, in characters.
    static let maxNumberLength = 32

    /// The JSON text in `bytes` (whitespace around it allowed), or `nil` when it is not valid
    /// JSON or is beyond what the parser is sure of (see the type's description).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> JSONLineValue? {
        var parser = JSONLineParser(bytes: bytes)
        return parser.document()
    }
}

extension [JSONLineValue.Member] {
    /// Whether two members have equal keys (as Swift compares strings: canonically equivalent
    /// keys are equal, as they are in a `[String: Any]`).
    var hasRepeatedKey: Bool {
        // Pairs for the usual few keys; a set for many, so a huge object costs no square.
        guard count > 16 else {
            for later in indices.dropFirst() where self[..<later].contains(where: { $0.key == self[later].key }) {
                return true
            }
            return false
        }
        var keys = Set<String>(minimumCapacity: count)
        return contains { !keys.insert($0.key).inserted }
    }
}

/// The reading position in a line's bytes, one value at a time.
private struct JSONLineParser {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    /// Objects and arrays open around the reading position.
    var depth = 0
    /// A string's bytes with its escapes decoded, kept from string to string for its capacity.
    var unescaped: [UInt8] = []

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The byte at the reading position; `nil` at the end.
    private var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// One value with only whitespace around it.
    mutating func document() -> JSONLineValue? {
        skipWhitespace()
        guard let value = value() else { return nil }
        skipWhitespace()
        return index == bytes.count ? value : nil
    }

    /// Skips JSON's whitespace: space, tab, line feed, carriage return.
    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    private mutating func value() -> JSONLineValue? {
        guard let byte = next else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case Self.quote: return string().map(JSONLineValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return nil
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONLineValue) -> JSONLineValue? {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    private mutating func object() -> JSONLineValue? {
        guard depth < JSONLineValue.maxDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        var members: [JSONLineValue.Member] = []
        if next == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            // After a comma, a `}` (Foundation's trailing comma) is no key: not read here.
            guard next == Self.quote, let key = string() else { return nil }
            skipWhitespace()
            guard next == Self.colon else { return nil }
            index += 1
            skipWhitespace()
            guard let value = value() else { return nil }
            members.append(JSONLineValue.Member(key: key, value: value))
            skipWhitespace()
            switch next {
            case Self.comma:
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return members.hasRepeatedKey ? nil : .object(members)
            default:
                return nil
            }
        }
    }

    private mutating func array() -> JSONLineValue? {
        guard depth < JSONLineValue.maxDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        var elements: [JSONLineValue] = []
        if next == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipWhitespace()
            switch next {
            case Self.comma:
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                return nil
            }
        }
    }

    /// A string's text, the reading position on its opening quote. The bytes are known to be
    /// UTF-8 (the reader checked the line), and a quote or backslash never falls inside a
    /// multi-byte character, so the runs between escapes are whole characters.
    private mutating func string() -> String? {
        index += 1
        var run = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                let tail = UnsafeRawBufferPointer(rebasing: bytes[run..<index])
                index += 1
                guard escaped else { return String(decoding: tail, as: UTF8.self) }
                unescaped.append(contentsOf: tail)
                return String(decoding: unescaped, as: UTF8.self)
            } else if byte == Self.backslash {
                if !escaped {
                    unescaped.removeAll(keepingCapacity: true)
                    escaped = true
                }
                unescaped.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run..<index]))
                guard escape() else { return nil }
                run = index
            } else if byte < 0x20 {
                return nil  // a control character must be escaped
            } else if byte == 0xEF, bytes.count - index >= 3, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                return nil  // a byte-order mark, which Foundation may drop
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Decodes the escape at the reading position (a backslash) into `unescaped`.
    private mutating func escape() -> Bool {
        guard bytes.count - index >= 2 else { return false }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case Self.quote, Self.backslash, UInt8(ascii: "/"): unescaped.append(letter)
        case UInt8(ascii: "b"): unescaped.append(0x08)
        case UInt8(ascii: "f"): unescaped.append(0x0C)
        case UInt8(ascii: "n"): unescaped.append(0x0A)
        case UInt8(ascii: "r"): unescaped.append(0x0D)
        case UInt8(ascii: "t"): unescaped.append(0x09)
        case UInt8(ascii: "u"):
            guard let unit = hexUnit() else { return false }
            var value = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate counts only with the low one right after it.
                guard bytes.count - index >= 2, bytes[index] == Self.backslash, bytes[index + 1] == UInt8(ascii: "u") else { return false }
                index += 2
                guard let low = hexUnit(), (0xDC00...0xDFFF).contains(low) else { return false }
                value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            }
            // A lone low surrogate is no scalar.
            guard let scalar = Unicode.Scalar(value) else { return false }
            UTF8.encode(scalar) { unescaped.append($0) }
        default:
            return false
        }
        return true
    }

    /// The four hex digits of a `\u` escape.
    private mutating func hexUnit() -> UInt16? {
        guard bytes.count - index >= 4 else { return nil }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    /// A number by RFC 8259's grammar, `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    private mutating func number() -> JSONLineValue? {
        let start = index
        if next == UInt8(ascii: "-") { index += 1 }
        guard let first = next, isDigit(first) else { return nil }
        index += 1
        // After a leading 0 another digit is an error, found by the caller.
        if first != UInt8(ascii: "0") { skipDigits() }
        if next == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { return nil }
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            index += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { index += 1 }
            // Up to 99: no number of at most 32 characters then leaves a Double's range.
            guard (1...2).contains(skipDigits()) else { return nil }
        }
        guard index - start <= JSONLineValue.maxNumberLength else { return nil }
        return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Skips digits; how many.
    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index - start
    }
}
