import Foundation
import OrgHealthKit

/// Progress lines on standard error, only when it is a terminal; or, with
/// `ORGHEALTH_PROGRESS=timed` in the environment, always, each prefixed with the seconds since
/// the run started and followed by the resident and peak memory and the CPU time used so far
/// where the system reports them (the stages' timings, memory and CPU, for benchmarks and slow
/// scheduled runs; docs/BENCHMARKS.md).
enum TerminalProgress {
    static func reporter() -> ProgressReporter {
        if ProcessInfo.processInfo.environment["ORGHEALTH_PROGRESS"] == "timed" {
            let start = ContinuousClock.now
            return ProgressReporter { message, fraction in
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let percent = fraction.map { " \(Int(($0 * 100).rounded()))%" } ?? ""
                printError("[\(String(format: "%7.3f", seconds)) s] \(message)\(percent)\(ProcessMemory.summary())")
            }
        }
        guard isatty(STDERR_FILENO) == 1 else { return .silent }
        return ProgressReporter { message, fraction in
            let percent = fraction.map { " \(Int(($0 * 100).rounded()))%" } ?? ""
            printError("… \(message)\(percent)")
        }
    }
}

/// The short terminal summary printed after a report.
enum TerminalSummary {
    static func lines(for report: HealthReport) -> [String] {
        var lines: [String] = []
        let index = report.summary.healthIndex.map { "\(HealthBand.shownScore($0)) (\(HealthBand(score: $0).label))" }
            ?? report.summary.coverage?.withheldReason.map { "withheld: \($0)" } ?? "no data"
        lines.append("\(report.organization), \(report.period.label): health index \(index), \(report.summary.headcount) people")
        for score in report.summary.dimensions {
            let value = score.score.map { HealthBand.shownScore($0).leftPadded(3) + "  " + HealthBand(score: $0).label } ?? "  —  no data"
            lines.append("  \(score.dimension.displayName.rightPadded(28)) \(value)")
        }
        for run in report.analyzers {
            lines.append("  analyzer \(run.descriptor.id): \(run.status.rawValue)\(run.message.map { " — \($0)" } ?? "")")
        }
        let findings = report.rankedFindings.filter { $0.severity == .critical || $0.severity == .warning }
        lines.append("  \(findings.count) findings need attention; \(report.watchlist.count) teams on the watchlist")
        return lines
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func rightPadded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// The process's resident and peak resident memory, from `/proc/self/status` (Linux), and its
/// CPU time; empty where that file does not exist.
enum ProcessMemory {
    static func summary() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func mebibytes(_ field: String) -> String? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
                  let kibibytes = line.split(separator: " ").compactMap({ Int($0) }).first else { return nil }
            return String(kibibytes / 1024)
        }
        guard let resident = mebibytes("VmRSS"), let peak = mebibytes("VmHWM") else { return "" }
        return " [\(resident) MiB, peak \(peak) MiB\(cpuSeconds().map { String(format: ", CPU %.2f s", $0) } ?? "")]"
    }

    /// User and system CPU time of the whole process so far, every thread together.
    static func cpuSeconds() -> Double? {
        var usage = rusage()
        #if canImport(Glibc)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return nil }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
