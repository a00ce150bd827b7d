import Foundation
import OrgHealthKit

/// The history step of a report run, in one call: open the history file, compare the report
/// with the previous period, record the report's period, and read the sparkline series.
///
/// It never throws and never fails the report: when the file cannot be used (damaged, newer,
/// locked, unwritable) the report comes back without trends and with a warning saying why.
public struct ReportHistory: Sendable {
    /// The history file; `nil` when history is off (`--no-history`, or none configured).
    public var file: URL?
    /// How many periods a sparkline shows, the current one included.
    public var sparklineLength: Int
    /// The trend arithmetic.
    public var calculator: TrendCalculator
    /// The run's config and input fingerprints, recorded with the snapshot (or see
    /// `fingerprint`); with it, an existing snapshot of the period recorded from other inputs
    /// is replaced only when `allowsReplace` is set.
    public var provenance: SnapshotProvenance?
    /// How to fingerprint the run's inputs when `provenance` is not given: called once, only
    /// when the history file can be used, on a thread of its own while the step compares and
    /// records (hashing the 51,000 note files of a 10,000-person organization takes a second).
    public var fingerprint: (@Sendable () -> SnapshotProvenance)?
    /// Whether a snapshot of the same period from other inputs may be replaced (`--replace`).
    public var allowsReplace = false
    /// Where the step says what it is doing (`ORGHEALTH_PROGRESS`): at scale, reading the
    /// previous period, comparing and recording each take seconds.
    public var progress: ProgressReporter = .silent
    /// Whether a period of another organization than the history's may be recorded
    /// (`--organization-change`).
    public var allowsOrganizationChange = false

    /// Creates the step.
    public init(file: URL?, sparklineLength: Int = 8, calculator: TrendCalculator = TrendCalculator()) {
        self.file = file
        self.sparklineLength = sparklineLength
        self.calculator = calculator
    }

    /// What the step produced.
    public struct Outcome: Sendable {
        /// The report with dimension-score trends set and the history notes appended to its
        /// data-quality diagnostics.
        public var report: HealthReport
        /// Every trend and every gap (empty when history is off or unusable).
        public var trends: TrendSet
        /// The organization's dimension scores over the last periods, oldest first, the
        /// current period included (for sparklines).
        public var dimensionSeries: [HealthDimension: [HistoryPoint]]
        /// The organization's health index over the last periods, oldest first.
        public var healthIndexSeries: [HistoryPoint]
        /// What was recorded, or `nil` when nothing was.
        public var recorded: HistoryStore.RecordSummary?
        /// The notes this step added to the report.
        public var diagnostics: [Diagnostic]
        /// Why the history refused this period, when it did (the report has no trends then).
        public var refusal: HistoryRefusal?
        /// Why the period was not recorded although the history was usable, when so.
        public var notRecordedReason: String?
    }

    /// Runs the step on a report that has been through the privacy gate.
    ///
    /// The report is taken, not copied: its figures are changed in place (trends set), so a
    /// caller that passes its last use of the report does not hold a second copy of them.
    public func apply(to report: consuming HealthReport) -> Outcome {
        let period = report.period
        var outcome = Outcome(
            report: consume report, trends: TrendSet(previousPeriod: nil), dimensionSeries: [:], healthIndexSeries: [],
            recorded: nil, diagnostics: [])
        guard let file else { return outcome }
        // The report's reportable figures laid out once, for the trends and the recording, on a
        // thread of their own from the start (10^6 people: about a second), while this one
        // opens the file (its schema checked; SQLite's quick_check of the whole file then runs
        // beside the step, or first when the file needs a migration) and finds the previous period.
        // The previous-period check below changes only the summary's sources and index, not
        // the figures. A step that ends early waits for the layout first: it shares the
        // report's figures, and finishing must not change them under it (a copy of them all).
        let layout = InBackground { [report = outcome.report] in SnapshotRows(report: report) }
        let store: HistoryStore
        do {
            // The whole file's integrity check runs beside this step, and is waited for before
            // the recording commits and before anything read here is used (below).
            store = try HistoryStore(url: file, access: .readWrite, checkingIntegrityAlongside: true)
        } catch {
            _ = layout.value
            return Self.unusable(outcome, error)
        }
        // Every write above is a committed transaction, so a failed close loses nothing
        // recorded (the next open replays the WAL); the report is already complete. (At the
        // step's end the file is closed already; closing again does nothing.)
        defer { try? store.close() }
        // The report as it came, for a file the integrity check then refuses: everything this
        // step read from the file is dropped with it.
        let given = outcome.report

        if let refusal = guardOrganization(of: outcome.report, in: store) {
            _ = layout.value
            if let problem = store.integrityProblem() { return Self.unusable(outcome, problem, report: given) }
            outcome.refusal = refusal
            outcome.diagnostics.append(Diagnostic(severity: .error, source: "history", message: refusal.description))
            _ = consume given
            outcome.finish()
            return outcome
        }
        // The inputs fingerprinted, when that is left to this step, on a thread of their own:
        // only the recording's last rows (and the check of a period already stored) need them.
        let fingerprinting = provenance == nil ? fingerprint.map { fingerprint in
            InBackground { [progress] in
                defer { progress.report("history: inputs fingerprinted") }
                return fingerprint()
            }
        } : nil
        let runProvenance: @Sendable () -> SnapshotProvenance? = { [provenance] in provenance ?? fingerprinting?.value }
        // Ends with the step: what it reads is not held past the step, nor reported after it.
        defer { _ = fingerprinting?.value }
        let previousResult = Result { () throws(HistoryError) in try store.previousPeriod(before: period) }
        let rows = layout.value
        _ = consume layout
        var previous: HistoryStore.PreviousPeriod?, previousRead = false
        do {
            previous = try previousResult.get()
            previousRead = true
            let checked = PreviousPeriodSources.check(outcome.report, against: previous)
            outcome.report = checked.report
            outcome.diagnostics += checked.diagnostics
        } catch {
            outcome.diagnostics.append(Self.warning("\(error); this report has no trends"))
        }
        outcome.notRecordedReason = replacementBlock(for: outcome.report, provenance: runProvenance, in: store)
        progress.report("history: " + (previous.map { "comparing with \($0.period.label)" } ?? "no earlier period")
            + (outcome.notRecordedReason == nil ? (previous == nil ? "; recording" : " and recording") : ""))
        // The trends and the recording, each on a core: both only read the report and its rows.
        let report = outcome.report
        let (trends, recording) = Concurrently.both({ [calculator, previous, progress] () -> Result<TrendSet, HistoryError>? in
            guard let previous else { return nil }
            defer { progress.report("history: compared with \(previous.period.label)") }
            return Result { () throws(HistoryError) in
                try store.trends(of: report, rows: rows, against: previous, calculator: calculator)
            }
        }, { [notRecordedReason = outcome.notRecordedReason, runProvenance, progress] () -> Result<HistoryStore.RecordSummary, HistoryError>? in
            guard notRecordedReason == nil else { return nil }
            defer { progress.report("history: \(period.label) recorded") }
            return Result { () throws(HistoryError) in try store.record(report, rows: rows, provenance: runProvenance) }
        })
        // Let go of the second reference, so that the trends are set in place, not in a copy.
        _ = consume report
        _ = consume rows
        if let problem = store.integrityProblem() { return Self.unusable(outcome, problem, report: given) }
        _ = consume given
        switch trends {
        case .success(let trends)?: outcome.trends = trends
        case .failure(let error)?:
            previousRead = false
            outcome.diagnostics.append(Self.warning("\(error); this report has no trends"))
        case nil: break
        }
        if previousRead { outcome.diagnostics += outcome.trends.diagnostics }
        if let reason = outcome.notRecordedReason { outcome.diagnostics.append(Self.warning(reason)) }
        switch recording {
        case .success(let summary)?: outcome.recorded = summary
        case .failure(let error)?: outcome.diagnostics.append(Self.warning("\(error); this period was not recorded"))
        case nil: break
        }
        do {
            for score in outcome.report.summary.dimensions {
                let points = try store.series(
                    of: DimensionKey(dimension: score.dimension, scope: .org), through: period,
                    limit: sparklineLength)
                if !points.isEmpty { outcome.dimensionSeries[score.dimension] = points }
            }
            outcome.healthIndexSeries = try store.healthIndexSeries(through: period, limit: sparklineLength)
        } catch {
            outcome.diagnostics.append(Self.warning("\(error); the report has no sparklines"))
        }
        // The file is done with: it is closed (SQLite copies the period from its write-ahead
        // log into the file, 0.5 s at 10^6 people) on a thread of its own while the trends are
        // set on the report (0.3 s there), and the step ends when both have.
        let closing = InBackground { try? store.close() }
        outcome.finish()
        closing.value
        return outcome
    }

    static func warning(_ message: String) -> Diagnostic {
        Diagnostic(severity: .warning, source: "history", message: message)
    }

    /// The step's outcome for a history file that cannot be used: `report` (by default the
    /// one in `outcome`) with the warning saying why, no trends, nothing recorded.
    private static func unusable(_ outcome: Outcome, _ error: HistoryError, report: HealthReport? = nil) -> Outcome {
        var unusable = Outcome(
            report: report ?? outcome.report, trends: TrendSet(previousPeriod: nil), dimensionSeries: [:],
            healthIndexSeries: [], recorded: nil, diagnostics: [warning("\(error); this report has no trends and was not recorded")])
        unusable.finish()
        return unusable
    }
}

extension ReportHistory.Outcome {
    /// Applies the trends and appends the notes to the report, in place (a consuming method
    /// called on a variable works on a copy: the report's 200 MB of figures at 10^6 people).
    fileprivate mutating func finish() {
        trends.apply(to: &report)
        report.dataQuality.diagnostics += diagnostics
        report.summary.healthIndexHistory = healthIndexSeries.map { PeriodValue(period: $0.label, value: $0.value) }
        for index in report.summary.dimensions.indices {
            let points = dimensionSeries[report.summary.dimensions[index].dimension] ?? []
            report.summary.dimensions[index].history = points.map { PeriodValue(period: $0.label, value: $0.value) }
        }
    }
}
