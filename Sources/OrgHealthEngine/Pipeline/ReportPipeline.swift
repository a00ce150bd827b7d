import Foundation
import OrgHealthKit

/// The whole run, from configuration to the report model: read the roster, run the
/// analyzers, apply the privacy gate, score the health model, assemble the report.
public struct ReportPipeline: Sendable {
    /// The analyzers.
    public let registry: AnalyzerRegistry
    /// The clock.
    public let clock: ReportClock
    /// The tool name and version stamped on the report.
    public let tool: String

    /// Creates a pipeline.
    public init(registry: AnalyzerRegistry, clock: ReportClock, tool: String = "orghealth \(OrgHealthVersion.current)") {
        self.registry = registry
        self.clock = clock
        self.tool = tool
    }

    /// Produces the report. Throws only when the roster cannot be read at all; every other
    /// problem ends up in the report.
    public func run(_ configuration: Configuration, progress: ProgressReporter = .silent) async throws(RosterError)
        -> HealthReport
    {
        progress.report("reading the roster")
        return await run(configuration, rosterOutput: try readRoster(configuration), progress: progress)
    }

    /// Reads the configured roster with its column mapping and `roster:` options.
    /// A `.xml` roster is a Workday report-as-a-service export.
    public func readRoster(_ configuration: Configuration) throws(RosterError) -> RosterReader.Output {
        if let problem = configuration.limits.problem(in: [configuration.roster]) { throw RosterError(problem) }
        let reader = RosterReader(
            columnMapping: configuration.columns["roster"] ?? [:], options: configuration.rosterOptions,
            period: configuration.period)
        guard configuration.roster.pathExtension.lowercased() == "xml" else { return try reader.read(configuration.roster) }
        return try WorkdayRosterSource.read(configuration.roster, with: reader)
    }

    /// Produces the report from a roster already read. The roster is let go once the health
    /// model is scored, before the report is assembled (10^6 people: 66 MB less at the run's
    /// peak, issue 16); a caller that keeps its own copy keeps it alive.
    public func run(
        _ configuration: Configuration, rosterOutput: consuming RosterReader.Output, progress: ProgressReporter = .silent
    ) async -> HealthReport {
        let roster = Self.cutRoster(rosterOutput, configuration)
        let rosterRows = rosterOutput.rowsRead, rosterDiagnostics = rosterOutput.diagnostics
        _ = consume rosterOutput
        progress.report("running \(registry.entries.count) analyzers")
        let gated = await runGated(configuration, roster: roster, progress: progress)
        let gatedRuns = gated.map(\.run)

        var suppressedCounts: [String: Int] = [:]
        var withheldScopes: Set<Scope> = []
        for outcome in gated.map(\.extra) {
            for (reason, count) in outcome.suppressedCounts { suppressedCounts[reason.rawValue, default: 0] += count }
            withheldScopes.formUnion(outcome.suppressedScopes)
        }
        progress.report("scoring the health model")
        // Four independent steps, two on each core (10^6 people: about 0.2 s each): the
        // cross-source findings, named as the scopes are (no dictionary of 100,000 names for a
        // handful of findings), and the 115,000 withheld scopes sorted, on one; the health
        // table and the roster's group scopes on the other.
        let periodEnd = configuration.period.end
        let ((crossSourceFindings, sortedSuppressedScopes), (table, rosterScopes)) = Concurrently.both({ [roster, withheldScopes] in
            (CrossSourceFindings().findings(runs: gatedRuns) { Self.displayName(of: $0, in: roster) }, withheldScopes.sorted())
        }, { [roster] in
            (HealthTable(runs: gatedRuns), Self.groupScopes(of: roster, employedOn: periodEnd))
        })
        _ = consume withheldScopes
        let (summary, scopes) = score(
            configuration: configuration, roster: roster, gatedRuns: gatedRuns, table: table, rosterScopes: rosterScopes)
        // The table (10^6 people: about 25 MB) and the roster (66 MB) are not needed from here on.
        _ = consume table
        _ = consume roster
        let report = assemble(
            configuration: configuration, rosterRows: rosterRows, rosterDiagnostics: rosterDiagnostics,
            gatedRuns: gatedRuns, summary: summary, scopes: scopes, crossSourceFindings: crossSourceFindings,
            suppressed: (suppressedCounts, sortedSuppressedScopes), progress: progress)
        return HealthCoverage(minimumDimensions: configuration.healthIndexMinimumDimensions).applyingCoverage(to: report)
    }

    /// Runs the analyzers, each result gated in the task that produced it, as soon as its
    /// analyzer ends (the gate of a quick analyzer's figures overlaps a slow one's reading).
    private func runGated(
        _ configuration: Configuration, roster: Roster, progress: ProgressReporter
    ) async -> [(run: AnalyzerRun, extra: PrivacyGate.Withheld)] {
        let gate = PrivacyGate(policy: configuration.privacy, roster: roster, period: configuration.period)
        return await AnalyzerRunner(registry: registry, clock: clock)
            .run(configuration: configuration, roster: roster, progress: progress) { run in
                let withheld = gate.apply(in: &run.result)
                progress.report("\(run.descriptor.id): gated")
                return withheld
            }
    }

    /// Builds the report from runs the privacy gate has already been applied to, their scored
    /// health and what the gate withheld; the health coverage is filled in by the caller.
    private func assemble(
        configuration: Configuration, rosterRows: Int, rosterDiagnostics: [Diagnostic], gatedRuns: [AnalyzerRun],
        summary: HealthReport.Summary, scopes: [ScopeHealth], crossSourceFindings: [Finding],
        suppressed: (counts: [String: Int], scopes: [Scope]), progress: ProgressReporter
    ) -> HealthReport {
        progress.report("assembling the report")
        let definitions = gatedRuns.filter { $0.status == .ok }.flatMap(\.descriptor.metrics)
        let diagnostics = runDiagnostics(configuration: configuration, rosterDiagnostics: rosterDiagnostics, runs: gatedRuns)
        // Teams and departments only: attribute values (cuts) have their own view, and reporting
        // lines overlap teams and departments.
        let watchlist = HealthModel().watchlist(scopes)
        let report = HealthReport(
            organization: configuration.organization, period: configuration.period, generatedAt: clock.generatedAt,
            tool: tool, summary: summary, scopes: scopes, analyzers: gatedRuns,
            crossSourceFindings: crossSourceFindings, watchlist: watchlist,
            dataQuality: DataQuality(
                rosterRows: rosterRows, diagnostics: diagnostics, suppressedValues: suppressed.counts,
                suppressedScopes: suppressed.scopes),
            methodology: Methodology(
                privacy: configuration.privacy, metrics: definitions,
                healthModel: HealthModel.description
                    + HealthCoverage.methodology(minimumDimensions: configuration.healthIndexMinimumDimensions)))
        return report
    }
}

extension ReportPipeline {
    /// The organization's summary and every scope's health: dimension scores with the measures
    /// behind them, from the ``HealthTable`` of the gated runs, for the table's scopes and the
    /// roster's (`rosterScopes`, from ``groupScopes(of:employedOn:)``).
    private func score(
        configuration: Configuration, roster: Roster, gatedRuns: [AnalyzerRun], table: HealthTable, rosterScopes: Set<Scope>
    ) -> (summary: HealthReport.Summary, scopes: [ScopeHealth]) {
        let model = HealthModel()
        let periodEnd = configuration.period.end
        var dimensions = Set(HealthDimension.builtIns)
        for run in gatedRuns { dimensions.formUnion(run.descriptor.dimensions) }
        dimensions.formUnion(table.dimensions)

        let organization = table.scores(of: .org, sources: true)
        let orgScores = dimensions.sorted().map { dimension in
            organization.first { $0.dimension == dimension } ?? DimensionScore(dimension: dimension, score: nil, n: 0)
        }
        let summary = HealthReport.Summary(
            healthIndex: model.healthIndex(orgScores), dimensions: orgScores,
            headcount: roster.headcount(of: .org, on: periodEnd))

        var scopeSet = rosterScopes
        scopeSet.formUnion(table.scopes)
        scopeSet.remove(.org)
        // Sorted half on each core, then merged (230,000 scopes at 10^6 people).
        let sorted = Concurrently.sorted(Array(scopeSet))
        _ = consume scopeSet
        @Sendable func health(_ scope: Scope) -> ScopeHealth {
            let scopeScores = table.scores(of: scope, sources: true)
            return ScopeHealth(
                scope: scope, name: Self.displayName(of: scope, in: roster), parent: roster.parent(of: scope), headcount: roster.headcount(of: scope, on: periodEnd),
                healthIndex: model.healthIndex(scopeScores), dimensions: scopeScores)
        }
        // Half the scopes on each core: each reads the table and the roster alone.
        return (summary, Concurrently.map(sorted, health))
    }
}

extension ReportPipeline {
    /// The group scopes of everyone employed on `day` (`Roster.groupScopes(of:)`), found once
    /// per team rather than once per person, and their attribute scopes under cuts.
    static func groupScopes(of roster: Roster, employedOn day: CalendarDate) -> Set<Scope> {
        var scopes: Set<Scope> = []
        for team in roster.employedTeams(on: day) {
            for scope in roster.groupScopes(ofTeam: team) { scopes.insert(scope) }
        }
        // Attribute values differ within a team, so they are collected per person (and only
        // with cuts: walking `people` builds every ``Person``, a million at 10^6).
        if !roster.cuts.isEmpty {
            for person in roster.people where person.isEmployed(on: day) {
                for scope in roster.attributeScopes(of: person) { scopes.insert(scope) }
            }
        }
        return scopes
    }

    /// A scope's name in the report: a manager's or reporting line's with the person's name
    /// when the roster has one (`Ana Lopez (E0042)`), otherwise the scope's own.
    static func displayName(of scope: Scope, in roster: Roster) -> String {
        switch scope {
        case .manager(let id), .line(let id):
            if let display = roster.name(ofID: id) { return "\(display) (\(id))" }
            return scope.name
        default:
            return scope.name
        }
    }

    /// The run's own diagnostics for the data-quality section: the config's notes, the
    /// roster's, each failed analyzer's failure and how each external analyzer that ran was
    /// contained (issue 14).
    func runDiagnostics(configuration: Configuration, rosterDiagnostics: [Diagnostic], runs: [AnalyzerRun]) -> [Diagnostic] {
        var diagnostics = configuration.notes + rosterDiagnostics
        for run in runs where run.status == .failed {
            diagnostics.append(Diagnostic(
                severity: .error, source: run.descriptor.id,
                message: "the analyzer failed: \(run.message ?? "no reason given"); its figures are missing from this report"))
        }
        for entry in registry.entries {
            guard let external = entry.analyzer as? ExternalAnalyzer,
                  runs.contains(where: { $0.descriptor.id == external.descriptor.id && $0.status != .skipped })
            else { continue }
            diagnostics.append(Diagnostic(
                severity: .info, source: external.descriptor.id, message: "this external analyzer ran \(external.containment)"))
        }
        return diagnostics
    }

    /// The analyzers run on the roster as a report runs them, for `validate`: ungated and
    /// unscored, and each run's figures let go as soon as its analyzer ends, so only the
    /// status, the message and the diagnostics remain (10^6 people: the gate, the health
    /// model and the report's assembly are not done, issue 16). The analyzers are told the
    /// run is a validation (``AnalysisPurpose/validation``): the built-in ones then read every
    /// input but build no figures; an external analyzer is not told and runs in full.
    func diagnosticRuns(_ configuration: Configuration, rosterOutput: RosterReader.Output) async -> [AnalyzerRun] {
        let roster = Self.cutRoster(rosterOutput, configuration)
        return await AnalyzerRunner(registry: registry, clock: clock)
            .run(configuration: configuration, roster: roster, purpose: .validation) { run in
                run.result.metrics = []
                run.result.signals = []
                run.result.findings = []
                run.result.sections = []
            }
            .map(\.run)
    }

    /// The roster with the config's cuts, values taken on the period's last day.
    static func cutRoster(_ output: RosterReader.Output, _ configuration: Configuration) -> Roster {
        configuration.cuts.isEmpty ? output.roster : output.roster.cut(by: configuration.cuts, on: configuration.period.end)
    }
}

/// The tool's version.
public enum OrgHealthVersion {
    /// The current version (semantic versioning).
    public static let current = "0.1.0"
}
