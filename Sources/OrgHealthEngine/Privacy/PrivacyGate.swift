import OrgHealthKit

/// Applies the privacy rules centrally to every analyzer's result, built-in or external:
/// metrics and signals under the minimum group size are withheld, with secondary
/// suppression against subtraction; a signal derived from a withheld metric is withheld;
/// findings resting on withheld figures are dropped; table rows and chart points tied to a
/// withheld figure (or with a small n) lose their values.
public struct PrivacyGate: Sendable {
    /// The rules.
    public let policy: PrivacyPolicy
    /// The roster, for the parent of each scope.
    public let roster: Roster

    /// Creates a gate.
    public init(policy: PrivacyPolicy, roster: Roster) {
        self.policy = policy
        self.roster = roster
    }

    /// What the gate withheld from one result.
    public struct Outcome: Sendable {
        /// The result with values withheld.
        public var result: AnalyzerResult
        /// Withheld values by reason.
        public var suppressedCounts: [SuppressionReason: Int]
        /// Scopes with at least one withheld value.
        public var suppressedScopes: Set<Scope>
        /// Findings dropped because they rested on withheld figures.
        public var droppedFindings: Int
    }

    /// Applies the rules to one analyzer's result.
    public func apply(to input: AnalyzerResult) -> Outcome {
        var result = input
        var counts: [SuppressionReason: Int] = [:]
        var scopes: Set<Scope> = []
        let parent: (Scope) -> Scope? = { roster.parent(of: $0) }

        var metricPlan = SuppressionPlan(cells: result.metrics.map {
            .init(family: $0.id, scope: $0.scope, n: $0.n, reason: $0.suppressed)
        })
        metricPlan.resolve(minGroupSize: policy.minGroupSize, parent: parent)
        // Reporting lines (`line:<id>`) are in no sibling set: their own rules, after the plan's.
        let lineRules = LineSuppression(roster: roster, cells: metricPlan.cells)
        let lineMetrics = lineRules?.withheld(metricPlan.cells, minGroupSize: policy.minGroupSize) ?? [:]
        // Keyed by the plan's numbers for metric id and scope (issue 16): no composed strings.
        let keys = metricPlan.keys
        var hiddenMetrics: [FigureKeys.Key: SuppressionReason] = [:]
        var visibleMetrics: Set<FigureKeys.Key> = []
        visibleMetrics.reserveCapacity(metricPlan.cells.count)
        for (index, cell) in metricPlan.cells.enumerated() {
            let key = metricPlan.cellKeys[index]
            if let reason = cell.reason ?? lineMetrics[index] {
                result.metrics[index].value = nil
                result.metrics[index].suppressed = reason
                hiddenMetrics[key] = reason
                counts[reason, default: 0] += 1
                scopes.insert(cell.scope)
            } else {
                visibleMetrics.insert(key)
            }
        }
        func hidden(_ metric: String, _ scope: Scope) -> SuppressionReason? {
            guard !hiddenMetrics.isEmpty, let key = keys.existingKey(metric, scope) else { return nil }
            return hiddenMetrics[key]
        }
        func visible(_ metric: String, _ scope: Scope) -> Bool {
            guard let key = keys.existingKey(metric, scope) else { return false }
            return visibleMetrics.contains(key)
        }

        var signalPlan = SuppressionPlan(cells: result.signals.map { signal in
            let inherited = signal.basis.flatMap { hidden($0, signal.scope) }
            return .init(family: "\(signal.dimension.rawValue)|\(signal.basis ?? "")", scope: signal.scope, n: signal.n,
                         reason: signal.suppressed ?? inherited)
        })
        signalPlan.resolve(minGroupSize: policy.minGroupSize, parent: parent)
        let lineSignals = (lineRules ?? LineSuppression(roster: roster, cells: signalPlan.cells))?
            .withheld(signalPlan.cells, minGroupSize: policy.minGroupSize) ?? [:]
        for (index, cell) in signalPlan.cells.enumerated() {
            guard let reason = cell.reason ?? lineSignals[index] else { continue }
            result.signals[index].score = nil
            result.signals[index].suppressed = reason
            counts[reason, default: 0] += 1
            scopes.insert(cell.scope)
        }

        let before = result.findings.count
        result.findings = result.findings.filter { finding in
            if finding.evidence.contains(where: { hidden($0, finding.scope) != nil }) { return false }
            return finding.scope == .org || finding.evidence.contains(where: { visible($0, finding.scope) })
        }

        func hides(_ ref: DataReference?) -> SuppressionReason? {
            guard let ref else { return nil }
            for metric in ref.also ?? [] {
                if let reason = hidden(metric, ref.scope) { return reason }
            }
            if let metric = ref.metric {
                if let reason = hidden(metric, ref.scope) { return reason }
                if visible(metric, ref.scope) { return nil }
            }
            guard let n = ref.n else { return ref.metric == nil ? nil : .minGroupSize }
            return n < policy.minGroupSize ? .minGroupSize : nil
        }
        for sectionIndex in result.sections.indices {
            for blockIndex in result.sections[sectionIndex].blocks.indices {
                switch result.sections[sectionIndex].blocks[blockIndex] {
                case .table(var table):
                    for rowIndex in table.rows.indices {
                        guard let reason = hides(table.rows[rowIndex].ref) else { continue }
                        let cells = table.rows[rowIndex].cells
                        table.rows[rowIndex].cells = cells.isEmpty ? [] : [cells[0]] + Array(repeating: "suppressed", count: cells.count - 1)
                        table.rows[rowIndex].suppressed = reason
                    }
                    result.sections[sectionIndex].blocks[blockIndex] = .table(table)
                case .chart(var chart):
                    for seriesIndex in chart.series.indices {
                        for pointIndex in chart.series[seriesIndex].points.indices {
                            guard let reason = hides(chart.series[seriesIndex].points[pointIndex].ref) else { continue }
                            chart.series[seriesIndex].points[pointIndex].value = nil
                            chart.series[seriesIndex].points[pointIndex].suppressed = reason
                        }
                    }
                    result.sections[sectionIndex].blocks[blockIndex] = .chart(chart)
                case .text:
                    break
                }
            }
        }
        return Outcome(
            result: result, suppressedCounts: counts, suppressedScopes: scopes,
            droppedFindings: before - result.findings.count)
    }
}
