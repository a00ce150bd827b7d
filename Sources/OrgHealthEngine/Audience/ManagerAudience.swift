import OrgHealthKit

/// The `managers` audience: one edition of the already-gated report per manager whose line —
/// everyone below them, directly or not — has at least the minimum group size, holding only
/// figures about that line (the whole line as one group, `line:<id>`; their direct reports; the
/// teams made up entirely of their line), their department and the organization; no other
/// person named; no figure the gate withheld.
public struct ManagerAudience: Sendable {
    /// One manager's outcome: an edition, or why none.
    public struct Edition: Sendable {
        /// The manager's employee id.
        public let managerID: String
        /// The manager's name, when the roster has one.
        public let name: String?
        /// People in the line (direct and indirect reports employed at the period's end).
        public let lineSize: Int
        /// The edition, or nil when the line is under the minimum group size.
        public let report: HealthReport?
        /// Why there is no edition.
        public let reason: String?
    }

    /// The roster the lines are walked in.
    public let roster: Roster
    /// The smallest line that gets an edition.
    public let minGroupSize: Int

    /// Creates the audience.
    public init(roster: Roster, minGroupSize: Int) {
        self.roster = roster
        self.minGroupSize = minGroupSize
    }

    /// One edition (or reason) per manager with at least one report, by employee id.
    public func editions(of report: HealthReport) -> [Edition] {
        let employed = roster.employed(on: report.period.end)
        let employedIDs = Set(employed.map(\.id))
        var reportsOf: [String: [Person]] = [:]
        for person in employed { if let manager = person.managerID { reportsOf[manager, default: []].append(person) } }
        return reportsOf.keys.filter(employedIDs.contains).sorted().map { managerID in
            let line = self.line(of: managerID, reportsOf: reportsOf)
            let person = roster.person(id: managerID)
            guard line.count >= minGroupSize else {
                return Edition(managerID: managerID, name: person?.name, lineSize: line.count, report: nil,
                               reason: "line of \(line.count) people, under the minimum group size of \(minGroupSize)")
            }
            return Edition(managerID: managerID, name: person?.name, lineSize: line.count,
                           report: edition(of: report, for: managerID, line: line, department: person?.department),
                           reason: nil)
        }
    }

    /// Everyone below a manager, walking down (the roster reader repaired cycles; `seen` guards anyway).
    private func line(of managerID: String, reportsOf: [String: [Person]]) -> [Person] {
        var line: [Person] = []
        var seen: Set<String> = [managerID]
        var queue = reportsOf[managerID] ?? []
        while let next = queue.popLast() {
            guard seen.insert(next.id).inserted else { continue }
            line.append(next)
            queue += reportsOf[next.id] ?? []
        }
        return line
    }

    private func edition(of report: HealthReport, for managerID: String, line: [Person], department: String?) -> HealthReport {
        let lineIDs = Set(line.map(\.id))
        let employed = roster.employed(on: report.period.end)
        let membersByTeam = Dictionary(grouping: employed, by: \.team)
        // Teams made up entirely of the line (and the manager).
        let teams = membersByTeam.filter { _, members in
            members.allSatisfy { lineIDs.contains($0.id) || $0.id == managerID }
        }.keys
        var allowed: Set<Scope> = [.org, .manager(managerID), .line(managerID)]
        for team in teams { allowed.insert(.team(team)) }
        if let department { allowed.insert(.department(department)) }
        let others = PersonMentions(identities: Set(roster.people.filter { $0.id != managerID }.flatMap { person in
            [person.id] + [person.name, person.email].compactMap { $0 }
        }))
        var edition = ScopedEdition(allowed: allowed, mentions: others).apply(to: report)
        edition.methodology.healthModel.append(
            "Audience: manager. This edition is for one manager: the organization, their department, their whole line of "
                + "\(line.count) people as one group (line:\(managerID), when it has indirect reports and the figures are "
                + "reportable), their direct reports "
                + "(\(report.scopes.first { $0.scope == .manager(managerID) }.map { "\($0.headcount) people" } ?? "when reportable")) "
                + "and the \(teams.count) teams made up entirely of their line. Figures about other "
                + "groups, and anything naming another person, are in HR's edition."
                + (Self.surveyGivesNoLines(report) ? " " + Self.noSurveyLines : ""))
        return edition
    }

    /// Why a line has no culture-survey figures when the export names teams only.
    static let noSurveyLines = "The culture survey gives no figures for a line: its export names teams, not people, "
        + "and a team can span lines."

    /// Whether the culture survey gave figures but none for any line (responses did not name people).
    static func surveyGivesNoLines(_ report: HealthReport) -> Bool {
        guard let survey = report.analyzers.first(where: { $0.descriptor.id == "culture-survey" }),
              !survey.result.metrics.isEmpty else { return false }
        return !survey.result.metrics.contains { $0.scope.kind == .line }
    }
}

/// Keeps only the figures, findings, rows and points of some scopes, and withholds anything
/// that names someone in `mentions`.
struct ScopedEdition {
    let allowed: Set<Scope>
    let mentions: PersonMentions

    func apply(to report: HealthReport) -> HealthReport {
        var edition = report
        edition.scopes = report.scopes.filter { allowed.contains($0.scope) }
        edition.watchlist = report.watchlist.filter { allowed.contains($0.scope) }
        edition.crossSourceFindings = report.crossSourceFindings.filter(keep)
        edition.analyzers = report.analyzers.map { run in
            var run = run
            run.result.metrics = run.result.metrics.filter { allowed.contains($0.scope) }
            run.result.signals = run.result.signals.filter { allowed.contains($0.scope) }
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
            && ![finding.title, finding.detail, finding.recommendation].contains(where: mentions.mentionsSomeone)
    }

    private func filter(_ section: ReportSection) -> ReportSection? {
        var section = section
        let hadData = section.blocks.contains { if case .text = $0 { return false } else { return true } }
        section.blocks = section.blocks.compactMap { block -> ReportBlock? in
            switch block {
            case .text(let text):
                return mentions.mentionsSomeone(text) ? nil : block
            case .table(var table):
                table.rows = table.rows.filter { row in
                    row.ref.map { allowed.contains($0.scope) } ?? true && !row.cells.contains(where: mentions.mentionsSomeone)
                }
                if let caption = table.caption, mentions.mentionsSomeone(caption) { table.caption = nil }
                return table.rows.isEmpty ? nil : .table(table)
            case .chart(var chart):
                for index in chart.series.indices {
                    chart.series[index].points = chart.series[index].points.filter { point in
                        point.ref.map { allowed.contains($0.scope) } ?? true && !mentions.mentionsSomeone(point.label)
                    }
                }
                return chart.series.allSatisfy(\.points.isEmpty) ? nil : .chart(chart)
            }
        }
        let hasData = section.blocks.contains { if case .text = $0 { return false } else { return true } }
        if mentions.mentionsSomeone(section.title) { return nil }
        return hadData && !hasData ? nil : section
    }
}
