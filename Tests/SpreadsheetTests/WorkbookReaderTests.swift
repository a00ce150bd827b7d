import Foundation
import Spreadsheet
import Testing

@Suite struct WorkbookReaderTests {
    @Test func microsoftFormsExport() throws {
        // Expected by hand: serial 45658 is 2025-01-01 (20,089 days after 1970-01-01, + 25,569);
        // .3756944444 × 86,400 s = 32,460 s = 09:01:00, .3784722222 → 09:05:00, .5034722222 → 12:05:00.
        let rows = try FixtureWorkbooks.rows("forms-responses.xlsx")
        #expect(rows.map(\.rowNumber) == [1, 2, 3])
        #expect(rows[0].cells == [
            "ID", "Start time", "Completion time", "Email", "Name",
            "How likely are you to recommend working here? (0–10)", "I feel my work is recognised",
        ])
        #expect(rows[1].cells == ["1", "2025-01-01T09:01:00", "2025-01-01T09:05:00", "ana.silva@contoso.com", "Ana Silva", "9", "Agree"])
        #expect(rows[2].cells == ["2", "2025-01-02T12:00:00", "2025-01-02T12:05:00", "bo.li@contoso.com", "Bo Li", "10", "Strongly agree"])
    }

    @Test func excelFeaturesOnTheFirstTab() throws {
        var reader = try WorkbookReader(url: FixtureWorkbooks.url("excel-features.xlsx"), sheet: nil)
        // The first tab is "Roster", whose part is worksheets/sheet2.xml (found through the relationships).
        #expect(reader.sheetName == "Roster")
        #expect(reader.sheetNames == ["Roster", "Summary 2024"])
        var rows: [WorkbookRow] = []
        while let row = try reader.next() { rows.append(row) }
        // Rows 3, 4, 6 are absent and row 9 holds only styled blanks: skipped, numbers kept.
        #expect(rows.map(\.rowNumber) == [1, 2, 5, 7, 8, 10])
        // Rich text "Full" + " name"; the phonetic guide ヤマダ of 山田 is not text.
        #expect(rows[0].cells == ["Employee ID", "Full name", "Start date", "山田"])
        // 2024-03-15 = serial 45366 in formats 14 (m/d/yyyy), d/m/yyyy and [$-409]dd-mmm-yy; B2 a formula string.
        #expect(rows[1].cells == ["1001", "Ana Silva", "2024-03-15", "2024-03-15", "2024-03-15"])
        // A5 then D5: B5 (styled, empty) and C5 (absent) are blanks; _x000D_ is a carriage return.
        #expect(rows[2].cells == ["1002", "", "", "Line one\r\nline two"])
        #expect(rows[3].cells == [
            "0.3",                   // 0.30000000000000004 at 15 significant digits
            "1200000",               // 1.2E+6
            "TRUE", "FALSE", "#DIV/0!",
            "2024-03-15T18:00:00",   // 45366.75 in format 22
            "12:00:00",              // 0.5 in format 20 (h:mm), a time alone
            "12",                    // "Week "0: the quoted literal's e/k are not a date
            "01:30:00",              // 0.0625 day in [h]:mm = 1.5 hours
            "-2.5",                  // format 2 (0.00) shows -2.50; the value is -2.5
            "  padded  ",            // xml:space="preserve" kept
        ])
        // Excel's 1900 leap-year bug: 59 = 1900-02-28, 60 = the 29 February that never was (kept as
        // the number, so a date reader reports it), 61 = 1900-03-01, 1 = 1900-01-01.
        #expect(rows[4].cells == ["1900-02-28", "60", "1900-03-01", "1900-01-01"])
        // Shorter than the header: padded to its 4 columns.
        #expect(rows[5].cells == ["1003", "", "", ""])
        #expect(reader.cellName(row: 17, column: 4) == "Roster!D17")
    }

    @Test func aNamedSheetWithASpaceInItsName() throws {
        var reader = try WorkbookReader(url: FixtureWorkbooks.url("excel-features.xlsx"), sheet: "summary 2024")
        #expect(reader.sheetName == "Summary 2024") // matched ignoring case, as Excel does
        #expect(try reader.next() == WorkbookRow(rowNumber: 1, cells: ["Summary sheet"]))
        #expect(try reader.next() == nil)
        #expect(reader.cellName(row: 1, column: 1) == "'Summary 2024'!A1")
    }

    @Test func hrisExportWithInlineStringsAndNoReferences() throws {
        let rows = try FixtureWorkbooks.rows("hris-inline.xlsx")
        #expect(rows.map(\.rowNumber) == [1, 2, 3]) // rows without r are numbered in order
        #expect(rows[0].cells == ["Employee Number", "First Name", "Last Name", "Work Email", "Department", "Supervisor Email"])
        #expect(rows[1].cells == ["E-100", "Zoë", "Müller", "zoe.mueller@example.com", "R&D", ""])
        #expect(rows[2].cells == ["200", "Ray", "O'Neil", "ray@example.com", "Sales", "zoe.mueller@example.com"])
    }

    @Test func the1904DateSystem() throws {
        // 1904 system: 0 is 1904-01-01; 44196 is 2025-01-01 (the 1900 serial 45658 less 1,462 days);
        // .25 day = 06:00:00; D1 has no date format, so it stays a number.
        let rows = try FixtureWorkbooks.rows("mac-1904.xlsx")
        #expect(rows == [WorkbookRow(rowNumber: 1, cells: ["1904-01-01", "2025-01-01", "2025-01-01T06:00:00", "44196"])])
    }

    @Test func stoppingEarlyEndsTheInflatingThread() throws {
        for _ in 0..<50 {
            var reader = try WorkbookReader(url: FixtureWorkbooks.url("excel-features.xlsx"))
            #expect(try reader.next()?.rowNumber == 1)
        } // each reader is dropped mid-sheet; a leaked, blocked thread per reader would not fail this, but a hang would
    }
}
