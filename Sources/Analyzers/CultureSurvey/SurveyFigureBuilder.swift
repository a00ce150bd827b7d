import OrgHealthKit

/// A team whose favorability on a dimension trails the organization's.
struct TeamGap: Sendable {
    let team: Int
    let dimension: Int
    let favorability: Double
    let organization: Double
    let n: Int
    var gap: Double { organization - favorability }
}

/// Turns the rolled-up counts into metrics (with the n each rests on) and health signals for
/// the organization, every department and every team with responses. Nothing is withheld
/// here: the engine's privacy gate does that from the n.
struct SurveyFigureBuilder {
    let plan: SurveyPlan
    let ids: SurveyMetricIDs
    let directory: TeamDirectory
    /// Whether comment counts are reported at all (not under `comments: exclude`).
    let reportsComments: Bool
    /// Whether item and theme metrics are given per team.
    let teamDetail: Bool
    /// Teams with fewer respondents than this are not candidates for gap findings.
    let minGroupSize: Int
    /// The smallest dimension gap that makes a team a finding candidate.
    let gapThreshold: Double

    private(set) var metrics: [Metric] = []
    private(set) var signals: [HealthSignal] = []
    /// Teams trailing the organization, the largest gap first.
    private(set) var teamGaps: [TeamGap] = []

    init(plan: SurveyPlan, directory: TeamDirectory, reportsComments: Bool, teamDetail: Bool, minGroupSize: Int,
         gapThreshold: Double) {
        self.plan = plan
        ids = SurveyMetricIDs(plan: plan)
        self.directory = directory
        self.reportsComments = reportsComments
        self.teamDetail = teamDetail
        self.minGroupSize = minGroupSize
        self.gapThreshold = gapThreshold
    }

    /// Adds the figures of every scope, and the organization's α and drivers.
    mutating func build(rollup: SurveyRollup, tally: SurveyTally) {
        let scopes = 1 + rollup.departments.count + rollup.teamSlots.count
        // Room for every figure at once: the organization and departments always carry item
        // detail, teams only with `teamDetail`. (An estimate a little short doubles the array
        // at the end: at 10⁶ people that was 312 MB where 170 MB are used.)
        let perTeam = teamDetail ? perScope : 5 + plan.dimensions.count
        metrics.reserveCapacity((1 + rollup.departments.count) * perScope + rollup.teamSlots.count * perTeam + 2 * plan.items.count)
        signals.reserveCapacity(scopes * (plan.dimensions.count + 2))
        add(.org, rollup.org, headcount: directory.orgHeadcount, detail: true)
        addReliabilityAndDrivers(tally)
        for (department, counts) in rollup.departments.enumerated() {
            guard let counts else { continue }
            add(.department(directory.departments[department]), counts, headcount: directory.departmentHeadcount[department],
                detail: true)
        }
        let orgFavorability = plan.dimensionItems.map { rollup.org.pooled($0).favorability }
        var counts = ScopeCounts(plan: plan)
        for (team, slot) in rollup.teamSlots {
            counts.load(tally, slot: slot)
            add(directory.scope(ofTeam: team), counts, headcount: directory.teamHeadcount[team], detail: teamDetail)
            noteGap(team: team, counts, organization: orgFavorability)
        }
        teamGaps.sort { ($0.gap, directory.teams[$1.team]) > ($1.gap, directory.teams[$0.team]) }
    }

    /// Adds the figures of every attribute value (config `cuts:`) that has responses: responses,
    /// item and dimension favorability, engagement and eNPS, with participation only when
    /// `headcount` gives it (every response was cut). Comment counts stay out: the attribute
    /// counters hold none. The gate withholds small values and a second one per attribute.
    mutating func addAttributes(tally: SurveyTally, attributes: SurveyAttributes, headcount: (Scope) -> Int) {
        metrics.reserveCapacity(metrics.count + attributes.scopes.count * perScope)
        var counts = ScopeCounts(plan: plan)
        for (index, scope) in attributes.scopes.enumerated() {
            counts.loadAttribute(tally, index: index)
            add(scope, counts, headcount: headcount(scope), detail: true)
        }
    }

    private mutating func add(_ scope: Scope, _ counts: ScopeCounts, headcount: Int, detail: Bool) {
        let responses = counts.responses
        guard responses > 0 else { return }
        metric(CultureSurveyMetric.responses, scope, Double(responses), .count, n: responses)
        if headcount > 0 {
            metric(CultureSurveyMetric.participation, scope, Double(responses) / Double(headcount), .ratio, n: responses)
        }
        if detail {
            for item in plan.items.indices {
                let split = counts.pooled([item])
                guard let favorability = split.favorability, let unfavorability = split.unfavorability,
                      let mean = counts.itemMean(item) else { continue }
                let dimension = itemHealthDimension(item)
                metric(ids.itemFavorability[item], scope, favorability, .ratio, n: split.valid, dimension: dimension)
                metric(ids.itemUnfavorability[item], scope, unfavorability, .ratio, n: split.valid, dimension: dimension)
                metric(ids.itemMean[item], scope, mean, .rating, n: split.valid, dimension: dimension)
            }
        }
        for (dimension, members) in plan.dimensionItems.enumerated() {
            guard let favorability = counts.pooled(members).favorability else { continue }
            let n = counts.dimensionRespondents(dimension)
            let feeds = plan.dimensionFeedsSignal[dimension]
            let health = feeds ? HealthDimension(plan.dimensions[dimension]) : nil
            metric(ids.dimension[dimension], scope, favorability, .ratio, n: n, dimension: health)
            if let health {
                signals.append(HealthSignal(dimension: health, scope: scope, score: favorability * 100, n: n,
                                            basis: ids.dimension[dimension]))
            }
        }
        if let engagement = counts.pooled(plan.outcomeItems).favorability {
            let n = counts.engagementRespondents
            metric(CultureSurveyMetric.engagement, scope, engagement, .ratio, n: n, dimension: .leadership)
            signals.append(HealthSignal(dimension: .leadership, scope: scope, score: engagement * 100, n: n,
                                        basis: CultureSurveyMetric.engagement))
        }
        if let enps = counts.enpsScore {
            let groups = counts.enps
            let n = groups.promoters + groups.passives + groups.detractors
            metric(CultureSurveyMetric.enps, scope, enps, .score, n: n, dimension: .leadership)
            signals.append(HealthSignal(dimension: .leadership, scope: scope, score: (enps + 100) / 2, n: n,
                                        basis: CultureSurveyMetric.enps))
        }
        if reportsComments, counts.commenters > 0 {
            let n = counts.commenters
            metric(CultureSurveyMetric.comments, scope, Double(n), .count, n: n)
            if detail {
                for theme in plan.themes.indices {
                    metric(ids.theme[theme], scope, Double(counts.themeCount(theme)), .count, n: n)
                }
            }
        }
    }

    /// Cronbach's α per dimension (≥ 2 items, ≥ 10 complete respondents) and each non-outcome
    /// item's correlation with the engagement score — organization scope only.
    private mutating func addReliabilityAndDrivers(_ tally: SurveyTally) {
        for (dimension, accumulator) in tally.reliability.enumerated() where accumulator.width >= 2 && accumulator.count >= 10 {
            guard let alpha = accumulator.cronbachAlpha else { continue }
            metric(ids.alpha[dimension], .org, alpha, .correlation, n: accumulator.count,
                   dimension: plan.dimensionFeedsSignal[dimension] ? HealthDimension(plan.dimensions[dimension]) : nil)
        }
        for (item, accumulator) in tally.drivers.enumerated() where !plan.isOutcome[item] {
            guard let correlation = accumulator.correlation else { continue }
            metric(ids.driver[item], .org, correlation, .correlation, n: accumulator.count, dimension: itemHealthDimension(item))
        }
    }

    /// Records the team's largest shortfall against the organization, when it is big enough
    /// and rests on enough respondents.
    private mutating func noteGap(team: Int, _ counts: ScopeCounts, organization: [Double?]) {
        var worst: TeamGap?
        for (dimension, members) in plan.dimensionItems.enumerated() where plan.dimensionFeedsSignal[dimension] {
            let n = counts.dimensionRespondents(dimension)
            guard n >= minGroupSize, let favorability = counts.pooled(members).favorability,
                  let org = organization[dimension] else { continue }
            let gap = TeamGap(team: team, dimension: dimension, favorability: favorability, organization: org, n: n)
            if gap.gap >= gapThreshold, gap.gap > (worst?.gap ?? -1) { worst = gap }
        }
        if let worst { teamGaps.append(worst) }
    }

    /// The most figures one scope with item detail has: responses, participation, comments,
    /// engagement, eNPS, each dimension and theme, and three per item.
    private var perScope: Int { 5 + plan.dimensions.count + plan.themes.count + 3 * plan.items.count }

    private func itemHealthDimension(_ item: Int) -> HealthDimension? {
        guard let dimension = plan.itemDimension[item], plan.dimensionFeedsSignal[dimension], !plan.isOutcome[item] else {
            return nil
        }
        return HealthDimension(plan.dimensions[dimension])
    }

    private mutating func metric(
        _ id: MetricID, _ scope: Scope, _ value: Double, _ unit: MetricUnit, n: Int, dimension: HealthDimension? = nil
    ) {
        metrics.append(Metric(id: id, scope: scope, value: value, unit: unit, n: n, dimension: dimension))
    }
}
