import OrgHealthKit
import Testing

/// Numbers parsed straight from a record's bytes: `double(_:)`, `int(_:)`, `isEmpty(_:)`.
@Suite("CSVRecord: numbers and blanks")
struct CSVRecordNumberTests {
    private func record(_ fields: [String]) -> CSVRecord { CSVRecord(fields: fields) }

    static let doubles: [(String, Double?)] = [
        ("3", 3), ("4.5", 4.5), ("17", 17), ("-0.25", -0.25), ("1e3", 1_000), ("1E3", 1_000),
        (" 17 ", 17), ("\t2.5\t", 2.5), ("+2", 2), (".5", 0.5), ("5.", 5), ("-.5", -0.5),
        ("1e-2", 0.01), ("2.5E+4", 25_000), ("0.1", 0.1), ("0.000123", 0.000123), ("007", 7),
        ("123456789012345", 123_456_789_012_345), ("12345678901234567890", 12_345_678_901_234_567_168),
        ("0.30000000000000004", 0.30000000000000004), ("1.7976931348623157e308", 1.7976931348623157e308),
        ("4.9e-324", .leastNonzeroMagnitude), ("1e-400", 0), ("0e999", 0), ("1e22", 1e22), ("1e23", 1e23),
        ("", nil), ("  ", nil), ("abc", nil), ("1e", nil), ("1e+", nil), ("1.2.3", nil), ("--1", nil),
        ("+", nil), ("-", nil), (".", nil), ("e5", nil), ("inf", nil), ("nan", nil), ("infinity", nil),
        ("0x10", nil), ("1,5", nil), ("1 000", nil), ("12abc", nil), ("١٢", nil),
        ("-.", nil), ("1-2", nil), ("1+", nil), ("1é", nil), (".1.", nil), ("-1.-2", nil), ("1\u{0}", nil),
        ("99999999", 99_999_999), ("-9999999", -9_999_999), ("12345678", 12_345_678), ("00000000", 0),
        ("1234.567", 1_234.567), ("0.000001", 0.000001), ("-.000001", -0.000001), ("1234567.8", 1_234_567.8),
        ("-0.25 ", -0.25), (" -0.25", -0.25),
    ]

    @Test func parsesDecimals() {
        for (text, expected) in Self.doubles {
            #expect(record([text]).double(0) == expected, "\(text)")
        }
        #expect(record(["-0"]).double(0)?.sign == .minus)
        #expect(record(["-0.0"]).double(0)?.sign == .minus)
        #expect(record(["1e400"]).double(0) == .infinity)
        #expect(record(["x"]).double(3) == nil)
    }

    /// Random decimals of every shape give exactly (bit for bit) what `Double(String)` gives.
    @Test func matchesDoubleFromString() {
        var random = SplitMix64(seed: 0x0C5F_2026)
        var mismatches: [String] = []
        for index in 0..<200_000 {
            let text = Self.randomDecimal(&random, shape: index % 5)
            let expected = Double(text)
            let parsed = record([text]).double(0)
            if parsed?.bitPattern != expected?.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// The same through a reader: fields at every position of a record, including the last.
    @Test func matchesDoubleFromStringInReadRecords() throws {
        var random = SplitMix64(seed: 0x5EED)
        let texts = (0..<50_000).map { Self.randomDecimal(&random, shape: $0 % 5) }
        var csv = ""
        for (index, text) in texts.enumerated() { csv += text + (index % 7 == 6 || index == texts.count - 1 ? "\n" : ",") }
        var reader = CSVReader(string: csv, bufferSize: 4_096)
        var parsed: [Double?] = []
        while let record = try reader.next() {
            for index in 0..<record.count { parsed.append(record.double(index)) }
        }
        #expect(parsed.count == texts.count)
        let mismatches = zip(texts, parsed).filter { Double($0.0)?.bitPattern != $0.1?.bitPattern }.map(\.0)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    static func randomDecimal(_ random: inout SplitMix64, shape: Int) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(random.next() % 10)) })
        }
        let sign = ["", "", "-", "+"][Int(random.next() % 4)]
        switch shape {
        case 0:  // integers of 1–20 digits
            return sign + digits(1 + Int(random.next() % 20))
        case 1:  // short decimals like a rating or a salary
            return sign + digits(Int(random.next() % 7)) + "." + digits(1 + Int(random.next() % 6))
        case 2:  // long fractions
            return sign + digits(1 + Int(random.next() % 4)) + "." + digits(Int(random.next() % 22))
        case 3:  // exponents
            let exponent = ["e", "E"][Int(random.next() % 2)] + ["", "-", "+"][Int(random.next() % 3)]
                + String(random.next() % 330)
            return sign + digits(1 + Int(random.next() % 3)) + "." + digits(Int(random.next() % 17)) + exponent
        default:  // shortest round-trip texts of random doubles of any magnitude
            let value = Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
            return sign == "-" ? (-value).description : value.description
        }
    }

    static let ints: [(String, Int?)] = [
        ("42", 42), (" -7 ", -7), ("+3", 3), ("0", 0), ("-0", 0), ("007", 7),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ("9223372036854775808", nil), ("-9223372036854775809", nil), ("99999999999999999999", nil),
        ("3.0", nil), ("1e3", nil), ("", nil), ("-", nil), ("+", nil), ("a1", nil), ("1 2", nil),
    ]

    @Test func parsesWholeNumbers() {
        for (text, expected) in Self.ints {
            #expect(record([text]).int(0) == expected, "\(text)")
        }
        #expect(record(["1"]).int(1) == nil)
    }

    @Test func blankFields() {
        let fields = record(["", " ", "\t", " a ", "0", "\r\n"])
        #expect(fields.isEmpty(0))
        #expect(fields.isEmpty(1))
        #expect(fields.isEmpty(2))
        #expect(!fields.isEmpty(3))
        #expect(!fields.isEmpty(4))
        #expect(fields.isEmpty(5))
        #expect(fields.isEmpty(6))
        #expect(fields.trimmed(3) == "a")
        #expect(fields[3] == " a ")
    }

    @Test func recordFromFields() {
        let made = CSVRecord(fields: ["a", "", "b,c"], line: 4)
        #expect(made.fields == ["a", "", "b,c"])
        #expect(made.count == 3)
        #expect(made.line == 4)
        #expect(CSVRecord(fields: []).count == 1)
    }
}
