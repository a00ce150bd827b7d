import OrgHealthKit
import Testing

/// The record structures of RFC 4180 and what common CSV test suites check, each read with
/// buffers of 1, 2, 3, 7, 64 bytes and 1 MiB so that every buffer boundary position is hit.
@Suite("CSVReader: records, fields and quotes")
struct CSVReaderTests {
    static let cases: [CSVCase] = [
        CSVCase("simple", "a,b,c\n1,2,3\n", [.record(["a", "b", "c"], line: 1), .record(["1", "2", "3"], line: 2)]),
        CSVCase("comma in quotes", "a,\"b,c\",d\n", [.record(["a", "b,c", "d"], line: 1)]),
        CSVCase("doubled quotes", "\"say \"\"hi\"\"\",x\n", [.record(["say \"hi\"", "x"], line: 1)]),
        CSVCase("only a doubled quote", "\"\"\"\"\n", [.record(["\""], line: 1)]),
        CSVCase("quoted empty field", "\"\"\n", [.record([""], line: 1)]),
        CSVCase("quoted empty last field", "a,\"\"", [.record(["a", ""], line: 1)]),
        CSVCase("LF inside quotes", "a,\"x\ny\",b\nc,d,e\n",
                [.record(["a", "x\ny", "b"], line: 1), .record(["c", "d", "e"], line: 2)]),  // rows, not lines
        CSVCase("CR inside quotes", "a,\"x\ry\",b\rc,d,e",
                [.record(["a", "x\ry", "b"], line: 1), .record(["c", "d", "e"], line: 2)]),
        CSVCase("CRLF inside quotes", "a,\"x\r\ny\",b\r\nc,d,e\r\n",
                [.record(["a", "x\r\ny", "b"], line: 1), .record(["c", "d", "e"], line: 2)]),
        CSVCase("CRLF records", "a,b\r\nc,d\r\n", [.record(["a", "b"], line: 1), .record(["c", "d"], line: 2)]),
        CSVCase("LF records", "a,b\nc,d\n", [.record(["a", "b"], line: 1), .record(["c", "d"], line: 2)]),
        CSVCase("lone CR records", "a,b\rc,d\r", [.record(["a", "b"], line: 1), .record(["c", "d"], line: 2)]),
        CSVCase("mixed terminators", "a\nb\r\nc\rd",
                [.record(["a"], line: 1), .record(["b"], line: 2), .record(["c"], line: 3), .record(["d"], line: 4)]),
        CSVCase("no trailing newline", "a,b\nc,d", [.record(["a", "b"], line: 1), .record(["c", "d"], line: 2)]),
        CSVCase("empty middle field", "a,,c\n", [.record(["a", "", "c"], line: 1)]),
        CSVCase("only a comma", ",\n", [.record(["", ""], line: 1)]),
        CSVCase("trailing comma", "a,b,\n", [.record(["a", "b", ""], line: 1)]),
        CSVCase("leading comma", ",a", [.record(["", "a"], line: 1)]),
        CSVCase("blank lines skipped but counted", "a\n\nb\r\n\r\nc\r\rd\n",
                [.record(["a"], line: 1), .record(["b"], line: 3), .record(["c"], line: 5), .record(["d"], line: 7)]),
        CSVCase("leading blank lines", "\n\r\n\ra,b\n", [.record(["a", "b"], line: 4)]),
        CSVCase("trailing blank lines", "a\n\n\n", [.record(["a"], line: 1)]),
        CSVCase("only blank lines", "\n\r\n\r\n", []),
        CSVCase("empty input", "", []),
        CSVCase("only a header", "id,name\n", [.record(["id", "name"], line: 1)]),
        CSVCase("a line of spaces is a record", " \n", [.record([" "], line: 1)]),
        CSVCase("spaces are kept", " a , b \n", [.record([" a ", " b "], line: 1)]),
        CSVCase("quote inside an unquoted field", "a\"b,c\n", [.record(["a\"b", "c"], line: 1)]),
        CSVCase("doubled quote inside an unquoted field", "a\"\"b\n", [.record(["a\"\"b"], line: 1)]),
        CSVCase("text after a closing quote", "\"a\"b,c\n", [.record(["ab", "c"], line: 1)]),
        CSVCase("space before a quote", " \"a\",b\n", [.record([" \"a\"", "b"], line: 1)]),
        CSVCase("quoted fields everywhere", "\"a\",\"b\"\r\n\"c\",\"d\"",
                [.record(["a", "b"], line: 1), .record(["c", "d"], line: 2)]),
        CSVCase("line numbers after a multi-line field", "h1,h2\n\"multi\nline\n\nvalue\",x\nnext,y\n",
                [.record(["h1", "h2"], line: 1), .record(["multi\nline\n\nvalue", "x"], line: 2),
                 .record(["next", "y"], line: 3)]),  // row 3 in a spreadsheet, though line 6 in an editor
        CSVCase("doubled quote before a line break in quotes", "\"a\"\"\nb\",c\nd\n",
                [.record(["a\"\nb", "c"], line: 1), .record(["d"], line: 2)]),
        CSVCase("comma and CRLF right after a closing quote", "\"a\",\"b\"\r\n\"c\"\r\n",
                [.record(["a", "b"], line: 1), .record(["c"], line: 2)]),
    ]

    @Test(arguments: cases, csvBufferSizes)
    func reads(_ example: CSVCase, bufferSize: Int) {
        #expect(csvOutcomes(example.input, bufferSize: bufferSize) == example.expected)
    }

    @Test func trailingNewlineMakesNoDifference() throws {
        #expect(try csvRows("a,b\nc,d\n") == [["a", "b"], ["c", "d"]])
        #expect(try csvRows("a,b\nc,d") == [["a", "b"], ["c", "d"]])
    }

    @Test(arguments: csvBufferSizes)
    func fieldAccessors(bufferSize: Int) throws {
        var reader = CSVReader(string: "x,\"\",\" 4.5 \",  ,-12\n", bufferSize: bufferSize)
        let record = try #require(try reader.next())
        #expect(record.count == 5)
        #expect(record[0] == "x")
        #expect(record[2] == " 4.5 ")
        #expect(record[5] == "")
        #expect(record[-1] == "")
        #expect(record.isEmpty(1))
        #expect(record.isEmpty(3))
        #expect(!record.isEmpty(0))
        #expect(record.isEmpty(9))
        #expect(record.double(2) == 4.5)
        #expect(record.int(4) == -12)
        #expect(record.trimmed(2) == "4.5")
        #expect(try reader.next() == nil)
    }

    @Test(arguments: csvBufferSizes)
    func bytesReadCountsEverything(bufferSize: Int) throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n\"c\nd\",e\n\n".utf8)
        var reader = CSVReader(bytes: bytes, bufferSize: bufferSize)
        #expect(reader.bytesRead == 0)
        _ = try reader.readAll()
        #expect(reader.bytesRead == 17)
    }

    @Test func bufferSizeBelowOneReadsByteByByte() throws {
        #expect(try csvRows("a,\"b\nc\"\r\nd", bufferSize: 0) == [["a", "b\nc"], ["d"]])
        #expect(try csvRows("x", bufferSize: -5) == [["x"]])
    }

    @Test func wideRecordsAndLongFields() throws {
        let wide = (0..<1_000).map { "f\($0)" }
        let long = String(repeating: "é,\"", count: 50_000)
        let text = wide.joined(separator: ",") + "\n\"" + long.replacingOccurrences(of: "\"", with: "\"\"") + "\",x\n"
        for bufferSize in [7, 4_096, 1 << 20] {
            let rows = try csvRows(text, bufferSize: bufferSize)
            #expect(rows.count == 2)
            #expect(rows.first == wide)
            #expect(rows.last == [long, "x"])
        }
    }

    /// Copies share the input, so each record goes to one of them; but each copy assembles
    /// records in its own memory (a long record in one copy cannot disturb the other).
    @Test func copiesOfAReaderStayMemorySafe() throws {
        let long = String(repeating: "x", count: 5_000)
        var first = CSVReader(string: "a\n\(long)\nb\n\(long)\n", bufferSize: 3)
        #expect(try first.next()?.fields == ["a"])
        var second = first
        var lengths: [Int] = []
        while true {
            let a = try first.next()
            let b = try second.next()
            if a == nil, b == nil { break }
            lengths += [a, b].compactMap { $0?[0].utf8.count }
        }
        #expect(lengths.reduce(0, +) > 0)
    }

    @Test func stringInputAndSourceName() throws {
        var reader = CSVReader(string: "a\n", source: "people.csv")
        #expect(reader.source == "people.csv")
        #expect(try reader.next()?.fields == ["a"])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
        #expect(CSVReader(string: "").source == "<memory>")
    }
}
