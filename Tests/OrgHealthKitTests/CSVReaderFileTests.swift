import Foundation
import OrgHealthKit
import Testing

/// Reading real files from disk with `init(contentsOf:)`.
@Suite("CSVReader: files")
struct CSVReaderFileTests {
    /// A fresh temporary directory, removed by the caller.
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: [1, 5, 1 << 20])
    func readsAFile(bufferSize: Int) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("roster.csv")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(
            "Employee ID,Name,Team\r\nE1,\"Zoë, \"\"Z\"\"\",Platform\r\nE2,\"two\r\nlines\",Data\r\n\r\nE3,日本,Ops".utf8)
        try Data(bytes).write(to: url)

        var reader = try CSVReader(contentsOf: url, bufferSize: bufferSize)
        #expect(reader.source == "roster.csv")
        let header = try #require(try reader.next())
        reader.expectedFieldCount = header.count
        var rows: [[String]] = []
        var lines: [Int] = []
        while let record = try reader.next() {
            rows.append(record.fields)
            lines.append(record.line)
        }
        #expect(header.fields == ["Employee ID", "Name", "Team"])
        #expect(rows == [["E1", "Zoë, \"Z\"", "Platform"], ["E2", "two\r\nlines", "Data"], ["E3", "日本", "Ops"]])
        #expect(lines == [2, 3, 5])  // spreadsheet rows: E2's two-line record is row 3, the blank line row 4
        #expect(reader.bytesRead == bytes.count)
    }

    @Test func invalidUTF8InAFileNamesTheFileAndLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("survey.csv")
        try Data(Array("team,comment\nA,ok\nB,tr".utf8) + [0xE8] + Array("s bien\n".utf8)).write(to: url)
        var reader = try CSVReader(contentsOf: url, bufferSize: 4)
        #expect(try reader.next()?.fields == ["team", "comment"])
        #expect(try reader.next()?.fields == ["A", "ok"])
        #expect { _ = try reader.next() } throws: { error in
            // Offset 22: "team,comment\n" is 13 bytes, "A,ok\n" 5, "B,tr" 4.
            (error as? CSVError)?.description == "survey.csv:3: the file is not UTF-8 (byte 0xE8 at byte offset 22); "
                + "save it as UTF-8, or if it is in another encoding, declare it for this source in the config "
                + "(encoding: windows-1252 or encoding: iso-8859-1)"
        }
        #expect(try reader.next() == nil)
    }

    /// A larger generated file read with several buffer sizes gives the same records.
    @Test func largeFileAcrossBufferSizes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("big.csv")
        var text = "id,value,note\n"
        for index in 0..<5_000 {
            let note = index % 7 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "plain \(index)"
            text += "\(index),\(Double(index) / 4),\(note)\(index % 3 == 0 ? "\r\n" : "\n")"
        }
        try Data(text.utf8).write(to: url)
        for bufferSize in [13, 4_096, 1 << 20] {
            var reader = try CSVReader(contentsOf: url, bufferSize: bufferSize)
            reader.expectedFieldCount = 3
            _ = try reader.next()
            var count = 0
            var sum = 0.0
            var lastLine = 0
            while let record = try reader.next() {
                #expect(record.int(0) == count)
                sum += record.double(1) ?? .nan
                count += 1
                lastLine = record.line
            }
            #expect(count == 5_000)
            #expect(sum == 3_124_375)  // (0 + … + 4999) / 4
            #expect(lastLine == 5_001)  // the header is row 1, each record one row, multi-line notes included
        }
    }
}
