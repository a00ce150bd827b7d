import Foundation
import OrgHealthKit

/// Writes an `Encodable` value as JSON in pieces, byte for byte as Foundation's `JSONEncoder`
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes it (two-space indent,
/// `"key" : value`, keys in the byte order of their UTF-8, empty containers as `[`/`{`, a blank
/// line, the closing bracket), without building the document: each value is encoded one level
/// at a time (``JSONCapture``) and arrays element by element, and the text goes to `sink` in
/// pieces of about 64 KiB. A struct, so its buffer is reached without the run-time
/// exclusivity checks a class's stored property costs on every append.
struct JSONTextWriter {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void
    /// The written order of the last members of each type's objects: synthesized `Codable`
    /// encodes the same keys in the same order every time, so they are sorted once per type.
    private var orders: [ObjectIdentifier: (keys: [String], order: [Int])] = [:]
    /// The types found not to be arrays.
    private var isArray: [ObjectIdentifier: Bool] = [:]
    private static let chunk = 1 << 16
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
    /// Whether a large array's elements may be written on every core (not inside a piece that
    /// already is).
    fileprivate let writesInPieces: Bool
    /// Whether the text stays in the buffer until ``handOver(to:)`` (a piece's writer), rather
    /// than going to the sink a chunk at a time.
    private let collects: Bool
    /// Arrays of at least this many elements are written in pieces on every core.
    static let piecesFrom = 1_024

    init(sink: @escaping ([UInt8]) throws -> Void) {
        self.init(sink: sink, inPieces: true)
    }

    fileprivate init(sink: @escaping ([UInt8]) throws -> Void, inPieces: Bool) {
        self.sink = sink
        writesInPieces = inPieces
        collects = false
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// A piece's writer: it writes on at the end of `bytes` (a buffer reused from the round
    /// before), which it holds until ``handOver(to:)`` — the piece's text is copied once, into
    /// the output, not through a sink first.
    fileprivate init(collectingInto bytes: inout [UInt8]) {
        sink = { _ in }
        writesInPieces = false
        collects = true
        swap(&buffer, &bytes)
    }

    /// Gives a collecting writer's text back to the buffer it was lent.
    fileprivate mutating func handOver(to bytes: inout [UInt8]) {
        swap(&buffer, &bytes)
    }

    /// Appends text written elsewhere (a piece of an array), handing it on when the buffer is full.
    fileprivate mutating func append(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        try flushIfFull()
    }

    /// Writes `value` at the top level, then a line end, and hands over what is left.
    mutating func writeDocument<T: Encodable>(_ value: T) throws {
        try write(value, level: 0)
        buffer.append(0x0A)
        try flush()
    }

    /// Hands the buffered text to the sink.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() throws {
        if !collects && buffer.count >= Self.chunk { try flush() }
    }

    // MARK: Values

    /// Writes a value whose container opens at indent `level`.
    mutating func write<T: Encodable>(_ value: T, level: Int) throws {
        if T.self == String.self, let text = value as? String { return writeString(text) }
        if T.self == Int.self, let number = value as? Int { return buffer.append(contentsOf: String(number).utf8) }
        if T.self == Double.self, let number = value as? Double {
            return buffer.append(contentsOf: try JSONNumber.text(number, []).utf8)
        }
        if T.self == Bool.self, let flag = value as? Bool { return writeLiteral(flag ? "true" : "false") }
        // The figures, millions at 10^6 people, are written without the encoder (JSONDirectObjects.swift).
        if T.self == Metric.self, let metric = value as? Metric { return try writeDirect(metric, level: level) }
        if T.self == HealthSignal.self, let signal = value as? HealthSignal { return try writeDirect(signal, level: level) }
        if T.self == ScopeHealth.self, let scope = value as? ScopeHealth { return try writeDirect(scope, level: level) }
        if T.self == DimensionScore.self, let score = value as? DimensionScore { return try writeDirect(score, level: level) }
        if T.self == DimensionSource.self, let source = value as? DimensionSource { return try writeDirect(source, level: level) }
        if T.self == PeriodValue.self, let point = value as? PeriodValue { return try writeDirect(point, level: level) }
        // The run-time conformance check is asked once per type: most values are not arrays.
        let type = ObjectIdentifier(T.self)
        if isArray[type] ?? true {
            if let array = value as? any JSONStreamedArray { return try array.writeJSONElements(to: &self, level: level) }
            isArray[type] = false
        }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            return try writeFoundationScalar(value)
        }
        let capture = JSONCapture()
        try value.encode(to: capture)
        if case .object(let box) = capture.storage {
            try writeObject(box.members, order: order(of: box.members, type: type), level: level)
        } else {
            try write(capture.storage, level: level)
        }
    }

    /// The members' written order, from the cache when the type encoded the same keys last time.
    private mutating func order(of members: [(key: String, piece: JSONPiece)], type: ObjectIdentifier) -> [Int] {
        if let cached = orders[type], cached.keys.count == members.count,
           zip(cached.keys, members).allSatisfy({ $0 == $1.key }) {
            return cached.order
        }
        let order = Self.sortedUniqueOrder(members)
        orders[type] = (members.map(\.key), order)
        return order
    }

    private mutating func write(_ storage: JSONCapture.Storage, level: Int) throws {
        switch storage {
        // Foundation writes a value that encoded nothing as an empty object.
        case .nothing: writeEmptyObject(level: level)
        case .object(let box): try writeObject(box.members, level: level)
        case .array(let box): try writeArray(box.elements, level: level)
        case .single(let piece): try write(piece, level: level)
        }
    }

    private mutating func write(_ piece: JSONPiece, level: Int) throws {
        switch piece {
        case .literal(let text): writeLiteral(text)
        case .string(let text): writeString(text)
        case .deferred(let value): try write(value, level: level)
        case .object(let box): try writeObject(box.members, level: level)
        case .array(let box): try writeArray(box.elements, level: level)
        case .capture(let capture): try write(capture.storage, level: level)
        }
    }

    /// Date, Data, URL and Decimal have encodings of their own in `JSONEncoder` (all scalars):
    /// they are written by it. None is in the report model today.
    private mutating func writeFoundationScalar<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        buffer.append(contentsOf: try encoder.encode(value))
    }

    // MARK: Containers

    /// Opens an array at indent `level`; its elements follow, each after ``nextElement``.
    mutating func openArray() {
        buffer.append(UInt8(ascii: "["))
        buffer.append(0x0A)
    }

    /// Closes the array opened at indent `level`.
    mutating func closeArray(level: Int) {
        buffer.append(0x0A)
        writeIndent(level)
        buffer.append(UInt8(ascii: "]"))
    }

    /// Starts the next array element: the separator after the previous one and the indent.
    mutating func nextElement(first: Bool, level: Int) throws {
        if !first {
            buffer.append(UInt8(ascii: ","))
            buffer.append(0x0A)
        }
        writeIndent(level + 1)
        try flushIfFull()
    }

    private mutating func writeArray(_ elements: [JSONPiece], level: Int) throws {
        openArray()
        for (index, element) in elements.enumerated() {
            try nextElement(first: index == 0, level: level)
            try write(element, level: level + 1)
        }
        closeArray(level: level)
    }

    private mutating func writeObject(_ members: [(key: String, piece: JSONPiece)], level: Int) throws {
        try writeObject(members, order: Self.sortedUniqueOrder(members), level: level)
    }

    private mutating func writeObject(_ members: [(key: String, piece: JSONPiece)], order: [Int], level: Int) throws {
        buffer.append(UInt8(ascii: "{"))
        buffer.append(0x0A)
        var first = true
        for index in order {
            if first {
                first = false
            } else {
                buffer.append(UInt8(ascii: ","))
                buffer.append(0x0A)
            }
            writeIndent(level + 1)
            writeString(members[index].key)
            buffer.append(UInt8(ascii: " "))
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
            try write(members[index].piece, level: level + 1)
            try flushIfFull()
        }
        buffer.append(0x0A)
        writeIndent(level)
        buffer.append(UInt8(ascii: "}"))
    }

    private mutating func writeEmptyObject(level: Int) {
        buffer.append(UInt8(ascii: "{"))
        buffer.append(0x0A)
        buffer.append(0x0A)
        writeIndent(level)
        buffer.append(UInt8(ascii: "}"))
    }

    /// The members' positions sorted by key (UTF-8 byte order, as `JSONEncoder` sorts on
    /// Linux); of a key set twice, only the last (a dictionary's assignment in `JSONEncoder`).
    static func sortedUniqueOrder(_ members: [(key: String, piece: JSONPiece)]) -> [Int] {
        if members.count < 2 { return Array(members.indices) }
        let keys = members.map(\.key)
        let order = keys.indices.sorted { left, right in
            let byBytes = String.utf8Order(keys[left], keys[right])
            return byBytes != 0 ? byBytes < 0 : left < right
        }
        var unique: [Int] = []
        unique.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            if position + 1 < order.count, keys[order[position + 1]] == keys[index] { continue }
            unique.append(index)
        }
        return unique
    }

    mutating func writeIndent(_ level: Int) {
        for _ in 0..<level {
            buffer.append(0x20)
            buffer.append(0x20)
        }
    }

    // MARK: Scalars

    /// `"key" : ` for a plain ASCII key (no escapes).
    mutating func writeKey(_ key: StaticString) {
        buffer.append(UInt8(ascii: "\""))
        buffer.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        buffer.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    mutating func writeLiteral(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// A string with JSONEncoder's escapes: `"` and `\`, the control characters (`\b \f \n
    /// \r \t`, the rest as `\u00xx` in lower-case hex); slashes and everything else as is.
    mutating func writeString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(text)
        buffer.append(UInt8(ascii: "\""))
    }

    /// A scope's id (`team:Platform`) as a string, written without joining it first: the text
    /// of `Scope.id`, escaped as ``writeString(_:)`` escapes (issue 16: a joined string per
    /// figure at 10^6 people).
    mutating func writeScope(_ scope: Scope) {
        guard scope != .org, scope.kind != .attribute else { return writeString(scope.id) }
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(scope.kind.rawValue)
        buffer.append(UInt8(ascii: ":"))
        appendEscaped(scope.name)
        buffer.append(UInt8(ascii: "\""))
    }

    /// A number as ``JSONNumber/text(_:_:)`` gives it (its `description`, less a trailing
    /// `.0`), through the digits `Double.write(to:)` hands a stream as ASCII, without a
    /// `String` per value (issue 16). A value that is not finite throws as the encoder does.
    mutating func writeNumber(_ value: Double) throws {
        guard value.isFinite else { return writeLiteral(try JSONNumber.text(value, [])) }
        var stream = JSONNumberStream()
        swap(&stream.bytes, &buffer)
        let start = stream.bytes.count
        value.write(to: &stream)
        swap(&stream.bytes, &buffer)
        if buffer.count - start >= 2, buffer[buffer.count - 2] == UInt8(ascii: "."), buffer[buffer.count - 1] == UInt8(ascii: "0") {
            buffer.removeLast(2)
        }
    }

    /// Appends a string's UTF-8 with JSONEncoder's escapes, no quotes.
    private mutating func appendEscaped(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            var mark = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                if index > mark { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark..<index])) }
                mark = index + 1
                buffer.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: buffer.append(0x22)
                case 0x5C: buffer.append(0x5C)
                case 0x08: buffer.append(UInt8(ascii: "b"))
                case 0x0C: buffer.append(UInt8(ascii: "f"))
                case 0x0A: buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(UInt8(ascii: "r"))
                case 0x09: buffer.append(UInt8(ascii: "t"))
                default:
                    buffer.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]])
                }
            }
            if bytes.count > mark { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark...])) }
        }
    }
}

/// Where `Double.write(to:)` puts a number's digits: into the writer's buffer, lent to it.
private struct JSONNumberStream: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    // The standard library's own hook for ASCII output; its default makes a `String`.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}

/// Arrays are written element by element, so a large one (the analyzers' metrics) is never
/// captured whole.
protocol JSONStreamedArray {
    func writeJSONElements(to writer: inout JSONTextWriter, level: Int) throws
}

extension Array: JSONStreamedArray where Element: Encodable {
    func writeJSONElements(to writer: inout JSONTextWriter, level: Int) throws {
        writer.openArray()
        if count >= JSONTextWriter.piecesFrom && writer.writesInPieces {
            // A large array (the analyzers' metrics and signals, the scopes: millions at 10^6
            // people) is written in pieces on every core and put together in order (issue 16):
            // an element's text depends only on the element and its level, so the bytes are
            // those of writing it element by element.
            // Called from the pieces' threads: it only reads the array (hence unchecked).
            nonisolated(unsafe) let writePiece: (Range<Int>, inout [UInt8]) throws -> Void = { range, bytes in
                var piece = JSONTextWriter(collectingInto: &bytes)
                defer { piece.handOver(to: &bytes) }
                for index in range {
                    try piece.nextElement(first: index == 0, level: level)
                    try piece.write(self[index], level: level + 1)
                }
            }
            try OrderedPieces.write(count: count, build: { range, bytes in try writePiece(range, &bytes) },
                                    emit: { try writer.append($0) })
        } else {
            for (index, element) in enumerated() {
                try writer.nextElement(first: index == 0, level: level)
                try writer.write(element, level: level + 1)
            }
        }
        writer.closeArray(level: level)
    }
}

