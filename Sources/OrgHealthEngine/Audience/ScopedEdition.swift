import OrgHealthKit

/// Where each scope's metrics and signals are in each analyzer's result, so an edition takes
/// its scopes' figures without a look at every figure of the report (issue 16).
struct ScopeFigures: Sendable {
    /// Per analyzer run: each scope's metric positions, then its signal positions, ascending.
    private let metrics: [[Scope: [Int]]]
    private let signals: [[Scope: [Int]]]

    init(_ report: HealthReport) {
        metrics = report.analyzers.map { run in Self.positions(run.result.metrics.map(\.scope)) }
        signals = report.analyzers.map { run in Self.positions(run.result.signals.map(\.scope)) }
    }

    private static func positions(_ scopes: [Scope]) -> [Scope: [Int]] {
        var positions: [Scope: [Int]] = [:]
        for (position, scope) in scopes.enumerated() { positions[scope, default: []].append(position) }
        return positions
    }

    /// The metrics of run `run` about the scopes of `allowed`, in the result's order.
    func metrics(of run: Int, in result: AnalyzerResult, allowed: Set<Scope>) -> [Metric] {
        Self.pick(metrics[run], allowed).map { result.metrics[$0] }
    }

    /// The signals of run `run` about the scopes of `allowed`, in the result's order.
    func signals(of run: Int, in result: AnalyzerResult, allowed: Set<Scope>) -> [HealthSignal] {
        Self.pick(signals[run], allowed).map { result.signals[$0] }
    }

    private static func pick(_ positions: [Scope: [Int]], _ allowed: Set<Scope>) -> [Int] {
        allowed.flatMap { positions[$0] ?? [] }.sorted()
    }
}

/// Keeps only the figures, findings, rows and points of some scopes, and withholds anything
/// that names someone `namesSomeone` says it must not.
struct ScopedEdition {
    let allowed: Set<Scope>
    /// Where the report's figures are, by scope.
    let figures: ScopeFigures
    let namesSomeone: (String) -> Bool

    func apply(to report: HealthReport) -> HealthReport {
        var edition = report
        edition.scopes = report.scopes.filter { allowed.contains($0.scope) }
        edition.watchlist = report.watchlist.filter { allowed.contains($0.scope) }
        edition.crossSourceFindings = report.crossSourceFindings.filter(keep)
        edition.analyzers = report.analyzers.enumerated().map { index, run in
            var run = run
            run.result.metrics = figures.metrics(of: index, in: run.result, allowed: allowed)
            run.result.signals = figures.signals(of: index, in: run.result, allowed: allowed)
            run.result.findings = run.result.findings.filter(keep)
            run.result.sections = run.result.sections.compactMap(filter)
            let notes = run.result.diagnostics.count
            run.result.diagnostics = notes == 0 ? [] : [Diagnostic(
                severity: .info, message: "\(notes) data-quality notes of this analyzer are in HR's edition of this report.")]
            return run
        }
        edition.dataQuality.diagnostics = []
        edition.dataQuality.suppressedScopes = report.dataQuality.suppressedScopes.filter { allowed.contains($0) }
        return edition
    }

    private func keep(_ finding: Finding) -> Bool {
        allowed.contains(finding.scope)
            && ![finding.title, finding.detail, finding.recommendation].contains(where: namesSomeone)
    }

    private func filter(_ section: ReportSection) -> ReportSection? {
        var section = section
        let hadData = section.blocks.contains { if case .text = $0 { return false } else { return true } }
        section.blocks = section.blocks.compactMap { block -> ReportBlock? in
            switch block {
            case .text(let text):
                return namesSomeone(text) ? nil : block
            case .table(var table):
                table.rows = table.rows.filter { row in
                    row.ref.map { allowed.contains($0.scope) } ?? true && !row.cells.contains(where: namesSomeone)
                }
                if let caption = table.caption, namesSomeone(caption) { table.caption = nil }
                return table.rows.isEmpty ? nil : .table(table)
            case .chart(var chart):
                for index in chart.series.indices {
                    chart.series[index].points = chart.series[index].points.filter { point in
                        point.ref.map { allowed.contains($0.scope) } ?? true && !namesSomeone(point.label)
                    }
                }
                return chart.series.allSatisfy(\.points.isEmpty) ? nil : .chart(chart)
            }
        }
        let hasData = section.blocks.contains { if case .text = $0 { return false } else { return true } }
        if namesSomeone(section.title) { return nil }
        return hadData && !hasData ? nil : section
    }
}
