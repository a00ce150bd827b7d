import OrgHealthKit

/// The checks an external result passes on top of ``ResultValidator`` (which the runner
/// applies to every result): the protocol version it reports, the number of items, and that
/// every scope it names exists in the roster. A built-in analyzer is trusted to build its
/// scopes from the roster; an external one, which reads a copy of it, must be checked.
struct ExternalResultCheck {
    let roster: Roster
    let maxItems: Int

    /// Throws the first problem found.
    func check(_ response: AnalyzeResponse, executable: String) throws(ExternalAnalyzerError) {
        if let version = response.protocolVersion, version != ExternalProtocol.version {
            throw ExternalAnalyzerError(
                "\(executable) answered with protocol version \(version), but this orghealth speaks version "
                    + "\(ExternalProtocol.version); use an analyzer built for version \(ExternalProtocol.version)")
        }
        let result = response.result
        for (name, count) in [
            ("metrics", result.metrics.count), ("signals", result.signals.count), ("findings", result.findings.count),
            ("sections", result.sections.count), ("diagnostics", result.diagnostics.count),
        ] where count > maxItems {
            throw ExternalAnalyzerError("invalid result: \(count) \(name); an external analyzer may return at most \(maxItems)")
        }
        try checkMagnitudes(result)
        let known = KnownScopes(roster)
        func require(_ scope: Scope, _ what: @autoclosure () -> String) throws(ExternalAnalyzerError) {
            guard !known.contains(scope) else { return }
            throw ExternalAnalyzerError("invalid result: \(what()) is for \(scope), which is not in the roster (\(known.hint(for: scope)))")
        }
        for metric in result.metrics { try require(metric.scope, "metric \(metric.id)") }
        for signal in result.signals { try require(signal.scope, "the \(signal.dimension) signal") }
        for finding in result.findings { try require(finding.scope, "finding \(finding.id)") }
        for section in result.sections {
            for block in section.blocks {
                switch block {
                case .table(let table):
                    for row in table.rows { if let ref = row.ref { try require(ref.scope, "a row of table '\(table.caption ?? section.title)'") } }
                case .chart(let chart):
                    for series in chart.series {
                        for point in series.points { if let ref = point.ref { try require(ref.scope, "a point of chart '\(chart.title)'") } }
                    }
                case .text:
                    break
                }
            }
        }
    }
}

/// The largest magnitudes an external result may carry: no organizational figure comes near
/// them, and anything beyond would only overflow the arithmetic and formatting downstream.
enum SaneMagnitude {
    /// The largest absolute metric or chart value.
    static let value = 1e12
    /// The largest `n` (people, responses, records).
    static let n = 1_000_000_000
    /// The largest signal weight.
    static let weight = 1_000.0
}

extension ExternalResultCheck {
    /// Values, `n`s and weights within ``SaneMagnitude``.
    func checkMagnitudes(_ result: AnalyzerResult) throws(ExternalAnalyzerError) {
        func value(_ number: Double?, _ what: @autoclosure () -> String) throws(ExternalAnalyzerError) {
            guard let number, number.isFinite, abs(number) > SaneMagnitude.value else { return }
            throw ExternalAnalyzerError("invalid result: \(what()) has the value \(number), beyond ±\(SaneMagnitude.value)")
        }
        func count(_ n: Int?, _ what: @autoclosure () -> String) throws(ExternalAnalyzerError) {
            guard let n, n > SaneMagnitude.n else { return }
            throw ExternalAnalyzerError("invalid result: \(what()) has n = \(n), beyond \(SaneMagnitude.n)")
        }
        for metric in result.metrics {
            try value(metric.value, "metric \(metric.id) at \(metric.scope)")
            try count(metric.n, "metric \(metric.id) at \(metric.scope)")
        }
        for signal in result.signals {
            try count(signal.n, "the \(signal.dimension) signal at \(signal.scope)")
            if signal.weight > SaneMagnitude.weight {
                throw ExternalAnalyzerError(
                    "invalid result: the \(signal.dimension) signal at \(signal.scope) has weight \(signal.weight), beyond \(SaneMagnitude.weight)")
            }
        }
        for section in result.sections {
            for block in section.blocks {
                switch block {
                case .table(let table):
                    for row in table.rows { try count(row.ref?.n, "a row of table '\(table.caption ?? section.title)'") }
                case .chart(let chart):
                    for point in chart.series.flatMap(\.points) {
                        try value(point.value, "point '\(point.label)' of chart '\(chart.title)'")
                        try count(point.ref?.n, "point '\(point.label)' of chart '\(chart.title)'")
                    }
                case .text:
                    break
                }
            }
        }
    }
}

/// The scopes a roster has: the org, its departments and teams, and a manager scope for
/// every person in it.
private struct KnownScopes {
    let teams: Set<String>
    let departments: Set<String>
    let roster: Roster

    init(_ roster: Roster) {
        self.roster = roster
        teams = Set(roster.teams)
        departments = Set(roster.departments)
    }

    func contains(_ scope: Scope) -> Bool {
        switch scope {
        case .org: return true
        case .team(let name): return teams.contains(name)
        case .department(let name): return departments.contains(name)
        case .manager(let id): return roster.person(id: id) != nil
        case .line(let id): return !roster.directReports(of: id).isEmpty
        case .attribute: return !roster.members(of: scope).isEmpty
        }
    }

    /// A short reminder of what exists, for the error message.
    func hint(for scope: Scope) -> String {
        func sample(_ names: Set<String>, _ kind: String) -> String {
            let sorted = names.sorted()
            guard !sorted.isEmpty else { return "the roster has no \(kind)s" }
            return "its \(kind)s include " + sorted.prefix(5).joined(separator: ", ") + (sorted.count > 5 ? ", …" : "")
        }
        switch scope {
        case .org: return ""
        case .team: return sample(teams, "team")
        case .department: return sample(departments, "department")
        case .manager: return "manager scopes name an employee_id"
        case .line: return "line scopes name the employee_id of someone with reports"
        case .attribute:
            let cuts = roster.cuts.map(\.name)
            return cuts.isEmpty ? "the config has no cuts" : "the cuts are \(cuts.joined(separator: ", "))"
        }
    }
}
