import Foundation
import OrgHealthKit
import Testing

/// Unclosed quotes, ragged rows and files that cannot be opened.
@Suite("CSVReader: errors")
struct CSVReaderErrorTests {
    static let unterminated: [CSVCase] = [
        CSVCase("unclosed quote at the end", "a,b\nc,\"unclosed\nmore\n",
                [.record(["a", "b"], line: 1), .error(.unterminatedQuote, line: 2)]),
        CSVCase("lone quote", "\"", [.error(.unterminatedQuote, line: 1)]),
        CSVCase("doubled quote is not a closing one", "x\n\r\n\"a\"\"", [.record(["x"], line: 1), .error(.unterminatedQuote, line: 3)]),
    ]

    @Test(arguments: unterminated, csvBufferSizes)
    func unterminatedQuoteIsFatal(_ example: CSVCase, bufferSize: Int) {
        #expect(csvOutcomes(example.input, bufferSize: bufferSize) == example.expected)
    }

    static let ragged: [CSVCase] = [
        CSVCase("too many and too few", "a,b\n1,2,3\n4,5\n6\n7,8\n", [
            .record(["a", "b"], line: 1), .error(.raggedRow(expected: 2, found: 3), line: 2),
            .record(["4", "5"], line: 3), .error(.raggedRow(expected: 2, found: 1), line: 4),
            .record(["7", "8"], line: 5),
        ]),
        CSVCase("after multi-line fields and blank lines", "a,b\r\n\"x\r\ny\",z\r\n\r\n\"p\nq\",r,s\r\nlast,row", [
            .record(["a", "b"], line: 1), .record(["x\r\ny", "z"], line: 2),
            // Spreadsheet rows: header 1, the two-line record 2, the blank line 3, then 4 and 5.
            .error(.raggedRow(expected: 2, found: 3), line: 4), .record(["last", "row"], line: 5),
        ]),
        CSVCase("ragged last record without a newline", "a,b\nc", [
            .record(["a", "b"], line: 1), .error(.raggedRow(expected: 2, found: 1), line: 2),
        ]),
    ]

    @Test(arguments: ragged, csvBufferSizes)
    func raggedRowsAreReportedAndSkipped(_ example: CSVCase, bufferSize: Int) {
        #expect(csvOutcomes(example.input, bufferSize: bufferSize, expectedFieldCount: 2) == example.expected)
    }

    @Test func withoutAnExpectedCountRowsMayDiffer() throws {
        #expect(try csvRows("a,b\n1,2,3\n4\n") == [["a", "b"], ["1", "2", "3"], ["4"]])
    }

    @Test func messagesNameFileLineAndFix() {
        let unclosed = CSVError(kind: .unterminatedQuote, source: "reviews.csv", line: 9)
        #expect(unclosed.description == "reviews.csv:9: a quoted field starting on this line is never closed; "
            + "add the missing closing quote (a quote inside a quoted field is written twice: \"\")")
        let ragged = CSVError(kind: .raggedRow(expected: 9, found: 10), source: "reviews.csv", line: 17)
        #expect(ragged.description == "reviews.csv:17: the row has 10 fields but 9 were expected, so it was skipped; "
            + "quote fields that contain commas and check for missing or extra commas")
        #expect(!ragged.isFatal)
        #expect(unclosed.isFatal)
        #expect(ragged.diagnostic == Diagnostic(severity: .error, source: "reviews.csv", line: 17, message: ragged.message))
        #expect(ragged.diagnostic.formatted.hasPrefix("reviews.csv:17: error: the row has 10 fields"))
    }

    @Test func missingFileCannotBeOpened() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-no-such-dir-\(UUID().uuidString)/missing.csv")
        do {
            _ = try CSVReader(contentsOf: url)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .cannotOpen)
            #expect(error.source == "missing.csv")
            #expect(error.line == nil)
            #expect(error.description.hasPrefix("missing.csv: cannot open the file (No such file or directory); "))
        }
    }

    @Test func directoryCannotBeOpened() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect { _ = try CSVReader(contentsOf: directory) } throws: { error in
            (error as? CSVError)?.kind == .cannotOpen
        }
    }
}
