import Foundation
import Spreadsheet
import Testing

@Suite struct WorkbookErrorTests {
    @Test func aMissingSheetListsTheSheets() throws {
        let error = try FixtureWorkbooks.error("excel-features.xlsx", sheet: "Responses")
        guard case let .sheetNotFound(file, sheet, available) = error else {
            Issue.record("expected sheetNotFound, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("excel-features.xlsx"))
        #expect(sheet == "Responses")
        #expect(available == ["Roster", "Summary 2024"])
        #expect(error?.description.contains("'Roster', 'Summary 2024'") == true)
    }

    @Test func aZipBombIsRefused() throws {
        // 60 MB of spaces deflated to ~60 KB: a ratio near 1,000, over the limit of 100.
        let error = try FixtureWorkbooks.error("bomb.xlsx")
        guard case let .compressionRatio(_, part, ratio, limit) = error else {
            Issue.record("expected compressionRatio, got \(String(describing: error))")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(ratio > 500)
        #expect(limit == 100)
        #expect(error?.description.contains("zip bomb") == true)
    }

    @Test func partsInMemoryAreCappedWhileInflating() throws {
        // The central directory is not checked against the in-memory cap: the bytes coming out
        // of the first part read (_rels/.rels, 296 bytes as make_fixtures.py writes it) are.
        var limits = WorkbookLimits.default
        limits.maximumInMemoryPartBytes = 100
        let error = try FixtureWorkbooks.error("forms-responses.xlsx", limits: limits)
        guard case let .tooLarge(_, part, bytes, limit) = error else {
            Issue.record("expected tooLarge, got \(String(describing: error))")
            return
        }
        #expect(part == "_rels/.rels")
        #expect(bytes > 100)
        #expect(limit == 100)
    }

    @Test func declaredSizesAreCheckedBeforeInflating() throws {
        var limits = WorkbookLimits.default
        limits.maximumCompressionRatio = 10_000
        limits.maximumEntryBytes = 1 << 20
        // Declared size 60 MB > 1 MB: refused before inflating.
        guard case .tooLarge = try FixtureWorkbooks.error("bomb.xlsx", limits: limits) else {
            Issue.record("expected tooLarge")
            return
        }
    }

    @Test func notAZip() throws {
        guard case let .notAWorkbook(_, reason) = try FixtureWorkbooks.error("not-a-zip.xlsx") else {
            Issue.record("expected notAWorkbook")
            return
        }
        #expect(reason.contains("not a zip"))
    }

    @Test(arguments: [("legacy.xls", ".xls"), ("opendocument.ods", ".ods"), ("apple.numbers", ".numbers")])
    func otherSpreadsheetFormatsSayWhatToDo(_ name: String, _ format: String) throws {
        let error = try FixtureWorkbooks.error(name)
        guard case let .unsupportedFormat(_, described) = error else {
            Issue.record("expected unsupportedFormat, got \(String(describing: error))")
            return
        }
        #expect(described.contains(format))
        #expect(error?.description.contains("save it as an Excel workbook (.xlsx) or as CSV") == true)
    }

    @Test func aDoctypeIsRefused() throws {
        let error = try FixtureWorkbooks.error("doctype.xlsx")
        guard case let .malformedXML(_, part, _, message) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(message.contains("DOCTYPE"))
    }

    @Test func aBadSharedStringNamesTheCell() throws {
        var reader = try WorkbookReader(url: FixtureWorkbooks.url("bad-shared-string.xlsx"))
        #expect(try reader.next()?.cells == ["Team"])
        let error = try #require(throws: WorkbookError.self) { try reader.next() }
        guard case let .invalidCell(_, cell, problem) = error else {
            Issue.record("expected invalidCell, got \(error)")
            return
        }
        #expect(cell == "Data!B2")
        #expect(problem.contains("shared string 5"))
        #expect(try reader.next() == nil) // the reader stays finished
    }

    @Test func aMissingFile() throws {
        let url = URL(fileURLWithPath: "/nonexistent/roster.xlsx")
        let error = try #require(throws: WorkbookError.self) { try WorkbookReader(url: url) }
        #expect(error == .unreadable(file: "/nonexistent/roster.xlsx", reason: "no such file"))
    }
}

@Suite struct DamagedDeflateTests {
    @Test func aDeflateStreamThatNeverEndsIsRefusedNotAHang() throws {
        // Found by Fuzz/ (FuzzXLSX): forms-responses.xlsx with xl/workbook.xml's deflated bytes
        // 764-800 of the file changed (its data runs from offset 590 = 545 + 30-byte header +
        // 15-byte name, for 210 bytes; `unzip -t` says "invalid compressed data to inflate").
        // ZIPFoundation's loop read on past the entry and spun forever at the end of the file;
        // now only the entry's 210 bytes are inflated and the damage is reported for that part.
        let error = try FixtureWorkbooks.error("endless-deflate.xlsx")
        guard case let .notAWorkbook(file, reason) = error else {
            Issue.record("expected notAWorkbook, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("endless-deflate.xlsx"))
        #expect(reason.contains("xl/workbook.xml"))
    }
}
