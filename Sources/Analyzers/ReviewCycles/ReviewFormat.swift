/// Display formatting for finding texts and table cells (the XML carries the unrounded values).
enum ReviewFormat {
    /// `62%`.
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// One decimal: `3.4`.
    static func decimal(_ value: Double, places: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        let padded = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return places == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(padded)"
    }

    /// With an explicit sign: `+0.8`, `-1.2`, `0.0`.
    static func signed(_ value: Double, places: Int = 1) -> String {
        let text = decimal(value, places: places)
        return value > 0 && text != decimal(0, places: places) ? "+" + text : text
    }
}
