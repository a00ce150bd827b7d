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

    /// The reporting period, when known: reporting lines are checked for nesting over the
    /// people active in it as well as over everyone (see `LineSuppression`).
    public let period: ReportingPeriod?

    /// Creates a gate.
    public init(policy: PrivacyPolicy, roster: Roster, period: ReportingPeriod? = nil) {
        self.policy = policy
        self.roster = roster
        self.period = period
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

    /// What the gate withheld, when it gated a result in place.
    public struct Withheld: Sendable {
        /// Withheld values by reason.
        public var suppressedCounts: [SuppressionReason: Int] = [:]
        /// Scopes with at least one withheld value.
        public var suppressedScopes: Set<Scope> = []
        /// Findings dropped because they rested on withheld figures.
        public var droppedFindings = 0
    }

    /// Applies the rules to one analyzer's result.
    public func apply(to input: AnalyzerResult) -> Outcome {
        var result = input
        let withheld = apply(in: &result)
        return Outcome(
            result: result, suppressedCounts: withheld.suppressedCounts, suppressedScopes: withheld.suppressedScopes,
            droppedFindings: withheld.droppedFindings)
    }

    /// The signals' plan before any rule is applied: families numbered by dimension and basis
    /// (no text composed per signal), each signal's own reason, none inherited yet.
    private static func signalPlan(_ signals: [HealthSignal]) -> SuppressionPlan {
        struct SignalFamily: Hashable {
            let dimension: HealthDimension
            let basis: String?
        }
        var plan = SuppressionPlan(capacity: signals.count)
        var families: [SignalFamily: Int32] = [:]
        // Each scope's signals come in the same order, as metrics do (``FamilyOrder``).
        var order = FamilyOrder<SignalFamily>()
        var lastScope: Scope?
        // Read in place: a copy of each signal retained the strings in it (issue 16).
        signals.withUnsafeBufferPointer { signals in
            for index in signals.indices {
                let family = order.family(
                    of: SignalFamily(dimension: signals[index].dimension, basis: signals[index].basis),
                    startsScope: lastScope != signals[index].scope
                ) { key in
                    let family = families[key] ?? plan.number(of: "\(key.dimension.rawValue)|\(key.basis ?? "")")
                    families[key] = family
                    return family
                }
                if lastScope != signals[index].scope { lastScope = signals[index].scope }
                plan.add(family: family, scope: signals[index].scope, n: signals[index].n, reason: signals[index].suppressed)
            }
        }
        return plan
    }

    /// Applies the rules to one analyzer's result in place: values are withheld in the result
    /// itself, so a result the caller owns alone is not copied (issue 16: a copy of millions
    /// of metrics doubled the peak memory of the report).
    public func apply(in result: inout AnalyzerResult) -> Withheld {
        var counts: [SuppressionReason: Int] = [:]
        var scopes: Set<Scope> = []
        // The roster alone is captured: a closure over `self` copied the whole gate on every call.
        let roster = self.roster
        let parent: @Sendable (Scope) -> Scope? = { roster.parent(of: $0) }

        // The signals' plan is laid out on the other core while the metrics' plan is built and
        // resolved (issue 16): laying it out needs nothing from the metrics but the reasons
        // signals inherit from their basis metric, which are filled in once that plan is known.
        let policy = self.policy
        // The reporting lines' nestings, built on first use for this result alone, shared by
        // its metrics and signals, and freed with it: kept by the gate for later results, they
        // were 90 MB at 10^6 people beside the survey's figures, where the report peaks. A
        // survey has no line figures and never builds them.
        let lineStructures = LineStructures(roster: roster, period: period)
        // Built before the plans, not between them: building takes a few per-person arrays and
        // the reporting tree, which are freed once it is done, and what is kept is per manager.
        // Beside a plan of a million figures the two were the gate's peak (issue 16).
        if result.metrics.contains(where: { $0.scope.kind == .line }) || result.signals.contains(where: { $0.scope.kind == .line }) {
            _ = lineStructures.value
        }
        let metricPlan: SuppressionPlan, lineRules: LineSuppression?
        var signalPlan: SuppressionPlan
        do {
            let metrics = result.metrics, signals = result.signals
            ((metricPlan, lineRules), signalPlan) = Concurrently.both({
                var plan = SuppressionPlan(capacity: metrics.count)
                // Read in place: a copy of each metric retained the strings in it (issue 16).
                metrics.withUnsafeBufferPointer { metrics in
                    for index in metrics.indices {
                        plan.add(family: metrics[index].id, scope: metrics[index].scope, n: metrics[index].n,
                                 reason: metrics[index].suppressed)
                    }
                }
                plan.resolve(minGroupSize: policy.minGroupSize, parent: parent)
                // Reporting lines (`line:<id>`) are in no sibling set: their own rules, after the plan's.
                let lineRules = LineSuppression(lineStructures, plan: plan)
                if let lineRules { plan.withhold(lineRules.withheld(plan, minGroupSize: policy.minGroupSize)) }
                return (plan, lineRules)
            }, {
                Self.signalPlan(signals)
            })
        }
        // Keyed by the plan's numbers for metric id and scope (issue 16): no composed strings.
        metricPlan.forEachWithheld(counts: &counts, scopes: &scopes) { index, reason in
            result.metrics[index].value = nil
            result.metrics[index].suppressed = reason
        }
        func hidden(_ metric: String, _ scope: Scope) -> SuppressionReason? {
            metricPlan.lookUp(metric, scope) ?? nil
        }
        func visible(_ metric: String, _ scope: Scope) -> Bool {
            metricPlan.lookUp(metric, scope).map { $0 == nil } ?? false
        }

        do {
            // A signal derived from a withheld metric is withheld with it.
            var cursor = SuppressionPlan.Cursor()
            result.signals.withUnsafeBufferPointer { signals in
                for index in signals.indices where signals[index].suppressed == nil {
                    if let basis = signals[index].basis,
                       let inherited = metricPlan.lookUp(basis, signals[index].scope, cursor: &cursor) ?? nil {
                        signalPlan.withholdBeforeResolving(index, inherited)
                    }
                }
            }
            signalPlan.resolve(minGroupSize: policy.minGroupSize, parent: parent)
            if let signalLineRules = lineRules ?? LineSuppression(lineStructures, plan: signalPlan) {
                signalPlan.withhold(signalLineRules.withheld(signalPlan, minGroupSize: policy.minGroupSize))
            }
            signalPlan.forEachWithheld(counts: &counts, scopes: &scopes) { index, reason in
                result.signals[index].score = nil
                result.signals[index].suppressed = reason
            }
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
                // Moved out of the result while it changes, so its rows are changed in place, not copied.
                var block = ReportBlock.text("")
                swap(&block, &result.sections[sectionIndex].blocks[blockIndex])
                switch block {
                case .table(var table):
                    block = .text("")
                    for rowIndex in table.rows.indices {
                        guard let reason = hides(table.rows[rowIndex].ref) else { continue }
                        let cells = table.rows[rowIndex].cells
                        table.rows[rowIndex].cells = cells.isEmpty ? [] : [cells[0]] + Array(repeating: "suppressed", count: cells.count - 1)
                        table.rows[rowIndex].suppressed = reason
                    }
                    block = .table(table)
                case .chart(var chart):
                    block = .text("")
                    for seriesIndex in chart.series.indices {
                        for pointIndex in chart.series[seriesIndex].points.indices {
                            guard let reason = hides(chart.series[seriesIndex].points[pointIndex].ref) else { continue }
                            chart.series[seriesIndex].points[pointIndex].value = nil
                            chart.series[seriesIndex].points[pointIndex].suppressed = reason
                        }
                    }
                    block = .chart(chart)
                case .text:
                    break
                }
                swap(&block, &result.sections[sectionIndex].blocks[blockIndex])
            }
        }
        return Withheld(suppressedCounts: counts, suppressedScopes: scopes, droppedFindings: before - result.findings.count)
    }
}
