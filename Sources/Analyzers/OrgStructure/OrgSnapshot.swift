import OrgHealthKit

/// The roster as it stands for one period: who is active, who manages whom, how deep the
/// chain is — everything the org-structure metrics are computed from.
struct OrgSnapshot {
    let roster: Roster
    let period: ReportingPeriod
    /// People employed on the period's last day.
    let employed: [Person]
    /// Active direct reports (employed at period end) by manager id.
    let reportCounts: [String: Int]
    /// Layer of each employed person (top = 1).
    let layers: [String: Int]

    init(roster: Roster, period: ReportingPeriod) {
        self.roster = roster
        self.period = period
        employed = roster.employed(on: period.end)
        var counts: [String: Int] = [:]
        for person in employed {
            if let manager = person.managerID { counts[manager, default: 0] += 1 }
        }
        reportCounts = counts
        var layers: [String: Int] = [:]
        layers.reserveCapacity(employed.count)
        for person in employed { layers[person.id] = roster.managementDepth(of: person) + 1 }
        self.layers = layers
        orgManagers = Self.managers(in: .org, roster: roster, period: period, reportCounts: counts)
    }

    /// The org's managers, asked for several times by the findings and sections.
    private let orgManagers: [(person: Person, reports: Int)]

    /// The org, every department and every team with someone active in the period.
    var groupScopes: [Scope] {
        var scopes: Set<Scope> = [.org]
        // A person's group scopes follow from their team: asked once per team, not per person.
        var teams: Set<String> = []
        for person in roster.people where person.isActive(in: period) && teams.insert(person.team).inserted {
            scopes.formUnion(roster.groupScopes(of: person))
        }
        return scopes.sorted()
    }

    /// Managers (employed, with ≥ 1 employed direct report) who belong to the scope.
    func managers(in scope: Scope) -> [(person: Person, reports: Int)] {
        scope == .org ? orgManagers : Self.managers(in: scope, roster: roster, period: period, reportCounts: reportCounts)
    }

    private static func managers(
        in scope: Scope, roster: Roster, period: ReportingPeriod, reportCounts: [String: Int]
    ) -> [(person: Person, reports: Int)] {
        var managers: [(person: Person, reports: Int)] = []
        roster.forEachMember(of: scope) { person in
            guard person.isEmployed(on: period.end), let reports = reportCounts[person.id] else { return }
            managers.append((person, reports))
        }
        return managers
    }

    /// The figures and the span-of-control signal of one group scope.
    func figures(for scope: Scope, bounds: OrgStructureOptions) -> (metrics: [Metric], signal: HealthSignal?) {
        // One pass over the scope's people, without copying them (issue 16).
        let recentStart = period.end.adding(days: -89)
        var headcount = 0, startCount = 0, newHireCount = 0, leavers = 0, deepest = 0
        roster.forEachMember(of: scope) { person in
            if person.isEmployed(on: period.end) {
                headcount += 1
                if let layer = layers[person.id], layer > deepest { deepest = layer }
                if let hired = person.hireDate, hired >= recentStart && hired <= period.end { newHireCount += 1 }
            }
            if person.isEmployed(on: period.start) { startCount += 1 }
            if let end = person.endDate, period.contains(end) { leavers += 1 }
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
        return reportCounts.keys.sorted().compactMap { id in
            guard let count = reportCounts[id], roster.person(id: id)?.isEmployed(on: period.end) ?? false else { return nil }
            return Metric(id: OrgStructureMetric.directReports, scope: .manager(id), value: Double(count), unit: .count, n: count)
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
