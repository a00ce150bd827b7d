/// Parses numbers straight from a field's UTF-8 bytes.
enum CSVNumberParser {
    /// The bytes without leading and trailing spaces, tabs, CR and LF.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Exact powers of ten as `Double`s: 10^0 … 10^22 are all representable.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// A decimal number: `[+-] digits [. digits] [(e|E) [+-] digits]` with at least one digit
    /// before the exponent. Numbers with at most 15 digits (leading zeros included) and a decimal
    /// exponent within ±22 are computed exactly with one correctly rounded multiplication or
    /// division (Clinger's fast path); anything else with valid syntax goes to `Double(String)`.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let count = bytes.count
        var index = 0
        let negative = base[0] == 0x2D  // -
        if negative || base[0] == 0x2B { index = 1 }  // +
        var mantissa: UInt64 = 0
        let integerStart = index
        while index < count {
            let digit = base[index] &- 0x30
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
        var digits = index - integerStart
        var fractionDigits = 0
        if index < count, base[index] == 0x2E {  // .
            index += 1
            let fractionStart = index
            while index < count {
                let digit = base[index] &- 0x30
                if digit > 9 { break }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
            digits += fractionDigits
        }
        guard digits > 0 else { return nil }
        var exponent = 0
        if index < count {
            guard base[index] | 0x20 == 0x65 else { return nil }  // e or E
            index += 1
            var exponentNegative = false
            if index < count, base[index] == 0x2D || base[index] == 0x2B {
                exponentNegative = base[index] == 0x2D
                index += 1
            }
            let exponentStart = index
            while index < count {
                let digit = base[index] &- 0x30
                if digit > 9 { return nil }
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                index += 1
            }
            guard index > exponentStart else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        // mantissa may have wrapped around when digits > 19; it is only used when digits <= 15.
        let scale = exponent - fractionDigits
        if digits <= 15, scale >= -22, scale <= 22 {
            let magnitude = Double(mantissa)
            let value = scale >= 0 ? magnitude * powersOfTen[scale] : magnitude / powersOfTen[-scale]
            return negative ? -value : value
        }
        if digits <= 19, mantissa == 0 { return negative ? -0.0 : 0.0 }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// A whole number: `[+-] digits`, within `Int`'s range.
    static func int(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == 0x2D {
            negative = true
            index = 1
        } else if bytes[0] == 0x2B {
            index = 1
        }
        guard index < count else { return nil }
        var magnitude: UInt = 0
        while index < count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            let (product, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(UInt(digit))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            index += 1
        }
        if negative {
            guard magnitude <= UInt(Int.max) + 1 else { return nil }
            return magnitude == UInt(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt(Int.max) else { return nil }
        return Int(magnitude)
    }
}
