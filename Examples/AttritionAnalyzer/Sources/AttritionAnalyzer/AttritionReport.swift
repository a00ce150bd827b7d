import OrgHealthKit

/// The attrition analyzer's findings and report section. Every row and point is tied to its
/// metric and n, so the host's privacy gate withholds the small ones; no exit is ever shown
/// one by one.
struct AttritionReport {
    let figures: AttritionFigures
    let minGroupSize: Int
    let exits: [ExitRecord]

    /// The annualized regretted rate at which a team is flagged.
    static let warningAnnualRate = 0.25

    func findings() -> [Finding] {
        var findings: [Finding] = []
        for (scope, counts) in figures.groups where scope.kind == .team && counts.people >= minGroupSize {
            let annual = figures.annualized(counts)
            guard counts.regretted >= 2, annual >= Self.warningAnnualRate else { continue }
            findings.append(Finding(
                id: "exits.regretted.\(scope.name.lowercased().filter { $0.isLetter || $0.isNumber })", severity: .warning,
                scope: scope, dimension: .leadership, title: "High regretted attrition in \(scope.name)",
                detail: "\(counts.regretted) regretted leavers this period in a team of about \(Int(counts.averageHeadcount.rounded())): "
                    + "\(percent(annual)) a year at this pace.",
                recommendation: "Hold stay interviews in the team this month, and review its workload and its manager's support.",
                evidence: ["exits.regrettedAnnualized"]))
        }
        return findings
    }

    func sections() -> [ReportSection] {
        guard let org = figures.groups.first(where: { $0.scope == .org })?.counts else { return [] }
        let summary = "\(org.leavers) people left in the period, \(org.regretted) of them regretted: "
            + "\(percent(figures.annualized(org))) regretted attrition a year at this pace."
        var rows: [ReportTable.Row] = []
        var points: [ReportChart.Point] = []
        for (scope, counts) in figures.groups where scope.kind == .team {
            let reference = DataReference(scope: scope, metric: "exits.regrettedAnnualized", n: counts.people)
            let annual = figures.annualized(counts)
            rows.append(ReportTable.Row(
                [scope.name, "\(counts.people)", "\(counts.leavers)", "\(counts.regretted)", percent(annual)], ref: reference))
            points.append(ReportChart.Point(label: scope.name, value: annual, ref: reference))
        }
        var reasons: [String: (all: Int, regretted: Int)] = [:]
        for exit in exits {
            reasons[exit.reason, default: (0, 0)].all += 1
            if exit.regretted { reasons[exit.reason, default: (0, 0)].regretted += 1 }
        }
        let reasonRows = reasons.sorted { ($1.value.all, $0.key) < ($0.value.all, $1.key) }.map { reason, count in
            ReportTable.Row([reason, "\(count.all)", "\(count.regretted)"], ref: DataReference(scope: .org, n: count.all))
        }
        return [ReportSection(title: "Regretted attrition", blocks: [
            .text(summary),
            .table(ReportTable(
                caption: "Attrition by team", columns: ["Team", "People", "Leavers", "Regretted", "Regretted a year"], rows: rows)),
            .chart(ReportChart(
                kind: .bar, title: "Regretted attrition a year, by team", unit: .ratio,
                series: [ReportChart.Series(name: "Regretted a year", points: points)])),
            .table(ReportTable(caption: "Reasons for leaving", columns: ["Reason", "Leavers", "Regretted"], rows: reasonRows)),
        ])]
    }

    private func percent(_ ratio: Double) -> String { "\(Int((ratio * 100).rounded()))%" }
}
