import CultureSurveyAnalyzer
import OneOnOneAnalyzer
import OrgHealthKit
import ReviewCycleAnalyzer

/// One condition on a visible metric: its id and the test its value must pass. The id is an
/// analyzer's typed constant, so renaming a metric a rule reads is a compile error.
struct MetricCondition: Sendable {
    let metric: MetricID
    /// The test, given the scope's value and the organization's (when visible).
    let test: @Sendable (Double, Double?) -> Bool
    /// How the condition reads in a finding, given the value ("1:1 coverage is 40%").
    let describe: @Sendable (Double) -> String
}

/// A pattern only a combined report can see: two sources saying the same thing about the
/// same team or manager.
struct CrossSourceRule: Sendable {
    let id: String
    let scopeKinds: Set<Scope.Kind>
    let first: MetricCondition
    let second: MetricCondition
    let dimension: HealthDimension
    let severity: FindingSeverity
    let title: @Sendable (String) -> String
    let recommendation: String

    /// The finding for a scope where both conditions hold on visible values; `value` gives a
    /// metric's visible value for the scope, `org` the organization's; the scope's name is
    /// asked for only when the finding is made.
    func finding(scope: Scope, scopeName: @autoclosure () -> String, value: (MetricID) -> Double?, org: (MetricID) -> Double?) -> Finding? {
        guard scopeKinds.contains(scope.kind),
              let a = value(first.metric), let b = value(second.metric),
              first.test(a, org(first.metric)), second.test(b, org(second.metric)) else { return nil }
        return Finding(
            id: "cross-source.\(id).\(scope.id)", severity: severity, scope: scope, dimension: dimension,
            title: title(scopeName()),
            detail: "Two independent sources agree: \(first.describe(a)), and \(second.describe(b)).",
            recommendation: recommendation, evidence: [first.metric, second.metric])
    }
}

/// Finds the places where two analyzers agree, from the gated (visible) metrics only.
public struct CrossSourceFindings: Sendable {
    /// Creates the finder.
    public init() {}

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    static let rules: [CrossSourceRule] = [
        CrossSourceRule(
            id: "rare-one-on-ones-low-trust", scopeKinds: [.team, .department],
            first: MetricCondition(metric: OneOnOneMetric.coverage, test: { value, _ in value < 0.7 },
                                   describe: { "only \(percent($0)) of reports had a one-on-one this period" }),
            second: MetricCondition(metric: CultureSurveyMetric.dimensionFavorability(.trust),
                                    test: { value, org in value < min(0.6, (org ?? 1) - 0.1) },
                                    describe: { "trust & safety favorability in the survey is \(percent($0))" }),
            dimension: .trust, severity: .critical,
            title: { "Trust is low where one-on-ones are rare: \($0)" },
            recommendation: "Restore a regular one-on-one cadence in this group first, and have the manager's manager "
                + "hold skip-level conversations this quarter; re-check trust in the next survey."),
        CrossSourceRule(
            id: "long-gaps-low-wellbeing", scopeKinds: [.team],
            first: MetricCondition(metric: OneOnOneMetric.longGapRate, test: { value, _ in value >= 0.5 },
                                   describe: { "\(percent($0)) of reports went more than a month without a one-on-one" }),
            second: MetricCondition(metric: CultureSurveyMetric.dimensionFavorability(.wellbeing),
                                    test: { value, org in value < min(0.6, (org ?? 1) - 0.15) },
                                    describe: { "well-being & workload favorability is \(percent($0))" }),
            dimension: .wellbeing, severity: .critical,
            title: { "Long gaps between one-on-ones and strained well-being: \($0)" },
            recommendation: "Check workload in this group now; a weekly or biweekly one-on-one is where overload "
                + "surfaces early."),
        CrossSourceRule(
            id: "lenient-ratings-low-upward", scopeKinds: [.manager],
            first: MetricCondition(metric: ReviewCycleMetric.leniency, test: { value, _ in value >= 0.5 },
                                   describe: { "this manager rates \(String(format1($0))) points above the organization" }),
            second: MetricCondition(metric: ReviewCycleMetric.upwardScore, test: { value, _ in value < 3.0 },
                                    describe: { "their reports rate them \(String(format1($0))) in upward reviews" }),
            dimension: .leadership, severity: .warning,
            title: { "Generous ratings, low upward scores: \($0)" },
            recommendation: "Bring this manager's ratings to calibration and pair them with a coach: generous ratings "
                + "are not buying their team's confidence."),
        CrossSourceRule(
            id: "incomplete-reviews-rare-one-on-ones", scopeKinds: [.manager, .team],
            first: MetricCondition(metric: ReviewCycleMetric.completionRate, test: { value, _ in value < 0.8 },
                                   describe: { "only \(percent($0)) of review assignments were completed" }),
            second: MetricCondition(metric: OneOnOneMetric.coverage, test: { value, _ in value < 0.7 },
                                    describe: { "only \(percent($0)) of reports had a one-on-one" }),
            dimension: .execution, severity: .warning,
            title: { "Management routines are slipping: \($0)" },
            recommendation: "Agree a minimum management rhythm with this manager (biweekly one-on-ones, reviews on "
                + "time) and follow up monthly."),
    ]

    /// The metric ids the rules read, in a fixed order: a value's slot is its index here.
    static let ruleMetrics: [String] = {
        var ids: [String] = []
        for rule in rules {
            for id in [rule.first.metric.rawValue, rule.second.metric.rawValue] where !ids.contains(id) { ids.append(id) }
        }
        return ids
    }()

    /// The cross-source findings for the visible metrics of all runs, in scope order.
    ///
    /// Only the metrics the rules read are kept (issue 16: the whole report's figures were
    /// copied into a table by scope and id), one slot per rule metric and scope.
    public func findings(runs: [AnalyzerRun], scopeNames: [Scope: String]) -> [Finding] {
        findings(runs: runs) { scopeNames[$0] }
    }

    /// ``findings(runs:scopeNames:)`` with each scope's display name asked for when a finding
    /// names it (`nil`: the scope's own name).
    func findings(runs: [AnalyzerRun], scopeName: (Scope) -> String?) -> [Finding] {
        // A rule can fire only where both its metrics are: the metrics of rules whose other
        // metric no run has are not gathered (10^6 people with a survey but no one-on-ones:
        // 100,000 teams' favorability kept for nothing, 25 MB at the report's peak).
        let slotByID = Dictionary(Self.ruleMetrics.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var present = [Bool](repeating: false, count: Self.ruleMetrics.count)
        for run in runs where run.status == .ok {
            Self.forEachRuleSlot(of: run.result.metrics, slotByID) { slot, _ in present[slot] = true }
        }
        var wanted = [Bool](repeating: false, count: Self.ruleMetrics.count)
        for rule in Self.rules {
            guard let first = slotByID[rule.first.metric.rawValue], let second = slotByID[rule.second.metric.rawValue],
                  present[first], present[second] else { continue }
            wanted[first] = true
            wanted[second] = true
        }
        guard wanted.contains(true) else { return [] }
        var values: [Scope: [Double?]] = [:]
        for run in runs where run.status == .ok {
            Self.forEachRuleSlot(of: run.result.metrics, slotByID) { slot, metric in
                guard wanted[slot], let value = metric.value else { return }
                values[metric.scope, default: Array(repeating: nil, count: Self.ruleMetrics.count)][slot] = value
            }
        }
        func reader(_ slots: [Double?]?) -> (MetricID) -> Double? {
            { metric in slotByID[metric.rawValue].flatMap { slots?[$0] ?? nil } }
        }
        var findings: [Finding] = []
        let org = reader(values[.org])
        for scope in values.keys.sorted() {
            let value = reader(values[scope])
            for rule in Self.rules {
                if let finding = rule.finding(scope: scope, scopeName: scopeName(scope) ?? scope.name, value: value, org: org) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// Calls `body` with the rule slot (place in ``ruleMetrics``) of every metric a rule reads.
    /// A scope's metrics come in the same order as the last scope's, so each id is recalled
    /// at its place (``FamilyOrder``) rather than hashed: 2 million metrics at 10^6 people,
    /// whose hashing was most of the report's assembly on one core (issue 16).
    private static func forEachRuleSlot(of metrics: [Metric], _ slotByID: [String: Int], _ body: (Int, Metric) -> Void) {
        var order = FamilyOrder<String>()
        var lastScope: Scope?
        // Read in place: a copy of each metric retained the strings in it.
        metrics.withUnsafeBufferPointer { metrics in
            for index in metrics.indices {
                let startsScope = lastScope != metrics[index].scope
                if startsScope { lastScope = metrics[index].scope }
                let slot = order.family(of: metrics[index].id, startsScope: startsScope) { Int32(slotByID[$0] ?? -1) }
                if slot >= 0 { body(Int(slot), metrics[index]) }
            }
        }
    }
}

private func format1(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths < 0 ? "-" : "")\(abs(tenths) / 10).\(abs(tenths) % 10)"
}
