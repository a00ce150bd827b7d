@testable import Spreadsheet
import Testing

@Suite struct CellTextTests {
    private func number(_ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { CellText.number($0) }
    }

    @Test func numbersInPlainDecimal() {
        #expect(number("12") == "12")
        #expect(number("-0.5") == "-0.5")
        #expect(number("0.30000000000000004") == "0.3")   // float noise past 15 digits
        #expect(number("1.2E+6") == "1200000")
        #expect(number("1.5E-3") == "0.0015")
        #expect(number("4.0999999999999996") == "4.1")
        #expect(number("123456789012345") == "123456789012345") // 15 digits: kept
        #expect(number("1.50") == "1.5")
        #expect(number("-0") == "0")
        #expect(number("n/a") == "n/a")                    // not a number: unchanged
    }

    @Test func serialDatesIn1900And1904() {
        // By hand: 2024-02-29 is 19,782 days after 1970-01-01, so serial 45,351 (+ 25,569).
        #expect(CellText.date(serial: 45351, kind: .date, uses1904: false) == "2024-02-29")
        #expect(CellText.date(serial: 45351.999999, kind: .dateTime, uses1904: false) == "2024-03-01T00:00:00") // rounds to the next day
        #expect(CellText.date(serial: 2958465, kind: .date, uses1904: false) == "9999-12-31")
        #expect(CellText.date(serial: 2958466, kind: .date, uses1904: false) == nil)
        #expect(CellText.date(serial: 0, kind: .date, uses1904: false) == nil)   // Excel shows 1900-01-00
        #expect(CellText.date(serial: -1, kind: .date, uses1904: false) == nil)
        #expect(CellText.date(serial: 0.25, kind: .time, uses1904: false) == "06:00:00")
        #expect(CellText.date(serial: 1462, kind: .date, uses1904: true) == "1908-01-02") // 1904-01-01 + 1,462 days (1904 and 1908-01-01 included)
    }

    @Test(arguments: [
        ("d/m/yyyy", NumberFormatKind.date), ("dd.mm.yy", .date), ("mmm yyyy", .date), ("[$-409]dd\\-mmm\\-yy;@", .date),
        ("yyyy-mm-dd hh:mm:ss", .dateTime), ("m/d/yy h:mm AM/PM", .dateTime), ("h:mm", .time), ("mm:ss", .time),
        ("[h]:mm", .time), ("[mm]:ss", .time), ("h:mm A/P", .time),
        ("0.00", .number), ("General", .number), ("\"Week \"0", .number), ("[Red]#,##0;[Blue]-#,##0", .number),
        ("0_);\\(0\\)", .number), ("#,##0 \"days\"", .number), ("0.0E+00", .number), ("@", .number),
    ])
    func customFormats(_ code: String, _ kind: NumberFormatKind) {
        #expect(NumberFormatKind.custom(code) == kind)
    }

    @Test func builtInFormats() {
        #expect((14...17).allSatisfy { NumberFormatKind.builtIn($0) == .date })
        #expect((18...21).allSatisfy { NumberFormatKind.builtIn($0) == .time })
        #expect(NumberFormatKind.builtIn(22) == .dateTime)
        #expect([0, 1, 2, 9, 10, 11, 12, 37, 49, 164].allSatisfy { NumberFormatKind.builtIn($0) == .number })
    }

    @Test func cellNames() {
        #expect(CellReference.columnLetters(1) == "A")
        #expect(CellReference.columnLetters(26) == "Z")
        #expect(CellReference.columnLetters(27) == "AA")
        #expect(CellReference.columnLetters(16_384) == "XFD") // 24·676 + 6·26 + 4 = 16,384
        #expect(CellReference.name(sheet: "Sheet1", row: 17, column: 4) == "Sheet1!D17")
        #expect(CellReference.name(sheet: "Form responses 1", row: 2, column: 1) == "'Form responses 1'!A2")
        #expect(CellReference.name(sheet: "Bob's", row: 1, column: 2) == "'Bob''s'!B1")
    }
}
