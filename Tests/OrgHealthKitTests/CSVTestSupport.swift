import OrgHealthKit
import Testing

/// Buffer sizes that put a buffer boundary at every position of the small test inputs, plus
/// the default (the whole input in one buffer).
let csvBufferSizes = [1, 2, 3, 7, 64, 1 << 20]

/// What a reader produced: each record's fields and the line it starts on, or the error.
enum CSVOutcome: Equatable, Sendable, CustomStringConvertible {
    case record([String], line: Int)
    case error(CSVError.Kind, line: Int?)

    var description: String {
        switch self {
        case .record(let fields, let line): return "line \(line): \(fields)"
        case .error(let kind, let line): return "line \(line.map(String.init) ?? "-"): \(kind)"
        }
    }
}

/// Reads `bytes` to the end, recording records and errors (stops after a fatal error, but
/// checks that the reader then stays finished).
func csvOutcomes(_ bytes: [UInt8], bufferSize: Int, expectedFieldCount: Int? = nil) -> [CSVOutcome] {
    var reader = CSVReader(bytes: bytes, source: "test.csv", bufferSize: bufferSize)
    reader.expectedFieldCount = expectedFieldCount
    var outcomes: [CSVOutcome] = []
    while outcomes.count < 1_000 {
        do {
            guard let record = try reader.next() else { break }
            outcomes.append(.record(record.fields, line: record.line))
        } catch {
            outcomes.append(.error(error.kind, line: error.line))
        }
    }
    return outcomes
}

/// ``csvOutcomes(_:bufferSize:expectedFieldCount:)`` for text.
func csvOutcomes(_ text: String, bufferSize: Int, expectedFieldCount: Int? = nil) -> [CSVOutcome] {
    csvOutcomes(Array(text.utf8), bufferSize: bufferSize, expectedFieldCount: expectedFieldCount)
}

/// The fields of every record of `text`.
func csvRows(_ text: String, bufferSize: Int = 1 << 20) throws -> [[String]] {
    var reader = CSVReader(string: text, bufferSize: bufferSize)
    return try reader.readAll().map(\.fields)
}

/// A named input and what reading it must produce.
struct CSVCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: [UInt8]
    let expected: [CSVOutcome]

    init(_ name: String, _ input: String, _ expected: [CSVOutcome]) {
        self.init(name, bytes: Array(input.utf8), expected)
    }

    init(_ name: String, bytes: [UInt8], _ expected: [CSVOutcome]) {
        self.name = name
        self.input = bytes
        self.expected = expected
    }

    var testDescription: String { name }
}
