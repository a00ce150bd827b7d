import OrgHealthKit

extension ReportRun {
    /// What `orghealth validate` shows: the roster as read, and every problem of the config and
    /// the inputs.
    public struct Validation: Sendable {
        /// The roster and how it was read.
        public let rosterOutput: RosterReader.Output
        /// The problems: the run's own (config, roster, sources) and each analyzer's, and a
        /// failed analyzer as an error.
        public let problems: [Diagnostic]
        /// How many of the problems are errors.
        public var errorCount: Int { problems.filter { $0.severity == .error }.count }
    }

    /// Reads every input as a run would and collects the problems; writes and records nothing.
    public func validate(_ setup: AnalyzerSetup) async throws(ReportRunError) -> Validation {
        let pipeline = ReportPipeline(registry: setup.registry, clock: .fromEnvironment())
        let rosterOutput: RosterReader.Output
        do {
            rosterOutput = try pipeline.readRoster(setup.configuration)
        } catch {
            throw ReportRunError(.input, "\(error)")
        }
        let runs = await pipeline.diagnosticRuns(setup.configuration, rosterOutput: rosterOutput)
        // The run's own diagnostics (config, roster, sources), as the data-quality section has
        // them; each analyzer's from its run.
        var problems = pipeline.runDiagnostics(
            configuration: setup.configuration, rosterDiagnostics: rosterOutput.diagnostics, runs: runs
        ).filter { !($0.source.map(setup.registry.ids.contains) ?? false) }
        for run in runs {
            problems += run.result.diagnostics
            if run.status == .failed {
                problems.append(Diagnostic(severity: .error, source: run.descriptor.id, message: run.message ?? "failed"))
            }
        }
        return Validation(rosterOutput: rosterOutput, problems: problems)
    }
}
