/// Parses numbers straight from a field's UTF-8 bytes.
@usableFromInline
enum CSVNumberParser {
    /// The bytes without leading and trailing spaces, tabs, CR and LF.
    @usableFromInline
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
            let magnitude = Double(Int64(bitPattern: mantissa))  // < 10^15: exact, and a signed conversion is one instruction
            let value = scale >= 0 ? magnitude * powersOfTen[scale] : magnitude / powersOfTen[-scale]
            return negative ? -value : value
        }
        if digits <= 19, mantissa == 0 { return negative ? -0.0 : 0.0 }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// A decimal of at most 8 bytes made only of digits, with an optional leading `-` and at
    /// most one `.` (`3`, `-0.25`, `12.75`, `250000`), parsed without a branch per byte: the
    /// bytes are handled as one 64-bit word (the eight-digit method of simdjson). `nil` for
    /// anything else, which the caller then gives to ``double(_:)``. Up to 8 digits and a
    /// divisor of at most 10^7 keep the result exact before one correctly rounded division.
    ///
    /// - Precondition: `length` is 1...8 and 8 bytes are readable at `bytes`.
    @inline(__always)
    static func shortDecimal(_ bytes: UnsafePointer<UInt8>, length: Int) -> Double? {
        let allBytes = UInt64.max
        var word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        word &= allBytes >> (64 - 8 * length)           // keep the field's bytes; the rest are 0
        let negative = word & 0xFF == 0x2D
        let signLength = negative ? 1 : 0
        word >>= UInt64(8 * signLength)
        let count = length - signLength
        let dots = ByteSearch.zeroBytes(word ^ 0x2E2E_2E2E_2E2E_2E2E)
        let hasDot = dots != 0 ? 1 : 0
        let dot = dots != 0 ? dots.trailingZeroBitCount >> 3 : count
        let digits = count - hasDot
        guard digits > 0 else { return nil }
        // Remove the dot, then right-align the digits behind leading '0' bytes.
        let joined = (word & (allBytes >> (64 - 8 * dot))) | ((word >> (8 * (dot + 1))) << (8 * dot))
        let text = (joined << (8 * (8 - digits))) | (0x3030_3030_3030_3030 >> (8 * digits))
        let isDigits = (text & 0xF0F0_F0F0_F0F0_F0F0) | (((text &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
        guard isDigits == 0x3333_3333_3333_3333 else { return nil }
        var value = text &- 0x3030_3030_3030_3030
        value = (value &* 10) &+ (value >> 8)
        value = (((value & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064)
            &+ (((value >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001)) >> 32
        let magnitude = Double(Int64(bitPattern: value & 0xFFFF_FFFF)) / powersOfTen[count - dot - hasDot]
        return Double(bitPattern: magnitude.bitPattern | UInt64(signLength) << 63)  // no branch on the sign
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
