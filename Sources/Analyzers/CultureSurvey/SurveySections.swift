import OrgHealthKit

/// The survey's part of the report: favorability by dimension and item, engagement and eNPS,
/// participation, drivers, reliability, teams needing attention and comments. Every row and
/// point that shows a scope's figure is tied to that figure's metric, so the privacy gate
/// withholds it together with the metric. Large organizations are shown by department, with
/// only the teams that need attention listed.
struct SurveySections {
    let definition: SurveyDefinition
    let plan: SurveyPlan
    let ids: SurveyMetricIDs
    let directory: TeamDirectory
    let rollup: SurveyRollup
    let tally: SurveyTally
    let teamGaps: [TeamGap]
    let options: CultureSurveyOptions
    let privacy: PrivacyPolicy
    let overview: String

    /// The most departments drawn in one chart; beyond it, those with the lowest engagement.
    static let maxDepartmentsShown = 25

    func sections() -> [ReportSection] {
        var sections = [overviewSection(), favorabilitySection(), engagementSection()]
        sections += SurveyDriverSections(plan: plan, ids: ids, tally: tally, rollup: rollup, options: options).sections()
        sections.append(attentionSection())
        sections += SurveyCommentSections(
            plan: plan, ids: ids, directory: directory, rollup: rollup, tally: tally, privacy: privacy).sections()
        return sections
    }

    private func overviewSection() -> ReportSection {
        ReportSection(title: "Culture survey: \(definition.title)", blocks: [.text(overview)])
    }

    private func favorabilitySection() -> ReportSection {
        let org = rollup.org
        var dimensionRows: [(String, ScopeCounts.Split, DataReference)] = []
        for (dimension, members) in plan.dimensionItems.enumerated() {
            let split = org.pooled(members)
            guard split.valid > 0 else { continue }
            dimensionRows.append((SurveyAdvice.name(plan.dimensions[dimension]), split,
                                  DataReference(scope: .org, metric: ids.dimension[dimension], n: org.dimensionRespondents(dimension))))
        }
        let dimensionChart = stacked(
            title: "Favorable, neutral and unfavorable answers by dimension (whole organization)", rows: dimensionRows)

        let texts = plan.items.map(\.text)
        let useText = Set(texts).count == texts.count
        var itemRows: [(String, ScopeCounts.Split, DataReference)] = []
        var tableRows: [ReportTable.Row] = []
        for item in plan.items.indices {
            let split = org.pooled([item])
            guard split.valid > 0, let mean = org.itemMean(item) else { continue }
            let reference = DataReference(scope: .org, metric: ids.itemFavorability[item], n: split.valid)
            let definitionItem = plan.items[item]
            itemRows.append((useText ? definitionItem.text : definitionItem.id, split, reference))
            tableRows.append(ReportTable.Row(
                [definitionItem.id, definitionItem.text, definitionItem.dimension.map(SurveyAdvice.name) ?? "—",
                 percent(split.favorability), percent(split.neutrality), percent(split.unfavorability),
                 SurveyAdvice.decimal(mean), String(split.valid)]
                    + [definitionItem.reverse ? "yes" : "no"],
                ref: reference))
        }
        let itemChart = stacked(title: "Favorable, neutral and unfavorable answers by item (whole organization)", rows: itemRows)
        let table = ReportTable(
            caption: "Items: favorable ≥ \(plan.scale.favorableMin), unfavorable ≤ \(plan.scale.unfavorableMax) on the "
                + "\(plan.scale.min)–\(plan.scale.max) scale (reverse-coded items recoded first)",
            columns: ["Item", "Question", "Dimension", "% favorable", "% neutral", "% unfavorable", "Mean", "Answers", "Reverse-coded"],
            rows: tableRows)
        return ReportSection(title: "Favorability", blocks: [.chart(dimensionChart), .chart(itemChart), .table(table)])
    }

    private func engagementSection() -> ReportSection {
        let departments = shownDepartments()
        var blocks: [ReportBlock] = []
        if plan.hasENPS {
            var scopes: [(Scope, ScopeCounts)] = [(.org, rollup.org)]
            scopes += departments.compactMap { index in rollup.departments[index].map { (.department(directory.departments[index]), $0) } }
            var series = [ReportChart.Series(name: "Promoters (9–10)", points: []),
                          ReportChart.Series(name: "Passives (7–8)", points: []),
                          ReportChart.Series(name: "Detractors (0–6)", points: [])]
            for (scope, counts) in scopes {
                let (promoters, passives, detractors) = counts.enps
                let total = promoters + passives + detractors
                guard total > 0 else { continue }
                let reference = DataReference(scope: scope, metric: CultureSurveyMetric.enps, n: total)
                let label = scope == .org ? "Whole organization" : scope.name
                for (index, count) in [promoters, passives, detractors].enumerated() {
                    series[index].points.append(ReportChart.Point(label: label, value: Double(count) / Double(total), ref: reference))
                }
            }
            blocks.append(.text("eNPS = share of promoters (9–10) − share of detractors (0–6), from −100 to 100."))
            blocks.append(.chart(ReportChart(kind: .stackedBar, title: "eNPS breakdown", unit: .ratio, series: series)))
        }
        let engagementPoints = ([Optional<Int>.none] + departments.map(Optional.some)).compactMap { index -> ReportChart.Point? in
            let counts = index.map { rollup.departments[$0] } ?? rollup.org
            guard let counts, let value = counts.pooled(plan.outcomeItems).favorability else { return nil }
            let scope: Scope = index.map { .department(directory.departments[$0]) } ?? .org
            return ReportChart.Point(label: index == nil ? "Whole organization" : scope.name, value: value,
                                     ref: DataReference(scope: scope, metric: CultureSurveyMetric.engagement, n: counts.engagementRespondents))
        }
        if !engagementPoints.isEmpty {
            blocks.append(.chart(ReportChart(kind: .bar, title: "Engagement index (favorable answers to the outcome items)",
                                             unit: .ratio, series: [ReportChart.Series(name: "Engagement", points: engagementPoints)])))
        }
        let participation = ([Optional<Int>.none] + departments.map(Optional.some)).compactMap { index -> ReportChart.Point? in
            let counts = index.map { rollup.departments[$0] } ?? rollup.org
            let headcount = index.map { directory.departmentHeadcount[$0] } ?? directory.orgHeadcount
            guard let counts, headcount > 0 else { return nil }
            let scope: Scope = index.map { .department(directory.departments[$0]) } ?? .org
            return ReportChart.Point(label: index == nil ? "Whole organization" : scope.name,
                                     value: Double(counts.responses) / Double(headcount),
                                     ref: DataReference(scope: scope, metric: CultureSurveyMetric.participation, n: counts.responses))
        }
        if !participation.isEmpty {
            blocks.append(.chart(ReportChart(kind: .bar, title: "Participation (responses ÷ headcount)", unit: .ratio,
                                             series: [ReportChart.Series(name: "Participation", points: participation)])))
        }
        if directory.departments.count > Self.maxDepartmentsShown {
            blocks.append(.text("The \(Self.maxDepartmentsShown) departments with the lowest engagement are shown of "
                                + "\(directory.departments.count); the XML report carries every department and team."))
        }
        return ReportSection(title: "Engagement, eNPS and participation", blocks: blocks)
    }

    private func attentionSection() -> ReportSection {
        let gap = Int((options.dimensionGap * 100).rounded())
        let shown = teamGaps.prefix(options.maxTeamFindings)
        guard !shown.isEmpty else {
            return ReportSection(title: "Teams that need attention", blocks: [.text(
                "No team with at least \(privacy.minGroupSize) respondents trails the organization by \(gap) points or more on any dimension.")])
        }
        let rows = shown.map { entry in
            ReportTable.Row(
                [directory.teams[entry.team], directory.departmentOfTeam[entry.team].map { directory.departments[$0] } ?? "—",
                 SurveyAdvice.name(plan.dimensions[entry.dimension]), percent(entry.favorability), percent(entry.organization),
                 "−\(Int((entry.gap * 100).rounded()))", String(entry.n)],
                ref: DataReference(scope: directory.scope(ofTeam: entry.team), metric: ids.dimension[entry.dimension], n: entry.n))
        }
        let table = ReportTable(
            caption: "Teams whose favorability on a dimension is \(gap) points or more below the organization (largest gap per team)",
            columns: ["Team", "Department", "Dimension", "Team % favorable", "Organization % favorable", "Gap (points)", "Respondents"],
            rows: rows)
        var blocks: [ReportBlock] = [.table(table)]
        if teamGaps.count > shown.count {
            blocks.append(.text("\(teamGaps.count - shown.count) more teams trail by \(gap) points or more; the XML report carries every team."))
        }
        return ReportSection(title: "Teams that need attention", blocks: blocks)
    }

    /// Departments to draw: all when few, else those with the lowest engagement.
    private func shownDepartments() -> [Int] {
        let withResponses = directory.departments.indices.filter { rollup.departments[$0] != nil }
        guard withResponses.count > Self.maxDepartmentsShown else { return withResponses }
        let engagement = { (index: Int) -> Double in
            rollup.departments[index]?.pooled(plan.outcomeItems).favorability ?? 1
        }
        return Array(withResponses.sorted { (engagement($0), $0) < (engagement($1), $1) }.prefix(Self.maxDepartmentsShown))
            .sorted()
    }

    private func stacked(title: String, rows: [(String, ScopeCounts.Split, DataReference)]) -> ReportChart {
        var series = [ReportChart.Series(name: "Favorable", points: []), ReportChart.Series(name: "Neutral", points: []),
                      ReportChart.Series(name: "Unfavorable", points: [])]
        for (label, split, reference) in rows {
            guard let favorable = split.favorability, let neutral = split.neutrality, let unfavorable = split.unfavorability
            else { continue }
            for (index, value) in [favorable, neutral, unfavorable].enumerated() {
                series[index].points.append(ReportChart.Point(label: label, value: value, ref: reference))
            }
        }
        return ReportChart(kind: .stackedBar, title: title, unit: .ratio, series: series)
    }

    private func percent(_ value: Double?) -> String { value.map(SurveyAdvice.percent) ?? "—" }
}
