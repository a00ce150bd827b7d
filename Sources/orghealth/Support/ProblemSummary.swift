import OrgHealthKit

/// The one-screen summary of a report's problems printed by `report` on standard error, with
/// or without `--strict`: counts by analyzer and severity, the sources that gave no data, and
/// the health index's coverage.
enum ProblemSummary {
    static func lines(for report: HealthReport) -> [String] {
        var counts: [String: [DiagnosticSeverity: Int]] = [:]
        for diagnostic in report.dataQuality.diagnostics {
            counts[diagnostic.source ?? "run", default: [:]][diagnostic.severity, default: 0] += 1
        }
        for run in report.analyzers {
            for diagnostic in run.result.diagnostics {
                counts[run.descriptor.id, default: [:]][diagnostic.severity, default: 0] += 1
            }
            if run.status == .failed { counts[run.descriptor.id, default: [:]][.error, default: 0] += 1 }
        }
        var lines: [String] = []
        let serious = counts.filter { ($0.value[.error] ?? 0) + ($0.value[.warning] ?? 0) > 0 }
        if !serious.isEmpty {
            lines.append("problems (see the report's data-quality section, or `orghealth validate`):")
            for source in serious.keys.sorted() {
                let entry = serious[source] ?? [:]
                lines.append("  \(source.rightPadded(20)) \(entry[.error] ?? 0) errors, \(entry[.warning] ?? 0) warnings")
            }
        }
        let absent = report.summary.sources.filter { !$0.isPresent }
        if !absent.isEmpty {
            lines.append("sources without data: " + absent.map { "\($0.name) (\($0.absenceText ?? "absent"))" }
                .joined(separator: ", "))
        }
        if let coverage = report.summary.coverage {
            let scored = "\(coverage.dimensionsScored) of \(coverage.dimensionsTotal) dimensions scored"
            lines.append(coverage.withheldReason.map { "health index withheld: \($0)" } ?? "health index: \(scored)")
        }
        return lines
    }
}
