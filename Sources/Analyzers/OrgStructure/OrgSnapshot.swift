import OrgHealthKit

/// The roster as it stands for one period: who is active, who manages whom, how deep the
/// chain is — everything the org-structure metrics are computed from.
struct OrgSnapshot {
    let roster: Roster
    let period: ReportingPeriod
    /// How many people are employed on the period's last day.
    let employedCount: Int
    /// Employed direct reports (employed at period end) of each person, by roster position;
    /// read by position, with no table keyed by id (issue 16: a million people).
    let reportCounts: [Int32]

    init(roster: Roster, period: ReportingPeriod) {
        self.roster = roster
        self.period = period
        var counts = [Int32](repeating: 0, count: roster.count)
        var employed = 0
        for position in 0..<roster.count where roster.isEmployed(at: position, on: period.end) {
            employed += 1
            if let manager = roster.managerPosition(at: position) { counts[manager] += 1 }
        }
        employedCount = employed
        reportCounts = counts
        orgManagers = Self.managers(in: .org, roster: roster, period: period, reportCounts: counts)
    }

    /// The org's managers, asked for several times by the findings and sections.
    private let orgManagers: [(person: Person, reports: Int)]

    /// The employed people without any manager id (the top, and links the reader removed),
    /// the one with the most direct reports first.
    var employedWithoutManager: [Person] {
        var tops: [(position: Int, id: String)] = []
        for position in 0..<roster.count where roster.hasNoManager(at: position) && roster.isEmployed(at: position, on: period.end) {
            tops.append((position, roster.id(at: position)))
        }
        return tops.sorted { (reportCounts[$0.position], $1.id) > (reportCounts[$1.position], $0.id) }
            .map { roster.person(at: $0.position) }
    }

    /// The org, every department and every team with someone active in the period.
    /// Collected and sorted on every call.
    func groupScopes() -> [Scope] {
        var scopes: Set<Scope> = [.org]
        // A person's group scopes follow from their team: asked once per team, not per person.
        for team in roster.teams(where: { roster.isActive(at: $0, in: period) }) {
            scopes.formUnion(roster.groupScopes(ofTeam: team))
        }
        return scopes.sorted()
    }

    /// Managers (employed, with ≥ 1 employed direct report) who belong to the scope.
    func managers(in scope: Scope) -> [(person: Person, reports: Int)] {
        scope == .org ? orgManagers : Self.managers(in: scope, roster: roster, period: period, reportCounts: reportCounts)
    }

    private static func managers(
        in scope: Scope, roster: Roster, period: ReportingPeriod, reportCounts: [Int32]
    ) -> [(person: Person, reports: Int)] {
        var managers: [(person: Person, reports: Int)] = []
        roster.forEachPosition(of: scope) { position in
            guard reportCounts[position] > 0, roster.isEmployed(at: position, on: period.end) else { return }
            managers.append((roster.person(at: position), Int(reportCounts[position])))
        }
        return managers
    }

    /// The figures and the span-of-control signal of one group scope.
    func figures(for scope: Scope, bounds: OrgStructureOptions) -> (metrics: [Metric], signal: HealthSignal?) {
        // One pass over the scope's people, without copying them (issue 16).
        let recentStart = period.end.adding(days: -89)
        var headcount = 0, startCount = 0, newHireCount = 0, leavers = 0, deepest = 0
        roster.forEachPosition(of: scope) { position in
            if roster.isEmployed(at: position, on: period.end) {
                headcount += 1
                // The layer (top = 1) of an employed person.
                deepest = max(deepest, roster.managementDepth(at: position) + 1)
                if let hired = roster.hireDate(at: position), hired >= recentStart && hired <= period.end { newHireCount += 1 }
            }
            if roster.isEmployed(at: position, on: period.start) { startCount += 1 }
            if let end = roster.endDate(at: position), period.contains(end) { leavers += 1 }
        }
        var metrics = [Metric(id: OrgStructureMetric.headcount, scope: scope, value: Double(headcount), unit: .count, n: headcount)]
        guard headcount > 0 else { return (metrics, nil) }

        let managers = managers(in: scope)
        var signal: HealthSignal?
        // Without any manager column, spans and layers are unknown, not zero: left out.
        let linked = roster.hasManagerInformation
        if linked, !managers.isEmpty {
            let spans = managers.map(\.reports)
            let count = managers.count
            let narrow = Double(spans.filter(bounds.isNarrow).count) / Double(count)
            let wide = Double(spans.filter(bounds.isWide).count) / Double(count)
            metrics += [
                Metric(id: OrgStructureMetric.spanOfControl, scope: scope, value: Self.median(spans), unit: .count, n: count,
                       dimension: .execution),
                Metric(id: OrgStructureMetric.narrowSpanRate, scope: scope, value: narrow, unit: .ratio, n: count, dimension: .execution),
                Metric(id: OrgStructureMetric.wideSpanRate, scope: scope, value: wide, unit: .ratio, n: count, dimension: .execution),
            ]
            if scope.kind != .team {
                signal = HealthSignal(
                    dimension: .execution, scope: scope, score: 100 * (1 - narrow - wide), n: count,
                    basis: OrgStructureMetric.spanOfControl)
            }
        }
        if linked {
            metrics.append(Metric(id: OrgStructureMetric.layers, scope: scope, value: Double(deepest), unit: .count, n: headcount))
        }
        metrics.append(Metric(
            id: OrgStructureMetric.newHireRate, scope: scope, value: Double(newHireCount) / Double(headcount), unit: .ratio,
            n: headcount))
        let averageHeadcount = Double(startCount + headcount) / 2
        if averageHeadcount > 0 {
            metrics.append(Metric(
                id: OrgStructureMetric.attritionRate, scope: scope, value: Double(leavers) / averageHeadcount, unit: .ratio,
                n: Int(averageHeadcount.rounded()), dimension: .wellbeing))
        }
        return (metrics, signal)
    }

    /// `org.directReports` for every manager: how many active direct reports they have.
    func managerMetrics() -> [Metric] {
        guard roster.hasManagerInformation else { return [] }
        var managers: [(id: String, count: Int)] = []
        for position in 0..<roster.count where reportCounts[position] > 0 && roster.isEmployed(at: position, on: period.end) {
            managers.append((roster.id(at: position), Int(reportCounts[position])))
        }
        return managers.sorted { $0.id < $1.id }.map {
            Metric(id: OrgStructureMetric.directReports, scope: .manager($0.id), value: Double($0.count), unit: .count, n: $0.count)
        }
    }

    /// The median of whole numbers (the mean of the middle two for an even count).
    static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
