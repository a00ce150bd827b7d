import Foundation

/// Turns raw cell values (the bytes of `<v>`) into the text a CSV reader expects.
enum CellText {
    /// Excel shows at most 15 significant digits; anything past them is
    /// binary floating-point noise (`0.1 + 0.2` is stored as `0.30000000000000004`).
    static let significantDigits = 15

    /// A number in plain decimal form without float noise: `12`, `-0.5`,
    /// `0.3` for `0.30000000000000004`, `1200000` for `1.2E+6`. Text that is
    /// not a number is returned unchanged (the reader downstream reports it).
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let plain = plainDecimal(bytes) { return plain }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return text }
        return number(value)
    }

    /// `value` rounded to 15 significant digits, in plain decimal form.
    static func number(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let decimal = Decimal(string: String(format: "%.\(significantDigits - 1)e", value)) ?? Decimal(value)
        var text = "\(decimal)" // Decimal prints plain decimal, no exponent, no trailing zeros
        if text.hasPrefix("-0."), decimal.isZero { text = "0" }
        return text
    }

    /// The bytes themselves when they already are a plain decimal with at most
    /// 15 significant digits and no superfluous zeros (what Excel writes for
    /// nearly every number): the fast path, no `Double` involved.
    private static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty else { return nil }
        var index = 0
        if bytes[0] == UInt8(ascii: "-") { index = 1 }
        guard index < bytes.count else { return nil }
        var digits = 0
        var leadingZeros = true
        var sawPoint = false
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard !sawPoint, index > start, index + 1 < bytes.count else { return nil }
                sawPoint = true
            } else if byte >= 0x30, byte <= 0x39 {
                if byte != 0x30 || !leadingZeros {
                    leadingZeros = false
                    digits += 1
                } else if !sawPoint, index > start {
                    return nil // "007"
                }
            } else {
                return nil
            }
            index += 1
        }
        if sawPoint, bytes[bytes.count - 1] == UInt8(ascii: "0") { return nil } // "1.50"
        if !sawPoint, bytes.count - start > 1, bytes[start] == UInt8(ascii: "0") { return nil }
        guard digits <= significantDigits else { return nil }
        if digits == 0, bytes[0] == UInt8(ascii: "-") { return nil } // "-0"
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A date serial number as ISO text for a cell formatted `kind`, or `nil`
    /// when the serial is no valid date in that system (negative, Excel's
    /// fictitious 1900-02-29 = serial 60, past 9999-12-31): the number is then
    /// kept as a number.
    ///
    /// 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900
    /// that never was (serial 60), so from serial 61 on the day is
    /// 1899-12-30 + serial, and below 60 it is 1899-12-31 + serial.
    /// 1904 system (`<workbookPr date1904="1"/>`): serial 0 is 1904-01-01.
    static func date(serial: Double, kind: NumberFormatKind, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        let time = digits(seconds / 3600, 2) + ":" + digits(seconds / 60 % 60, 2) + ":" + digits(seconds % 60, 2)
        if kind == .time, days == 0 { return time }
        let dayNumber: Int // days since 1970-01-01
        if uses1904 {
            dayNumber = days - 24_107 // 1904-01-01 is 24,107 days before 1970-01-01
        } else {
            guard days != 60, days >= 1 else { return nil }
            dayNumber = days - (days < 60 ? 25_568 : 25_569) // 1899-12-31 / 1899-12-30 are 25,568 / 25,569 days before 1970-01-01
        }
        let (year, month, day) = GregorianDays.civil(fromDays: dayNumber)
        let date = digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
        return kind == .date ? date : "\(date)T\(time)"
    }

    /// `value` (≥ 0) zero-padded to `width` digits; `String(format:)` is many times slower,
    /// and a million-row sheet of dates calls this millions of times.
    static func digits(_ value: Int, _ width: Int) -> String {
        var text = String(value)
        if text.utf8.count < width { text = String(repeating: "0", count: width - text.utf8.count) + text }
        return text
    }
}
