import OrgHealthKit

/// Why the history refused a report's period.
public enum HistoryRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The history belongs to another organization.
    case otherOrganization(history: String, report: String, path: String)

    public var description: String {
        switch self {
        case .otherOrganization(let history, let report, let path):
            return "\(path): this history holds \(history), but the report is for \(report); "
                + "the period was not recorded and the report shows no trends. Use another history file, "
                + "or pass --organization-change if the organization was renamed"
        }
    }
}

extension ReportHistory {
    /// A refusal when the history's latest period belongs to another organization and
    /// `allowsOrganizationChange` is off.
    func guardOrganization(of report: HealthReport, in store: HistoryStore) -> HistoryRefusal? {
        guard !allowsOrganizationChange else { return nil }
        // An unreadable history is reported by the next steps, which fail the same way.
        guard let stored = try? store.latestOrganization(), stored != report.organization else { return nil }
        return .otherOrganization(history: stored, report: report.organization, path: store.url.path)
    }

    /// Why the period must not be recorded: a snapshot of it exists, from other inputs, and
    /// `allowsReplace` is off. `nil` when recording may go ahead (no snapshot, the same
    /// inputs, `--replace`, or no provenance to compare).
    func replacementBlock(
        for report: HealthReport, provenance: () -> SnapshotProvenance?, in store: HistoryStore
    ) -> String? {
        // As above: an unreadable history makes `record` fail and say why. The run's own
        // provenance is asked for only when the period is already stored.
        guard !allowsReplace, let stored = try? store.provenance(of: report.period), let provenance = provenance(),
              !stored.matches(provenance)
        else { return nil }
        let what = stored.configFingerprint == nil
            ? "recorded by an earlier orghealth without input fingerprints"
            : (stored.configFingerprint != provenance.configFingerprint ? "recorded with another config" : "")
                + (stored.configFingerprint != provenance.configFingerprint
                    && stored.inputFingerprint != provenance.inputFingerprint ? " and " : "")
                + (stored.inputFingerprint != provenance.inputFingerprint ? "recorded from other input files" : "")
        return "\(report.period.label) is already in the history, \(what); the history was not changed "
            + "(the report was written). Re-run with --replace to replace the stored snapshot"
    }
}

/// Compares this period's sources with those that fed the previous period: a source that fed
/// it and gives no data now is a warning, and withholds the health index (it would otherwise
/// rise or fall only because a measure went missing).
enum PreviousPeriodSources {
    static func check(_ report: HealthReport, against previous: HistoryStore.PreviousPeriod?)
        -> (report: HealthReport, diagnostics: [Diagnostic])
    {
        guard let previous else { return (report, []) }
        let fed = previous.fed
        var report = report
        var lost: [String] = []
        for index in report.summary.sources.indices where fed.contains(report.summary.sources[index].analyzer) {
            report.summary.sources[index].fedPreviousPeriod = true
            let source = report.summary.sources[index]
            if let absence = source.absenceText { lost.append("\(source.name) (\(absence))") }
        }
        guard !lost.isEmpty else { return (report, []) }
        let words = "\(lost.joined(separator: ", ")) fed \(previous.period.label) but \(lost.count == 1 ? "gives" : "give") no data now"
        if report.summary.healthIndex != nil || report.summary.coverage?.withheldReason == nil {
            report.summary.healthIndex = nil
            report.summary.coverage?.withheldReason = words + "; an index without \(lost.count == 1 ? "it" : "them") "
                + "would not compare with \(previous.period.label)"
        }
        return (report, [Diagnostic(severity: .warning, source: "history", message: words)])
    }
}
