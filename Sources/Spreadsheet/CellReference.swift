import Foundation

/// Names cells the way a spreadsheet user sees them (`Sheet1!D17`) and
/// converts between column letters and 1-based column numbers.
public enum CellReference {
    /// `Sheet1!D17` for row 17, column 4 of sheet "Sheet1". A sheet name with
    /// anything but letters, digits and `_` is quoted as Excel does:
    /// `'Form responses 1'!A2` (a `'` inside is doubled).
    public static func name(sheet: String, row: Int, column: Int) -> String {
        "\(quotedSheetName(sheet))!\(columnLetters(column))\(row)"
    }

    /// The sheet name as it appears before `!` in a cell reference.
    public static func quotedSheetName(_ sheet: String) -> String {
        let plain = !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        return plain ? sheet : "'\(sheet.replacingOccurrences(of: "'", with: "''"))'"
    }

    /// `A` for 1, `Z` for 26, `AA` for 27, `XFD` for 16,384; `""` below 1.
    public static func columnLetters(_ column: Int) -> String {
        var column = column
        var letters: [UInt8] = []
        while column > 0 {
            let remainder = (column - 1) % 26
            letters.append(UInt8(65 + remainder))
            column = (column - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The 1-based column of a reference such as `D17` or `$AB$3` (from its
    /// leading letters), or `nil` when it has no letters or too many.
    static func column(ofReference bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        for byte in bytes {
            switch byte {
            case 0x24: continue // `$` of an absolute reference
            case 0x41...0x5A: column = column * 26 + Int(byte - 0x40)
            case 0x61...0x7A: column = column * 26 + Int(byte - 0x60)
            default:
                return letters > 0 ? column : nil
            }
            letters += 1
            if letters > 3 { return nil } // XFD (16,384) is Excel's last column
        }
        return letters > 0 ? column : nil
    }

    /// The row number of a reference such as `D17`, or `nil` when it has none.
    static func row(ofReference bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var row = 0
        var digits = 0
        for byte in bytes where byte >= 0x30 && byte <= 0x39 {
            row = row &* 10 &+ Int(byte - 0x30)
            digits += 1
        }
        return digits > 0 && digits <= 9 ? row : nil
    }
}
