import OrgHealthKit
import Testing

/// UTF-8 input, the byte order mark, and input that is not UTF-8.
@Suite("CSVReader: UTF-8")
struct CSVReaderEncodingTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static let cases: [CSVCase] = [
        CSVCase("UTF-8 unquoted and quoted", "é,日本語,\"🎉 party, 🙂\"\nnaïve,\"Zoë\nÅsa\",😀\n",
                [.record(["é", "日本語", "🎉 party, 🙂"], line: 1), .record(["naïve", "Zoë\nÅsa", "😀"], line: 2)]),
        CSVCase("byte order mark dropped", bytes: bom + Array("id,name\n1,x".utf8),
                [.record(["id", "name"], line: 1), .record(["1", "x"], line: 2)]),
        CSVCase("byte order mark then a quoted header", bytes: bom + Array("\"id\",name\n".utf8),
                [.record(["id", "name"], line: 1)]),
        CSVCase("byte order mark then a blank line", bytes: bom + Array("\na\n".utf8), [.record(["a"], line: 2)]),
        CSVCase("only a byte order mark", bytes: bom, []),
        CSVCase("a look-alike of the mark is text (U+FEC0)", bytes: [0xEF, 0xBB, 0x80] + Array("x,y".utf8),
                [.record(["\u{FEC0}x", "y"], line: 1)]),
        CSVCase("a mark after the start is text", bytes: Array("a\n".utf8) + bom + Array("b".utf8),
                [.record(["a"], line: 1), .record(["\u{FEFF}b"], line: 2)]),
        CSVCase("Latin-1 é", bytes: Array("id,name\n1,caf".utf8) + [0xE9] + Array("\n2,x\n".utf8),
                [.record(["id", "name"], line: 1), .error(.invalidUTF8, line: 2)]),
        CSVCase("Latin-1 é at the very end", bytes: Array("a\nb\ncaf".utf8) + [0xE9],
                [.record(["a"], line: 1), .record(["b"], line: 2), .error(.invalidUTF8, line: 3)]),
        CSVCase("Latin-1 inside a multi-line quoted field", bytes: Array("a,\"x\r\ny".utf8) + [0xE9] + Array("\"\n".utf8),
                [.error(.invalidUTF8, line: 1)]),  // the record's row
        CSVCase("Latin-1 É after a blank line", bytes: Array("ok\n\n".utf8) + [0xC9] + Array("mile,2\n".utf8),
                [.record(["ok"], line: 1), .error(.invalidUTF8, line: 3)]),
    ]

    @Test(arguments: cases, csvBufferSizes)
    func reads(_ example: CSVCase, bufferSize: Int) {
        #expect(csvOutcomes(example.input, bufferSize: bufferSize) == example.expected)
    }

    /// Well-formed edge sequences: U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF.
    static let valid: [[UInt8]] = [
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ]

    @Test(arguments: valid, [1, 2, 3, 1 << 20])
    func acceptsWellFormedSequences(_ sequence: [UInt8], bufferSize: Int) throws {
        var reader = CSVReader(bytes: Array("a,".utf8) + sequence + Array(",b\n".utf8), bufferSize: bufferSize)
        let record = try #require(try reader.next())
        #expect(record.count == 3)
        #expect(Array(record[1].utf8) == sequence)
    }

    /// Ill-formed sequences: stray continuation, overlongs, surrogates, above U+10FFFF,
    /// bytes that never occur, truncated sequences.
    static let invalid: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xE6, 0x97], [0xF0, 0x9F, 0x98],
        [0xC3],
    ]

    @Test(arguments: invalid, [1, 2, 3, 1 << 20])
    func rejectsIllFormedSequences(_ sequence: [UInt8], bufferSize: Int) {
        let input = Array("h\nok\nx,".utf8) + sequence + Array(",y\nz\n".utf8)
        #expect(csvOutcomes(input, bufferSize: bufferSize) == [
            .record(["h"], line: 1), .record(["ok"], line: 2), .error(.invalidUTF8, line: 3),
        ])
    }

    /// Random byte strings rich in lead, continuation and boundary bytes: the reader rejects
    /// exactly those the standard library does not accept as UTF-8.
    @Test(arguments: [1, 3, 1 << 20])
    func validationAgreesWithTheStandardLibrary(bufferSize: Int) {
        let pool: [UInt8] = [
            0x41, 0x2C, 0x0A, 0x0D, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF,
        ]
        var random = SplitMix64(seed: 3_629)
        var disagreements: [[UInt8]] = []
        for _ in 0..<20_000 {
            let bytes = (0..<Int(random.next() % 12)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
            let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
            let rejected = csvOutcomes(bytes, bufferSize: bufferSize).contains {
                if case .error(.invalidUTF8, _) = $0 { return true }
                return false
            }
            if rejected == isUTF8 { disagreements.append(bytes) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func invalidUTF8MessageNamesFileLineAndByte() throws {
        var reader = CSVReader(bytes: Array("id,name\n1,caf".utf8) + [0xE9] + Array(",x\n".utf8), source: "roster.csv")
        #expect(try reader.next()?.fields == ["id", "name"])
        do {
            _ = try reader.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.byte == 0xE9)
            #expect(error.offset == 13)  // "id,name\n" is 8 bytes, "1,caf" 5
            #expect(error.description == "roster.csv:2: the file is not UTF-8 (byte 0xE9 at byte offset 13); save it as "
                + "UTF-8, or if it is in another encoding, declare it for this source in the config "
                + "(encoding: windows-1252 or encoding: iso-8859-1)")
        }
        #expect(try reader.next() == nil)
    }
}
