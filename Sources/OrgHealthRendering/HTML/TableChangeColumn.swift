import OrgHealthKit

/// Adds a change column to an analyzer's table when its rows are tied to metrics that have a
/// change from the previous period (the survey's item table, for one). Generic: it reads only
/// each row's `ref` and the run's metrics, so it serves any analyzer's tables.
struct TableChangeColumn {
    /// The first metric of each (scope, id) that a row of the tables refers to.
    private let byKey: [Key: Metric]

    private struct Key: Hashable {
        let scope: Scope
        let id: String
    }

    /// Indexes, once per analyzer, only the metrics the rows of `tables` refer to: at 1,000,000
    /// people a run has millions of metrics and its tables a few hundred rows (issue 16).
    init(metrics: [Metric], tables: [ReportTable]) {
        var wanted = Set<Key>()
        for table in tables {
            for row in table.rows {
                if let ref = row.ref, let id = ref.metric, row.suppressed == nil { wanted.insert(Key(scope: ref.scope, id: id)) }
            }
        }
        var byKey: [Key: Metric] = [:]
        if !wanted.isEmpty {
            // An analyzer gives a scope's figures one after another: whether a scope is wanted at
            // all is asked once per run of figures, and only its figures are hashed as keys.
            let scopes = Set(wanted.map(\.scope))
            var last: (scope: Scope, wanted: Bool)?
            // Read in place: a copy of each metric retained the strings in it.
            metrics.withUnsafeBufferPointer { metrics in
                for index in metrics.indices {
                    if last?.scope != metrics[index].scope { last = (metrics[index].scope, scopes.contains(metrics[index].scope)) }
                    guard last?.wanted == true else { continue }
                    let key = Key(scope: metrics[index].scope, id: metrics[index].id)
                    if wanted.contains(key), byKey[key] == nil { byKey[key] = metrics[index] }
                }
            }
        }
        self.byKey = byKey
    }

    func adding(to table: ReportTable) -> ReportTable {
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
