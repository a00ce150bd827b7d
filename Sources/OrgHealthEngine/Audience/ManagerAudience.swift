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

    /// The managers of a report — everyone employed at the period's end with at least one
    /// report, by employee id — and what their editions share, worked out once (issue 16:
    /// built per edition, the organization's members, the roster's identities and every text's
    /// search made 1,000 people's editions take 147 s). Editions may be made from it on
    /// several threads at once.
    public struct Plan: Sendable {
        /// One manager.
        public struct Manager: Sendable {
            /// The manager's employee id.
            public let id: String
            /// The manager's name, when the roster has one.
            public let name: String?
            /// The manager's department, when the roster has one.
            let department: String?
            /// The manager's team.
            let team: String?
            /// People in the line (direct and indirect reports employed at the period's end).
            public let lineSize: Int
        }

        /// The managers, by employee id.
        public let managers: [Manager]
        fileprivate let reportsOf: [String: [Person]]
        fileprivate let membersByTeam: [String: [Person]]
        fileprivate let mentions: MentionsMemo
        fileprivate let index: ScopeIndex
        /// Whether the culture survey gave figures but none for a line (``surveyGivesNoLines(_:)``).
        fileprivate let surveyGivesNoLines: Bool
    }

    /// The managers of a report and what their editions share.
    public func plan(for report: HealthReport) -> Plan {
        let employed = roster.employed(on: report.period.end)
        let employedIDs = Set(employed.map(\.id))
        var reportsOf: [String: [Person]] = [:]
        for person in employed { if let manager = person.managerID { reportsOf[manager, default: []].append(person) } }
        let managers = reportsOf.keys.filter(employedIDs.contains).sorted().map { managerID in
            let person = roster.person(id: managerID)
            return Plan.Manager(id: managerID, name: person?.name, department: person?.department, team: person?.team,
                                lineSize: Self.line(of: managerID, reportsOf: reportsOf).count)
        }
        return Plan(managers: managers, reportsOf: reportsOf, membersByTeam: Dictionary(grouping: employed, by: \.team),
                    mentions: MentionsMemo(PersonMentions(roster: roster)), index: ScopeIndex(report),
                    surveyGivesNoLines: Self.surveyGivesNoLines(report))
    }

    /// One edition (or reason) per manager with at least one report, by employee id.
    public func editions(of report: HealthReport) -> [Edition] {
        let plan = plan(for: report)
        return plan.managers.map { edition(of: report, for: $0, in: plan) }
    }

    /// One manager's edition, or why there is none.
    public func edition(of report: HealthReport, for manager: Plan.Manager, in plan: Plan) -> Edition {
        guard manager.lineSize >= minGroupSize else {
            return Edition(managerID: manager.id, name: manager.name, lineSize: manager.lineSize, report: nil,
                           reason: "line of \(manager.lineSize) people, under the minimum group size of \(minGroupSize)")
        }
        let line = Self.line(of: manager.id, reportsOf: plan.reportsOf)
        return Edition(managerID: manager.id, name: manager.name, lineSize: line.count,
                       report: edition(of: report, for: manager, line: line, plan: plan),
                       reason: nil)
    }

    /// Everyone below a manager, walking down (the roster reader repaired cycles; `seen` guards anyway).
    private static func line(of managerID: String, reportsOf: [String: [Person]]) -> [Person] {
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

    private func edition(of report: HealthReport, for manager: Plan.Manager, line: [Person], plan: Plan) -> HealthReport {
        let managerID = manager.id
        let lineIDs = Set(line.map(\.id))
        // Teams made up entirely of the line (and the manager): each is the team of someone in
        // the line or of the manager, so only those teams are looked at (issue 16: looking at
        // every team for every manager was a tenth of the editions' time at 10^5 people).
        var candidates = Set(line.map(\.team))
        if let team = manager.team { candidates.insert(team) }
        let teams = candidates.filter { team in
            plan.membersByTeam[team]?.allSatisfy { lineIDs.contains($0.id) || $0.id == managerID } ?? false
        }
        var allowed: Set<Scope> = [.org, .manager(managerID), .line(managerID)]
        for team in teams { allowed.insert(.team(team)) }
        if let department = manager.department { allowed.insert(.department(department)) }
        // Anyone but the manager: a name the manager shares with someone else counts.
        let mentions = plan.mentions
        var edition = ScopedEdition(allowed: allowed, index: plan.index) {
            mentions.people(mentionedIn: $0).contains { $0 != managerID }
        }.apply(to: report)
        edition.methodology.healthModel.append(
            "Audience: manager. This edition is for one manager: the organization, their department, their whole line of "
                + "\(line.count) people as one group (line:\(managerID), when it has indirect reports and the figures are "
                + "reportable), their direct reports "
                + "(\(report.scopes.first { $0.scope == .manager(managerID) }.map { "\($0.headcount) people" } ?? "when reportable")) "
                + "and the \(teams.count) teams made up entirely of their line. Figures about other "
                + "groups, and anything naming another person, are in HR's edition."
                + (plan.surveyGivesNoLines ? " " + Self.noSurveyLines : ""))
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
