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
        for person in employed { layers[person.id] = roster.managementDepth(of: person) + 1 }
        self.layers = layers
    }

    /// The org, every department and every team with someone active in the period.
    var groupScopes: [Scope] {
        var scopes: Set<Scope> = [.org]
        for person in roster.active(in: period) { scopes.formUnion(roster.groupScopes(of: person)) }
        return scopes.sorted()
    }

    /// Managers (employed, with ≥ 1 employed direct report) who belong to the scope.
    func managers(in scope: Scope) -> [(person: Person, reports: Int)] {
        roster.members(of: scope).filter { $0.isEmployed(on: period.end) }.compactMap { person in
            reportCounts[person.id].map { (person, $0) }
        }
    }

    /// The figures and the span-of-control signal of one group scope.
    func figures(for scope: Scope, bounds: OrgStructureOptions) -> (metrics: [Metric], signal: HealthSignal?) {
        let members = roster.members(of: scope)
        let atEnd = members.filter { $0.isEmployed(on: period.end) }
        let atStart = members.filter { $0.isEmployed(on: period.start) }
        let headcount = atEnd.count
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
            let layers = atEnd.compactMap { self.layers[$0.id] }.max() ?? 0
            metrics.append(Metric(id: OrgStructureMetric.layers, scope: scope, value: Double(layers), unit: .count, n: headcount))
        }
        let recentStart = period.end.adding(days: -89)
        let newHires = atEnd.filter { person in person.hireDate.map { $0 >= recentStart && $0 <= period.end } ?? false }
        metrics.append(Metric(
            id: OrgStructureMetric.newHireRate, scope: scope, value: Double(newHires.count) / Double(headcount), unit: .ratio,
            n: headcount))
        let leavers = members.filter { person in person.endDate.map(period.contains) ?? false }.count
        let averageHeadcount = Double(atStart.count + atEnd.count) / 2
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
