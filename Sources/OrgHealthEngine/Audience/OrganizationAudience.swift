import OrgHealthKit

/// Turns the HR report into one that can be shared beyond HR: no person's name or employee id
/// in any output. It removes, from the already-gated report:
///
/// - every manager scope and reporting line: its scope health, metrics, signals and watchlist entry;
/// - table rows and chart points about a manager (a table left with no rows — the per-manager
///   tables, the calibration list — goes entirely, and so does a table with a "Manager" column);
/// - findings about a manager, replaced by one finding per analyzer and severity that says how
///   many there were, about teams, without naming anyone;
/// - data-quality notes (they quote roster rows and ids), replaced by their count;
/// - then, as a sweep, anything that still mentions someone in the roster by name, e-mail or
///   employee id (``PersonMentions``): such a finding is counted like a manager's, a text block,
///   table row, chart point or group is withheld;
///
/// and says what it removed in the methodology. Figures themselves are not recomputed: the
/// privacy gate stays the one place where values are withheld.
public struct OrganizationAudience: Sendable {
    /// Who may not be named.
    public let mentions: PersonMentions
    /// Whether each text names someone, looked up once per text: a figure's group name is
    /// asked once per figure (issue 16: 2.1 million at 10^6 people, for 230,000 groups).
    private let memo: MentionsMemo

    /// Creates the filter for the people of a roster.
    public init(mentions: PersonMentions) {
        self.mentions = mentions
        memo = MentionsMemo(mentions)
    }

    private func namesSomeone(_ text: String) -> Bool { !memo.people(mentionedIn: text).isEmpty }

    /// The methodology line that states what this audience leaves out.
    public static let methodologyNote =
        "Audience: organization. This edition can be shared beyond HR: it names no person and shows no employee id. "
        + "Removed from the HR edition: per-manager and per-line figures, tables and charts (including the rating calibration list), "
        + "the wording of findings about individual managers (counted instead, per analyzer and severity), and the "
        + "data-quality notes (counted instead), which quote roster rows. All other figures are the HR edition's, "
        + "under the same privacy rules."

    /// The shared edition of `report`, made in place: given a report no one else holds, the
    /// figures are filtered without a second copy of them (issue 16: at 10^6 people the HR
    /// report and its filtered copy together peaked at 1 GB).
    public func apply(to report: consuming HealthReport) -> HealthReport {
        var shared = report
        shared.scopes.removeAll { Self.isPersonal($0.scope.kind) || named($0.scope) || namesSomeone($0.name) }
        shared.watchlist.removeAll { Self.isPersonal($0.scope.kind) || named($0.scope) || namesSomeone($0.reason) }
        shared.crossSourceFindings = filter(shared.crossSourceFindings, source: "cross-source")
        for index in shared.analyzers.indices { filter(&shared.analyzers[index]) }
        let runNotes = shared.dataQuality.diagnostics.count
        shared.dataQuality.diagnostics = runNotes == 0 ? [] : [Diagnostic(
            severity: .info, message: "\(runNotes) data-quality notes of the run are in the HR edition of this report.")]
        shared.dataQuality.suppressedScopes.removeAll { Self.isPersonal($0.kind) || named($0) }
        shared.methodology.healthModel.append(Self.methodologyNote)
        return shared
    }

    private func filter(_ run: inout AnalyzerRun) {
        // An analyzer gives a scope's figures together: a scope is looked up once per run of them.
        var last: (scope: Scope, withheld: Bool)?
        func withheld(_ scope: Scope) -> Bool {
            if let last, last.scope == scope { return last.withheld }
            let answer = Self.isPersonal(scope.kind) || named(scope)
            last = (scope, answer)
            return answer
        }
        run.result.metrics.removeAll { withheld($0.scope) }
        run.result.signals.removeAll { withheld($0.scope) }
        run.result.findings = filter(run.result.findings, source: run.descriptor.id)
        run.result.sections = run.result.sections.compactMap(filter)
        let notes = run.result.diagnostics.count
        run.result.diagnostics = notes == 0 ? [] : [Diagnostic(
            severity: .info, message: "\(notes) data-quality notes of this analyzer are in the HR edition of this report.")]
    }

    /// Findings that name no one stay; the others are counted per severity.
    private func filter(_ findings: [Finding], source: String) -> [Finding] {
        let (kept, withheld) = findings.reduce(into: ([Finding](), [Finding]())) { parts, finding in
            if Self.isPersonal(finding.scope.kind) || named(finding.scope)
                || [finding.title, finding.detail, finding.recommendation].contains(where: namesSomeone) {
                parts.1.append(finding)
            } else {
                parts.0.append(finding)
            }
        }
        return kept + summaries(of: withheld, source: source)
    }

    /// Whether a scope is named after a person: a manager's direct reports, a manager's line.
    static func isPersonal(_ kind: Scope.Kind?) -> Bool { kind == .manager || kind == .line }

    /// Whether a group's own name is someone's (a team named after its lead, say).
    private func named(_ scope: Scope) -> Bool { scope != .org && namesSomeone(scope.name) }

    /// A section without its manager rows, points and tables; nil when nothing is left.
    private func filter(_ section: ReportSection) -> ReportSection? {
        var section = section
        func hasData(_ blocks: [ReportBlock]) -> Bool {
            blocks.contains { if case .text = $0 { return false } else { return true } }
        }
        let hadData = hasData(section.blocks)
        section.blocks = section.blocks.compactMap { block -> ReportBlock? in
            switch block {
            case .text(let text):
                return namesSomeone(text) ? .text("(A paragraph naming people is in HR's edition of this report.)") : block
            case .table(var table):
                if table.columns.contains(where: { $0.lowercased().hasPrefix("manager") }) { return nil }
                let before = table.rows.count
                table.rows = table.rows.filter { row in
                    !Self.isPersonal(row.ref?.scope.kind) && !row.ref.map { named($0.scope) }.isTrue
                        && !row.cells.contains(where: namesSomeone)
                }
                if let caption = table.caption, namesSomeone(caption) { table.caption = nil }
                return table.rows.isEmpty && before > 0 ? nil : .table(table)
            case .chart(var chart):
                for index in chart.series.indices {
                    chart.series[index].points = chart.series[index].points.filter { point in
                        !Self.isPersonal(point.ref?.scope.kind) && !namesSomeone(point.label)
                    }
                }
                return chart.series.allSatisfy(\.points.isEmpty) ? nil : .chart(chart)
            }
        }
        // A section whose every table and chart was about managers goes with them.
        if namesSomeone(section.title) { section.title = "Details" }
        return hadData && !hasData(section.blocks) ? nil : section
    }

    /// One finding per severity saying how many findings about individual managers' teams were
    /// raised, phrased about teams, naming no one.
    private func summaries(of findings: [Finding], source: String) -> [Finding] {
        let bySeverity = Dictionary(grouping: findings, by: \.severity)
        return FindingSeverity.allCases.compactMap { severity in
            guard let group = bySeverity[severity], !group.isEmpty else { return nil }
            let dimensions = Set(group.compactMap(\.dimension)).sorted().map(\.displayName)
            let count = group.count
            let teams = count == 1 ? "one manager's team" : "\(count) managers' teams"
            let subject = severity == .strength ? "stands out for the better" : "differs markedly from the organization"
            return Finding(
                id: "\(source).audience.manager-findings.\(severity.rawValue)", severity: severity, scope: .org,
                dimension: dimensions.count == 1 ? group.first?.dimension : nil,
                title: count == 1 ? "In one team, what its manager does \(subject)" : "In \(count) teams, what their managers do \(subject)",
                detail: "\(count) \(severity.rawValue) findings about \(teams)"
                    + (dimensions.isEmpty ? "" : " (\(dimensions.joined(separator: ", ")))")
                    + ". This edition names no one; HR's edition has the details.",
                recommendation: "HR follows up with the managers concerned.")
        }
    }
}

private extension Optional where Wrapped == Bool {
    var isTrue: Bool { self == true }
}
