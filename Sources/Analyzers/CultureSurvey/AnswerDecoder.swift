import Foundation
import OrgHealthKit

/// What one answer field held.
enum DecodedAnswer: Equatable {
    /// Blank: a missing answer, never zero.
    case missing
    /// A whole number (given as a number or as choice text through `labels`).
    case value(Int)
    /// A number that is not a whole number.
    case notWhole
    /// Text that is neither a number nor one of the labels.
    case unknownText
}

/// Turns an answer field's bytes into a number: digits are read directly, choice text is
/// looked up in the definition's `labels` (ignoring ASCII case and surrounding spaces).
/// No `String` is made for the common cases.
struct AnswerDecoder: Sendable {
    /// Each label's bytes, ASCII letters lowercased, with its value.
    private let labels: [(bytes: [UInt8], value: Int)]

    /// Creates a decoder for the given answer labels.
    init(labels: [(text: String, value: Int)]) {
        self.labels = labels.map { label in
            (Array(label.text.trimmingCharacters(in: .whitespacesAndNewlines).utf8).map(Self.lowercased), label.value)
        }
    }

    /// The answer in field `index` of `record`.
    func decode(_ record: CSVRecord, _ index: Int) -> DecodedAnswer {
        let answer = record.withField(index) { decode($0) }
        // Numbers in other notations ("4.0", "4e0") take the slow path.
        guard answer == .unknownText, let number = record.double(index) else { return answer }
        guard number == number.rounded(), abs(number) < 1e9 else { return .notWhole }
        return .value(Int(number))
    }

    /// The value of a field of one to three digits (no sign, no spaces) — nearly every answer
    /// of a numeric export — or `Int.min` for anything else.
    @inline(__always)
    static func shortWholeNumber(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        let count = raw.count
        guard count >= 1, count <= 3 else { return Int.min }
        var value = 0
        for index in 0..<count {
            let digit = raw[index] &- 0x30
            guard digit <= 9 else { return Int.min }
            value = value &* 10 &+ Int(digit)
        }
        return value
    }

    /// The answer held by `raw` (digits or a label); other notations give `.unknownText`.
    func decode(_ raw: UnsafeBufferPointer<UInt8>) -> DecodedAnswer {
        var start = 0
        var end = raw.count
        while start < end, Self.isSpace(raw[start]) { start += 1 }
        while end > start, Self.isSpace(raw[end - 1]) { end -= 1 }
        guard start < end else { return .missing }
        var index = start
        let negative = raw[index] == 0x2D
        if negative || raw[index] == 0x2B { index += 1 }
        if index < end, end - index <= 9 {
            var value = 0
            var digits = true
            for position in index..<end {
                let digit = raw[position] &- 0x30
                if digit > 9 { digits = false; break }
                value = value * 10 + Int(digit)
            }
            if digits { return .value(negative ? -value : value) }
        }
        let length = end - start
        for label in labels where label.bytes.count == length {
            var equal = true
            for offset in 0..<length where Self.lowercased(raw[start + offset]) != label.bytes[offset] {
                equal = false
                break
            }
            if equal { return .value(label.value) }
        }
        return .unknownText
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
