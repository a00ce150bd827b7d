import OrgHealthKit

/// Findings from the survey: teams and departments trailing the organization on a dimension,
/// the "focus here" drivers (strong link to engagement, low favorability), low participation,
/// and dimensions whose items do not hang together (α below the threshold).
struct SurveyFindings {
    let plan: SurveyPlan
    let ids: SurveyMetricIDs
    let directory: TeamDirectory
    let rollup: SurveyRollup
    let metrics: [Metric]
    let teamGaps: [TeamGap]
    let options: CultureSurveyOptions
    let minGroupSize: Int

    func findings() -> [Finding] {
        teamGapFindings() + departmentGapFindings() + driverFindings() + participationFindings() + reliabilityFindings()
    }

    private func teamGapFindings() -> [Finding] {
        var findings = teamGaps.prefix(options.maxTeamFindings).map { gap in
            let dimension = plan.dimensions[gap.dimension]
            let team = directory.teams[gap.team]
            return Finding(
                id: "culture-survey.team-gap.\(team)", severity: gap.gap >= 2 * options.dimensionGap ? .critical : .warning,
                scope: .team(team), dimension: HealthDimension(dimension),
                title: "\(SurveyAdvice.name(dimension)) is low in \(team)",
                detail: "\(SurveyAdvice.percent(gap.favorability)) of answers on \(SurveyAdvice.name(dimension)) are favorable, "
                    + "against \(SurveyAdvice.percent(gap.organization)) across the organization "
                    + "(\(Int((gap.gap * 100).rounded())) points lower; \(gap.n) respondents). It is the team's largest gap.",
                recommendation: SurveyAdvice.recommendation(for: dimension),
                evidence: [ids.dimension[gap.dimension]])
        }
        if teamGaps.count > options.maxTeamFindings {
            findings.append(Finding(
                id: "culture-survey.team-gaps", severity: .info, scope: .org,
                title: "\(teamGaps.count) teams trail the organization by \(Int((options.dimensionGap * 100).rounded())) points or more",
                detail: "Each of these teams (with at least \(minGroupSize) respondents) has a dimension at least "
                    + "\(Int((options.dimensionGap * 100).rounded())) points below the organization; the "
                    + "\(options.maxTeamFindings) largest gaps are listed as findings and in the survey section.",
                recommendation: "Give each department head the list for their teams, and follow up in the next survey.",
                evidence: [CultureSurveyMetric.responses]))
        }
        return findings
    }

    private func departmentGapFindings() -> [Finding] {
        let org = plan.dimensionItems.map { rollup.org.pooled($0).favorability }
        var gaps: [(department: Int, gap: TeamGap)] = []
        for (department, counts) in rollup.departments.enumerated() {
            guard let counts else { continue }
            var worst: TeamGap?
            for (dimension, members) in plan.dimensionItems.enumerated() where plan.dimensionFeedsSignal[dimension] {
                let n = counts.dimensionRespondents(dimension)
                guard n >= minGroupSize, let favorability = counts.pooled(members).favorability,
                      let organization = org[dimension] else { continue }
                let gap = TeamGap(team: -1, dimension: dimension, favorability: favorability, organization: organization, n: n)
                if gap.gap >= options.departmentGap, gap.gap > (worst?.gap ?? -1) { worst = gap }
            }
            if let worst { gaps.append((department, worst)) }
        }
        gaps.sort { $0.gap.gap > $1.gap.gap }
        return gaps.prefix(10).map { entry in
            let name = directory.departments[entry.department]
            let dimension = plan.dimensions[entry.gap.dimension]
            return Finding(
                id: "culture-survey.department-gap.\(name)", severity: .warning, scope: .department(name),
                dimension: HealthDimension(dimension),
                title: "\(SurveyAdvice.name(dimension)) is low across \(name)",
                detail: "\(SurveyAdvice.percent(entry.gap.favorability)) favorable against "
                    + "\(SurveyAdvice.percent(entry.gap.organization)) across the organization "
                    + "(\(entry.gap.n) respondents). A department-wide gap points to shared causes rather than one team.",
                recommendation: SurveyAdvice.recommendation(for: dimension),
                evidence: [ids.dimension[entry.gap.dimension]])
        }
    }

    /// The classic "focus here" quadrant: items whose link to engagement is at or above the
    /// median while their favorability is at or below the median; and the strongest driver
    /// that is already favourable, as a strength.
    private func driverFindings() -> [Finding] {
        let orgMetrics = Dictionary(metrics.lazy.filter { $0.scope == .org }.map { (MetricID(rawValue: $0.id), $0.value ?? 0) },
                                    uniquingKeysWith: { first, _ in first })
        let drivers = plan.items.indices.compactMap { item -> (item: Int, r: Double, favorability: Double)? in
            guard let r = orgMetrics[ids.driver[item]], let favorability = orgMetrics[ids.itemFavorability[item]] else { return nil }
            return (item, r, favorability)
        }
        guard drivers.count >= 3 else { return [] }
        let medianR = median(drivers.map(\.r))
        let medianFavorability = median(drivers.map(\.favorability))
        var findings: [Finding] = []
        let focus = drivers.filter { $0.r >= medianR && $0.favorability <= medianFavorability && $0.r > 0.2 }
            .sorted { $0.r > $1.r }.prefix(3)
        for entry in focus {
            let item = plan.items[entry.item]
            findings.append(Finding(
                id: "culture-survey.focus.\(item.id)", severity: .warning, scope: .org,
                dimension: item.dimension.map(HealthDimension.init(rawValue:)),
                title: "Focus here: \u{201C}\(item.text)\u{201D}",
                detail: "This item moves with engagement more than most (r = \(SurveyAdvice.decimal(entry.r)), median "
                    + "\(SurveyAdvice.decimal(medianR))) while only \(SurveyAdvice.percent(entry.favorability)) answer it "
                    + "favorably (median item \(SurveyAdvice.percent(medianFavorability))). Improving it is the most likely "
                    + "way to lift engagement.",
                recommendation: SurveyAdvice.recommendation(for: item.dimension ?? ""),
                evidence: [ids.driver[entry.item], ids.itemFavorability[entry.item]]))
        }
        if let strength = drivers.filter({ $0.r >= medianR && $0.favorability >= 0.7 }).max(by: { $0.r < $1.r }) {
            let item = plan.items[strength.item]
            findings.append(Finding(
                id: "culture-survey.strength.\(item.id)", severity: .strength, scope: .org,
                dimension: item.dimension.map(HealthDimension.init(rawValue:)),
                title: "Strength: \u{201C}\(item.text)\u{201D}",
                detail: "\(SurveyAdvice.percent(strength.favorability)) answer favorably, and the item moves with "
                    + "engagement (r = \(SurveyAdvice.decimal(strength.r))).",
                recommendation: "Keep what makes this work, and share how teams do it with those that score lower.",
                evidence: [ids.driver[strength.item], ids.itemFavorability[strength.item]]))
        }
        return findings
    }

    private func participationFindings() -> [Finding] {
        var findings: [Finding] = []
        let threshold = options.lowParticipation
        if directory.orgHeadcount > 0 {
            let rate = Double(rollup.org.responses) / Double(directory.orgHeadcount)
            if rate < threshold {
                findings.append(participationFinding(
                    id: "culture-survey.low-participation", scope: .org, rate: rate, responses: rollup.org.responses,
                    headcount: directory.orgHeadcount))
            }
        }
        var low: [(department: Int, rate: Double)] = []
        for (department, counts) in rollup.departments.enumerated() {
            guard let counts, counts.responses >= minGroupSize, directory.departmentHeadcount[department] > 0 else { continue }
            let rate = Double(counts.responses) / Double(directory.departmentHeadcount[department])
            if rate < threshold { low.append((department, rate)) }
        }
        for entry in low.sorted(by: { $0.rate < $1.rate }).prefix(10) {
            let name = directory.departments[entry.department]
            findings.append(participationFinding(
                id: "culture-survey.low-participation.\(name)", scope: .department(name), rate: entry.rate,
                responses: rollup.departments[entry.department]?.responses ?? 0,
                headcount: directory.departmentHeadcount[entry.department]))
        }
        return findings
    }

    private func participationFinding(id: String, scope: Scope, rate: Double, responses: Int, headcount: Int) -> Finding {
        Finding(
            id: id, severity: rate < options.lowParticipation / 2 ? .critical : .warning, scope: scope, dimension: .trust,
            title: "Low survey participation in \(scope == .org ? "the organization" : scope.name)",
            detail: "\(responses) responses from a headcount of \(headcount) (\(SurveyAdvice.percent(rate))), below "
                + "\(SurveyAdvice.percent(options.lowParticipation)). Low participation makes the results less "
                + "representative and can itself signal low trust that answers matter.",
            recommendation: "Share what changed since the last survey, have leaders invite participation personally, "
                + "and keep the survey open a few more days next time.",
            evidence: [CultureSurveyMetric.participation])
    }

    private func reliabilityFindings() -> [Finding] {
        metrics.filter { $0.scope == .org && CultureSurveyMetric.alphas.covers($0.id) }.compactMap { metric in
            guard let alpha = metric.value, alpha < options.unreliableAlpha,
                  let dimension = ids.alpha.firstIndex(of: MetricID(rawValue: metric.id)) else { return nil }
            let name = plan.dimensions[dimension]
            return Finding(
                id: "culture-survey.unreliable.\(name)", severity: .warning, scope: .org,
                dimension: plan.dimensionFeedsSignal[dimension] ? HealthDimension(name) : nil,
                title: "The survey measures \(SurveyAdvice.name(name)) unreliably",
                detail: "Cronbach's α for its \(plan.dimensionItems[dimension].count) items is \(SurveyAdvice.decimal(alpha)) "
                    + "(\(metric.n) complete respondents), below \(SurveyAdvice.decimal(options.unreliableAlpha)): the items "
                    + "do not measure one thing consistently, so read this dimension's score with care.",
                recommendation: "Review the items of this dimension: check for reverse-coded items not marked reverse: true, "
                    + "and reword or replace items that measure something else.",
                evidence: [metric.id])
        }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
