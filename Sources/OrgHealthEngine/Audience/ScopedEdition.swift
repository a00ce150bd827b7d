import OrgHealthKit

/// Where each scope's entries are in the lists of a report an edition filters by scope — each
/// analyzer's metrics, signals and findings, the scope summaries, the watchlist, the suppressed
/// scopes — so an edition takes its few scopes' entries without a look at every entry (issue 16:
/// at 10^5 people, 8,461 manager editions each hashed the scope of some 30,000 entries).
struct ScopeIndex: Sendable {
    /// Per analyzer run, in the report's order.
    let metrics: [ScopePositions]
    let signals: [ScopePositions]
    let findings: [ScopePositions]
    /// The report's own lists.
    let scopes: ScopePositions
    let watchlist: ScopePositions
    let suppressedScopes: ScopePositions

    init(_ report: HealthReport) {
        metrics = report.analyzers.map { ScopePositions($0.result.metrics.lazy.map(\.scope)) }
        signals = report.analyzers.map { ScopePositions($0.result.signals.lazy.map(\.scope)) }
        findings = report.analyzers.map { ScopePositions($0.result.findings.lazy.map(\.scope)) }
        scopes = ScopePositions(report.scopes.lazy.map(\.scope))
        watchlist = ScopePositions(report.watchlist.lazy.map(\.scope))
        suppressedScopes = ScopePositions(report.dataQuality.suppressedScopes)
    }
}

/// The positions of each scope's entries in one list.
struct ScopePositions: Sendable {
    private let positions: [Scope: [Int]]

    init<Scopes: Sequence<Scope>>(_ scopes: Scopes) {
        var positions: [Scope: [Int]] = [:]
        for (position, scope) in scopes.enumerated() { positions[scope, default: []].append(position) }
        self.positions = positions
    }

    /// The entries of `list` (the list the positions were taken from) about the scopes of
    /// `allowed`, in the list's order.
    func pick<Entry>(_ list: [Entry], _ allowed: Set<Scope>) -> [Entry] {
        allowed.flatMap { positions[$0] ?? [] }.sorted().map { list[$0] }
    }
}

/// Keeps only the figures, findings, rows and points of some scopes, and withholds anything
/// that names someone `namesSomeone` says it must not.
struct ScopedEdition {
    let allowed: Set<Scope>
    /// Where the report's entries are, by scope.
    let index: ScopeIndex
    let namesSomeone: (String) -> Bool

    func apply(to report: HealthReport) -> HealthReport {
        var edition = report
        edition.scopes = index.scopes.pick(report.scopes, allowed)
        edition.watchlist = index.watchlist.pick(report.watchlist, allowed)
        edition.crossSourceFindings = report.crossSourceFindings.filter(keep)
        edition.analyzers = report.analyzers.enumerated().map { position, run in
            var run = run
            run.result.metrics = index.metrics[position].pick(run.result.metrics, allowed)
            run.result.signals = index.signals[position].pick(run.result.signals, allowed)
            run.result.findings = index.findings[position].pick(run.result.findings, allowed).filter(keep)
            run.result.sections = run.result.sections.compactMap(filter)
            let notes = run.result.diagnostics.count
            run.result.diagnostics = notes == 0 ? [] : [Diagnostic(
                severity: .info, message: "\(notes) data-quality notes of this analyzer are in HR's edition of this report.")]
            return run
        }
        edition.dataQuality.diagnostics = []
        edition.dataQuality.suppressedScopes = index.suppressedScopes.pick(report.dataQuality.suppressedScopes, allowed)
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
