import OrgHealthKit

/// Attrition per scope: leavers and regretted leavers in the period against the scope's
/// average headcount, and the health signals they give.
struct AttritionFigures {
    let roster: Roster
    let period: ReportingPeriod
    let settings: AttritionSettings
    /// Per scope (org, departments, teams, managers), in report order.
    let groups: [(scope: Scope, counts: Counts)]

    /// One scope's counts.
    struct Counts {
        /// People active in the period: the `n` of every rate.
        var people = 0
        var headcountAtStart = 0
        var headcountAtEnd = 0
        var leavers = 0
        var regretted = 0

        /// The mean of the headcounts at the period's first and last day.
        var averageHeadcount: Double { Double(headcountAtStart + headcountAtEnd) / 2 }
    }

    static let definitions = [
        MetricDefinition(id: "exits.leavers", definition: "People of the scope whose exit date in the exits log falls in the period."),
        MetricDefinition(
            id: "exits.regrettedRate",
            definition: "Regretted leavers in the period ÷ the mean of the scope's headcount on the period's first and last day."),
        MetricDefinition(
            id: "exits.regrettedAnnualized", definition: "exits.regrettedRate × 365 ÷ the number of days in the period.",
            signal: "leadership (weight 1) and wellbeing (weight 0.5): 100 × (1 − annualized rate ÷ zeroScoreAnnualRate), "
                + "floored at 0; zeroScoreAnnualRate defaults to 0.2"),
        MetricDefinition(id: "exits.regrettedShare", definition: "Regretted leavers ÷ all leavers in the period (n = leavers)."),
    ]

    init(roster: Roster, period: ReportingPeriod, exits: [ExitRecord], settings: AttritionSettings) {
        self.roster = roster
        self.period = period
        self.settings = settings
        var counts: [Scope: Counts] = [:]
        for person in roster.active(in: period) {
            for scope in roster.scopes(of: person) {
                counts[scope, default: Counts()].people += 1
                if person.isEmployed(on: period.start) { counts[scope, default: Counts()].headcountAtStart += 1 }
                if person.isEmployed(on: period.end) { counts[scope, default: Counts()].headcountAtEnd += 1 }
            }
        }
        for exit in exits {
            for scope in roster.scopes(of: exit.person) {
                counts[scope, default: Counts()].leavers += 1
                if exit.regretted { counts[scope, default: Counts()].regretted += 1 }
            }
        }
        groups = counts.filter { $0.value.averageHeadcount > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The regretted rate of a scope's counts, annualized.
    func annualized(_ counts: Counts) -> Double {
        Double(counts.regretted) / counts.averageHeadcount * 365 / Double(period.dayCount)
    }

    /// The 0–100 score of an annualized regretted rate.
    func score(_ annualRate: Double) -> Double { max(0, 100 * (1 - annualRate / settings.zeroScoreAnnualRate)) }

    func metrics() -> [Metric] {
        groups.flatMap { scope, counts -> [Metric] in
            let rate = Double(counts.regretted) / counts.averageHeadcount
            var metrics = [
                Metric(id: "exits.leavers", scope: scope, value: Double(counts.leavers), unit: .count, n: counts.people),
                Metric(id: "exits.regrettedRate", scope: scope, value: rate, unit: .ratio, n: counts.people, dimension: .leadership),
                Metric(id: "exits.regrettedAnnualized", scope: scope, value: annualized(counts), unit: .ratio, n: counts.people,
                       dimension: .leadership),
            ]
            if counts.leavers > 0 {
                metrics.append(Metric(
                    id: "exits.regrettedShare", scope: scope, value: Double(counts.regretted) / Double(counts.leavers),
                    unit: .ratio, n: counts.leavers))
            }
            return metrics
        }
    }

    func signals() -> [HealthSignal] {
        groups.flatMap { scope, counts -> [HealthSignal] in
            let value = score(annualized(counts))
            return [
                HealthSignal(dimension: .leadership, scope: scope, score: value, weight: 1, n: counts.people,
                             basis: "exits.regrettedAnnualized"),
                HealthSignal(dimension: .wellbeing, scope: scope, score: value, weight: 0.5, n: counts.people,
                             basis: "exits.regrettedAnnualized"),
            ]
        }
    }
}
