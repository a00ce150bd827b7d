import Foundation
import OrgHealthKit
import Testing

/// Files shaped like the exports HR and survey tools hand out, read through the one entry point.
@Suite("TabularFile: delimiters, encodings and line ends of real exports")
struct TabularFileTests {
    func write(_ bytes: [UInt8], name: String) throws -> (URL, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tabular-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return (directory, url)
    }

    func rows(_ reader: inout CSVReader) throws -> [[String]] {
        try reader.readAll().map(\.fields)
    }

    /// Excel "CSV (semicolon)" from a German-locale Windows: UTF-8 with a BOM ("CSV UTF-8"),
    /// `;` between fields, decimal commas, CRLF (list separator: Windows regional settings).
    @Test(arguments: [1, 5, 1 << 20])
    func europeanSemicolonCSV(bufferSize: Int) throws {
        let text = "Personalnummer;Name;Gehalt;Team\r\nE1;Müller, Anna;4200,50;Plattform\r\nE2;\"Ködel; Jan\";3900;Daten\r\n"
        let (directory, url) = try write([0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "mitarbeiter.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        var reader = try TabularFile.open(url, bufferSize: bufferSize)
        #expect(try rows(&reader) == [
            ["Personalnummer", "Name", "Gehalt", "Team"],
            ["E1", "Müller, Anna", "4200,50", "Plattform"],  // the comma is data here
            ["E2", "Ködel; Jan", "3900", "Daten"],
        ])
        #expect(reader.delimiter == .semicolon)
        #expect(reader.encoding == .utf8)
    }

    /// Excel "Unicode Text (*.txt)": UTF-16 little-endian with the BOM FF FE, tab-separated,
    /// CRLF (hex dump in herongyang.com "Saving Files in Unicode Text"; SAP wiki "Excel files -
    /// CSV format": "UTF-16LE encoding, with Byte Order Mark, and with horizontal tabulation").
    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func excelUnicodeTextUTF16LittleEndian(bufferSize: Int) throws {
        // 😀 (U+1F600) takes a surrogate pair; "Zoë" a two-byte UTF-8 letter.
        let text = "Employee ID\tName\tTeam\r\nE1\tZoë 😀\tPlatform\r\nE2\t\"two\r\nlines\"\tData\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (directory, url) = try write(bytes, name: "export.txt")
        defer { try? FileManager.default.removeItem(at: directory) }
        var reader = try TabularFile.open(url, bufferSize: bufferSize)
        let records = try reader.readAll()
        #expect(records.map(\.fields) == [
            ["Employee ID", "Name", "Team"], ["E1", "Zoë 😀", "Platform"], ["E2", "two\r\nlines", "Data"],
        ])
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(reader.delimiter == .tab)
        #expect(reader.encoding == .utf16LittleEndian)
    }

    /// The same in big-endian (BOM FE FF), as some Java and mainframe exports write it.
    @Test func utf16BigEndian() throws {
        let text = "id;team\nA;Ops\n"
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        var reader = CSVReader(bytes: bytes, source: "be.csv", bufferSize: 3)
        #expect(try reader.readAll().map(\.fields) == [["id", "team"], ["A", "Ops"]])
        #expect(reader.encoding == .utf16BigEndian)
    }

    /// A windows-1252 file (Excel's plain "CSV (Comma delimited)" on a Western Windows):
    /// é is 0xE9, € 0x80 and the curly apostrophe ’ 0x92 (Unicode's CP1252.TXT mapping table).
    static let windows1252: [UInt8] = Array("id,name,note\n1,Ren".utf8) + [0xE9] + Array(",5 ".utf8) + [0x80]
        + Array(" bonus\n2,O".utf8) + [0x92] + Array("Brien,ok\n".utf8)

    @Test(arguments: [1, 4, 1 << 20])
    func declaredWindows1252(bufferSize: Int) throws {
        let (directory, url) = try write(Self.windows1252, name: "roster.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        var reader = try TabularFile.open(url, options: TabularOptions(encoding: .windows1252), bufferSize: bufferSize)
        #expect(try rows(&reader) == [["id", "name", "note"], ["1", "René", "5 € bonus"], ["2", "O’Brien", "ok"]])
    }

    @Test func declaredISO88591() throws {
        // In ISO-8859-1, 0x80 and 0x92 are C1 controls, not € and ’; é is still 0xE9.
        var reader = CSVReader(bytes: Array("a,b\nRen".utf8) + [0xE9, 0x2C, 0x80], encoding: .iso88591)
        #expect(try reader.readAll().map(\.fields) == [["a", "b"], ["René", "\u{80}"]])
    }

    @Test func undeclaredWindows1252IsRefusedWithTheOffsetAndTheOption() throws {
        let (directory, url) = try write(Self.windows1252, name: "roster.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        var reader = try TabularFile.open(url)
        #expect(try reader.next()?.fields == ["id", "name", "note"])
        do {
            _ = try reader.next()
            Issue.record("expected an error")
        } catch {
            // "id,name,note\n" is 13 bytes and "1,Ren" 5: the é is at offset 18, on row 2.
            #expect(error.offset == 18)
            #expect(error.line == 2)
            #expect(error.description.contains("roster.csv:2: the file is not UTF-8 (byte 0xE9 at byte offset 18)"))
            #expect(error.description.contains("encoding: windows-1252"))
        }
    }

    /// Python's `csv.writer` on Windows with a file opened without `newline=''` writes
    /// `\r\r\n` (the docs' footnote on `csv.writer`: "an extra \r will be added").
    @Test(arguments: [1, 2, 3, 1 << 20])
    func carriageReturnCarriageReturnLineFeedIsOneRecordEnd(bufferSize: Int) throws {
        let text = "id,team\r\r\nA,Ops\r\r\n\r\r\nB,\"x\r\r\ny\"\r\r\nC,Web"
        var reader = CSVReader(string: text, bufferSize: bufferSize)
        let records = try reader.readAll()
        #expect(records.map(\.fields) == [["id", "team"], ["A", "Ops"], ["B", "x\r\r\ny"], ["C", "Web"]])
        // Rows: header 1, A 2, the blank line 3, B 4 (its quoted line breaks stay in it), C 5.
        #expect(records.map(\.line) == [1, 2, 4, 5])
    }

    @Test func pipeAndOverride() throws {
        var pipes = CSVReader(string: "id|name|team\n1|A, B|Ops\n")
        #expect(try pipes.readAll().map(\.fields) == [["id", "name", "team"], ["1", "A, B", "Ops"]])
        // A header with one `;` and two `,` is comma-separated unless the source says otherwise.
        var detected = CSVReader(string: "a;b,c,d\n1;2,3,4\n")
        #expect(try detected.readAll().map(\.fields) == [["a;b", "c", "d"], ["1;2", "3", "4"]])
        var overridden = CSVReader(string: "a;b,c,d\n1;2,3,4\n", delimiter: .semicolon)
        #expect(try overridden.readAll().map(\.fields) == [["a", "b,c,d"], ["1", "2,3,4"]])
        // Delimiters inside a quoted header field do not count.
        var quoted = CSVReader(string: "\"a;b;c\",d\n1,2\n")
        #expect(try quoted.readAll().map(\.fields) == [["a;b;c", "d"], ["1", "2"]])
    }

    @Test func singleColumnHeaderWithSemicolonsGetsAHint() throws {
        var reader = CSVReader(string: "employee_id;manager_id;team\n", delimiter: .comma)
        let header = CSVHeader(try #require(try reader.next()))
        #expect(header.count == 1)
        let hint = try #require(header.delimiterHint)
        #expect(hint.contains("semicolon-separated"))
        #expect(hint.contains("delimiter: \";\""))
        #expect(CSVHeader(fields: ["id", "team"]).delimiterHint == nil)
        #expect(CSVHeader(fields: ["id\tteam"]).delimiterHint?.contains("delimiter: tab") == true)
    }

    @Test(arguments: ["roster.xlsx", "roster.xls", "roster.ods", "roster.numbers"])
    func workbooksAreRefusedWithAdvice(name: String) throws {
        let (directory, url) = try write([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], name: name)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect { _ = try TabularFile.open(url) } throws: { error in
            guard let error = error as? CSVError, error.kind == .unsupportedFormat else { return false }
            return error.description.hasPrefix("\(name): ") && error.description.contains("CSV")
        }
    }

    @Test func aZipSavedAsCSVIsRefused() throws {
        // An .xlsx renamed to .csv: its first bytes are the zip signature PK 03 04.
        let (directory, url) = try write([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26), name: "roster.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect { _ = try TabularFile.open(url) } throws: { error in
            (error as? CSVError)?.description.contains("zip archive") == true
        }
    }

    @Test func rosterReaderReadsASemicolonWindows1252Export() throws {
        let bytes = Array("employee_id;manager_id;team;name\r\nA;;Ops;Ren".utf8) + [0xE9] + Array("\r\nB;A;Ops;Zo".utf8) + [0xEB]
            + Array("\r\n".utf8)
        let (directory, url) = try write(bytes, name: "roster.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try RosterReader(options: RosterOptions(tabular: TabularOptions(encoding: .windows1252))).read(url)
        #expect(output.roster.people.map(\.name) == ["René", "Zoë"])
        #expect(output.roster.people.map(\.managerID) == [nil, "A"])
    }

    @Test func rosterMissingColumnNamesTheDelimiter() throws {
        let (directory, url) = try write(Array("employee_id;manager_id;team\nA;;Ops\n".utf8), name: "roster.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect { _ = try RosterReader(options: RosterOptions(tabular: TabularOptions(delimiter: .comma))).read(url) } throws: { error in
            "\(error)".contains("no column 'employee_id'") && "\(error)".contains("delimiter: \";\"")
        }
    }

    /// UTF-16LE without its byte order mark (what some scripts write with `encoding='utf-16-le'`):
    /// refused with the option to set, or read when declared.
    @Test func utf16WithoutAMarkIsRefusedUnlessDeclared() throws {
        var bytes: [UInt8] = []
        for unit in "id,team\nA,Ops\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var undeclared = CSVReader(bytes: bytes, source: "x.csv")
        #expect { _ = try undeclared.next() } throws: { error in
            // "i" is offset 0, its high byte 0 at offset 1: little-endian.
            "\(error)".contains("byte offset 1") && "\(error)".contains("encoding: utf-16le")
        }
        var declared = CSVReader(bytes: bytes, source: "x.csv", encoding: .utf16LittleEndian)
        #expect(try declared.readAll().map(\.fields) == [["id", "team"], ["A", "Ops"]])
    }

    /// A workbook reader plugs in as a ``TabularRowSource``; readers see a ``CSVReader`` as usual.
    struct SheetRows: TabularRowSource {
        var source = "roster.xlsx"
        var rows: [[String]]
        var next = 0
        mutating func nextRecord() throws(CSVError) -> CSVRecord? {
            guard next < rows.count else { return nil }
            next += 1
            return CSVRecord(fields: rows[next - 1], line: next)
        }
    }

    @Test func rowSourcesReadLikeText() throws {
        var reader = CSVReader(rows: SheetRows(rows: [["id", "team"], ["A", "Ops"], ["B"], ["C", "Web"]]))
        reader.expectedFieldCount = 2
        var outcomes: [String] = []
        while true {
            do {
                guard let record = try reader.next() else { break }
                outcomes.append("\(record.line): \(record.fields.joined(separator: "|"))")
            } catch {
                outcomes.append("\(error.line ?? 0): \(error.kind)")
            }
        }
        #expect(outcomes == ["1: id|team", "2: A|Ops", "3: raggedRow(expected: 2, found: 1)", "4: C|Web"])
        #expect(reader.source == "roster.xlsx")
    }
}
