import Foundation

/// The clock a run reads: the time stamped on the report and whether durations are measured.
///
/// Reproducible runs (tests, the committed example report, `SOURCE_DATE_EPOCH`) use a fixed
/// clock, so the same inputs give byte-identical reports.
public struct ReportClock: Sendable {
    /// The report's time stamp (ISO 8601, UTC, seconds).
    public let generatedAt: String
    /// Whether analyzer durations are measured and reported.
    public let measuresDurations: Bool

    /// Creates a clock.
    public init(generatedAt: String, measuresDurations: Bool) {
        self.generatedAt = generatedAt
        self.measuresDurations = measuresDurations
    }

    /// The system clock now.
    public static func system() -> ReportClock {
        ReportClock(generatedAt: iso8601(Date()), measuresDurations: true)
    }

    /// A fixed time, durations not measured.
    public static func fixed(secondsSince1970: Int) -> ReportClock {
        ReportClock(generatedAt: iso8601(Date(timeIntervalSince1970: TimeInterval(secondsSince1970))), measuresDurations: false)
    }

    /// The clock for the environment: fixed when `SOURCE_DATE_EPOCH` is set, else the system's.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ReportClock {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return fixed(secondsSince1970: epoch) }
        return system()
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
