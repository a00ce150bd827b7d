import OrgHealthKit

/// Adds a change column to an analyzer's table when its rows are tied to metrics that have a
/// change from the previous period (the survey's item table, for one). Generic: it reads only
/// each row's `ref` and the run's metrics, so it serves any analyzer's tables.
struct TableChangeColumn {
    let metrics: [Metric]

    private struct Key: Hashable {
        let scope: Scope
        let id: String
    }

    func adding(to table: ReportTable) -> ReportTable {
        let byKey = Dictionary(metrics.map { (Key(scope: $0.scope, id: $0.id), $0) }, uniquingKeysWith: { first, _ in first })
        let rowMetrics: [Metric?] = table.rows.map { row in
            guard let ref = row.ref, let id = ref.metric, row.suppressed == nil else { return nil }
            return byKey[Key(scope: ref.scope, id: id)]
        }
        guard rowMetrics.contains(where: { $0?.trend != nil }) else { return table }
        var result = table
        result.columns.append(changeHeading(table, rowMetrics))
        for index in result.rows.indices {
            let metric = rowMetrics[index]
            result.rows[index].cells.append(metric.flatMap { metric in
                metric.trend.map { ChangeText.cell($0, unit: metric.unit, significant: metric.significant) }
            } ?? "—")
        }
        return result
    }

    /// "Change in <column>" naming the column that shows the metric (found by its displayed
    /// value in the first row that has one), else plain "Change".
    private func changeHeading(_ table: ReportTable, _ rowMetrics: [Metric?]) -> String {
        for (row, metric) in zip(table.rows, rowMetrics) {
            guard let metric, let value = metric.value else { continue }
            let shown = DisplayFormat.value(value, unit: metric.unit)
            if let column = row.cells.indices.dropFirst().first(where: { row.cells[$0] == shown }), column < table.columns.count {
                return "Change in \(table.columns[column])"
            }
            break
        }
        return "Change"
    }
}
