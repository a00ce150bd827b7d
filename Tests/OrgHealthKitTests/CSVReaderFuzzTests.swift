import OrgHealthKit
import Testing

/// Random inputs made of the bytes that matter (commas, quotes, CR, LF, spaces, a two-byte
/// letter) read with tiny buffers must give what a naive byte-by-byte reference reader gives.
/// Rows are counted as a spreadsheet shows them: a record is one row however many line breaks
/// its quoted fields hold, and CR CR LF ends one row.
@Suite("CSVReader: random inputs against a reference reader")
struct CSVReaderFuzzTests {
    @Test(arguments: [1, 2, 3, 5, 8, 9, 16, 1 << 20])
    func agreesWithReference(bufferSize: Int) {
        var random = SplitMix64(seed: 4_180)
        let alphabet: [[UInt8]] = [
            Array("a".utf8), Array("b".utf8), Array(",".utf8), Array(",".utf8), Array("\"".utf8), Array("\"".utf8),
            Array("\r".utf8), Array("\n".utf8), Array("\n".utf8), Array("é".utf8), Array(" ".utf8),
            Array("12.5".utf8), Array("abcdefghij".utf8), Array("日本".utf8),
        ]
        var failures: [String] = []
        for _ in 0..<3_000 {
            var input: [UInt8] = []
            for _ in 0..<Int(random.next() % 120) { input += alphabet[Int(random.next() % UInt64(alphabet.count))] }
            if csvOutcomes(input, bufferSize: bufferSize) != Self.reference(input) {
                failures.append(String(decoding: input, as: UTF8.self).debugDescription)
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// The rules of ``CSVReader``, written as plainly as possible over the whole input.
    static func reference(_ input: [UInt8]) -> [CSVOutcome] {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var outcomes: [CSVOutcome] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, fieldQuoted = false, started = false
        var line = 1, recordLine = 1, quoteLine = 1
        var index = 0
        while index < input.count {
            let byte = input[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < input.count, input[index + 1] == quote {
                        field.append(quote)
                        index += 2
                    } else {
                        inQuotes = false
                        index += 1
                    }
                    continue
                }
                field.append(byte)  // a line break inside quotes does not end the row
                index += 1
                continue
            }
            if byte == cr || byte == lf {
                if byte == cr, index + 2 < input.count, input[index + 1] == cr, input[index + 2] == lf {
                    index += 3  // CR CR LF: one record end
                } else {
                    index += byte == cr && index + 1 < input.count && input[index + 1] == lf ? 2 : 1
                }
                line += 1
                if started {
                    fields.append(String(decoding: field, as: UTF8.self))
                    outcomes.append(.record(fields, line: recordLine))
                }
                fields = []
                field = []
                fieldQuoted = false
                started = false
                recordLine = line
                continue
            }
            started = true
            if byte == comma {
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
                fieldQuoted = false
            } else if byte == quote, field.isEmpty, !fieldQuoted {
                inQuotes = true
                fieldQuoted = true
                quoteLine = line
            } else {
                field.append(byte)
            }
            index += 1
        }
        if inQuotes {
            outcomes.append(.error(.unterminatedQuote, line: quoteLine))
        } else if started {
            fields.append(String(decoding: field, as: UTF8.self))
            outcomes.append(.record(fields, line: recordLine))
        }
        return outcomes
    }
}
