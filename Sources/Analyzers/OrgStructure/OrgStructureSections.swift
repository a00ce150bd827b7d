import OrgHealthKit

/// The report section of the org-structure analyzer: spans by department and the
/// distribution of direct-report counts.
struct OrgStructureSections {
    let snapshot: OrgSnapshot
    let bounds: OrgStructureOptions
    let metrics: [Metric]

    func sections() -> [ReportSection] {
        // Only the organization's and departments' figures are shown: the index holds those
        // alone (at 10⁶ people an index of every figure took 390 MB for a moment).
        var byKey: [FigureKey: Double?] = [:]
        for metric in metrics where metric.scope.kind == .org || metric.scope.kind == .department {
            let key = FigureKey(id: metric.id, scope: metric.scope)
            if byKey[key] == nil { byKey[key] = metric.value }
        }
        func value(_ id: MetricID, _ scope: Scope) -> Double? { byKey[FigureKey(id: id.rawValue, scope: scope)] ?? nil }
        func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
        func number(_ value: Double?) -> String {
            guard let value else { return "—" }
            return value == value.rounded() ? String(Int(value)) : String(format1(value))
        }

        let scopes = [Scope.org] + snapshot.roster.departments.map(Scope.department)
        func label(_ scope: Scope) -> String { scope == .org ? "Whole organization" : scope.name }
        // Two tables, because their rows rest on different groups: people (headcount and
        // movement) and managers (spans); each row is withheld with the figure it rests on.
        let people = ReportTable(
            caption: "Headcount and movement by department",
            columns: ["Department", "Headcount", "Layers", "New hires", "Attrition"],
            rows: scopes.map { scope in
                ReportTable.Row(
                    [label(scope), number(value(OrgStructureMetric.headcount, scope)), number(value(OrgStructureMetric.layers, scope)),
                     percent(value(OrgStructureMetric.newHireRate, scope)), percent(value(OrgStructureMetric.attritionRate, scope))],
                    ref: DataReference(scope: scope, metric: OrgStructureMetric.headcount,
                                       also: [OrgStructureMetric.layers, OrgStructureMetric.newHireRate, OrgStructureMetric.attritionRate]))
            })
        let spans = ReportTable(
            caption: "Span of control by department",
            columns: ["Department", "Managers", "Median span", "Narrow (< \(bounds.narrowBelow))", "Wide (> \(bounds.wideAbove))"],
            rows: scopes.map { scope in
                ReportTable.Row(
                    [label(scope), number(Double(snapshot.managers(in: scope).count)), number(value(OrgStructureMetric.spanOfControl, scope)),
                     percent(value(OrgStructureMetric.narrowSpanRate, scope)), percent(value(OrgStructureMetric.wideSpanRate, scope))],
                    ref: DataReference(scope: scope, metric: OrgStructureMetric.spanOfControl,
                                       also: [OrgStructureMetric.narrowSpanRate, OrgStructureMetric.wideSpanRate]))
            })

        var bins: [Int: Int] = [:]
        let cap = bounds.wideAbove + 1
        for (_, reports) in snapshot.managers(in: .org) { bins[min(reports, cap), default: 0] += 1 }
        let points = (1...cap).map { size in
            ReportChart.Point(label: size == cap ? "\(cap)+" : String(size), value: Double(bins[size] ?? 0))
        }
        let chart = ReportChart(
            kind: .histogram, title: "Managers by number of direct reports", unit: .count,
            series: [ReportChart.Series(name: "Managers", points: points)])
        let managers = snapshot.managers(in: .org).count
        guard snapshot.roster.hasManagerInformation else {
            let text = "\(snapshot.employedCount) people are employed at the end of \(snapshot.period.label). "
                + "The roster names no managers (it has no manager column), so span of control, management layers and "
                + "direct-report figures are absent; map the manager column (columns.roster, roster.managerBy) to get them."
            return [ReportSection(title: "Structure and span of control", blocks: [.text(text), .table(people)])]
        }
        let text = "\(snapshot.employedCount) people are employed at the end of \(snapshot.period.label), "
            + "led by \(managers) managers. A healthy span is \(bounds.narrowBelow) to \(bounds.wideAbove) direct reports."
        return [ReportSection(title: "Structure and span of control", blocks: [.text(text), .table(people), .table(spans), .chart(chart)])]
    }

    /// A figure's metric id and scope.
    private struct FigureKey: Hashable {
        let id: String
        let scope: Scope
    }

    private func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
