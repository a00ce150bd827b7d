import OrgHealthKit

/// How numbers are shown to people (HTML only; XML and JSON stay unrounded).
enum DisplayFormat {
    /// A metric value in its unit: ratios as percentages, scores and days rounded.
    static func value(_ value: Double?, unit: MetricUnit) -> String {
        guard let value else { return "—" }
        guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
        switch unit {
        case .ratio: return "\(oneDecimal(value * 100, trimZero: true))%"
        case .count: return value == value.rounded() ? String(Int(value)) : oneDecimal(value, trimZero: true)
        case .days: return "\(oneDecimal(value, trimZero: true)) d"
        case .score: return String(Int(value.rounded()))
        case .rating: return twoDecimals(value)
        case .correlation: return twoDecimals(value)
        }
    }

    /// A 0–100 score as ``HealthBand/shownScore(_:)`` writes it: two rows both showing "60" in
    /// different bands would mislead.
    static func score(_ value: Double?) -> String {
        guard let value else { return "—" }
        guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
        return HealthBand.shownScore(value)
    }

    /// A signed change, e.g. `+3.4` or `−1.2`.
    static func change(_ value: Double) -> String {
        let text = oneDecimal(abs(value), trimZero: false)
        return value > 0 ? "+\(text)" : value < 0 ? "−\(text)" : "±0"
    }

    static func oneDecimal(_ value: Double, trimZero: Bool) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        if trimZero && fraction == 0 { return "\(sign)\(whole)" }
        return "\(sign)\(whole).\(fraction)"
    }

    static func twoDecimals(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let fraction = abs(hundredths) % 100
        return "\(sign)\(abs(hundredths) / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The CSS class of a score's band.
    static func bandClass(_ score: Double?) -> String {
        guard let score else { return "band-none" }
        return "band-\(HealthBand(score: score).rawValue)"
    }
}
