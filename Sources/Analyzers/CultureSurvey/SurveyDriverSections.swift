import OrgHealthKit

/// The organization-level statistics sections: the driver chart (each item's correlation with
/// engagement beside its favorability) and the reliability of each dimension (Cronbach's α).
struct SurveyDriverSections {
    let plan: SurveyPlan
    let ids: SurveyMetricIDs
    let tally: SurveyTally
    let rollup: SurveyRollup
    let options: CultureSurveyOptions

    func sections() -> [ReportSection] {
        var sections: [ReportSection] = []
        if let drivers = driverSection() { sections.append(drivers) }
        if let reliability = reliabilitySection() { sections.append(reliability) }
        return sections
    }

    private func driverSection() -> ReportSection? {
        let texts = plan.items.map(\.text)
        let useText = Set(texts).count == texts.count
        let drivers = plan.items.indices.compactMap { item -> (item: Int, r: Double, n: Int)? in
            guard !plan.isOutcome[item], let r = tally.drivers[item].correlation else { return nil }
            return (item, r, tally.drivers[item].count)
        }.sorted { ($0.r, $1.item) > ($1.r, $0.item) }
        guard !drivers.isEmpty else { return nil }
        var correlation = ReportChart.Series(name: "Correlation with engagement (r)", points: [])
        var favorable = ReportChart.Series(name: "Favorable (share of answers)", points: [])
        for driver in drivers {
            let label = useText ? plan.items[driver.item].text : plan.items[driver.item].id
            correlation.points.append(ReportChart.Point(
                label: label, value: driver.r, ref: DataReference(scope: .org, metric: ids.driver[driver.item], n: driver.n)))
            let split = rollup.org.pooled([driver.item])
            if let share = split.favorability {
                favorable.points.append(ReportChart.Point(
                    label: label, value: share,
                    ref: DataReference(scope: .org, metric: ids.itemFavorability[driver.item], n: split.valid)))
            }
        }
        let chart = ReportChart(kind: .bar, title: "Drivers of engagement: correlation (r) and favorability (% of answers)",
                                unit: .correlation, series: [correlation, favorable])
        let text = "Each item's Pearson correlation with the respondent's engagement score (the mean of the answered "
            + "outcome items), over respondents who answered both, beside the share who answer it favorably. Items with "
            + "a strong link to engagement and low favorability are where action most likely lifts engagement "
            + "(the \u{201C}focus here\u{201D} findings). Correlation is not causation: confirm with the teams."
        return ReportSection(title: "Drivers of engagement", blocks: [.text(text), .chart(chart)])
    }

    private func reliabilitySection() -> ReportSection? {
        var rows: [ReportTable.Row] = []
        for (dimension, members) in plan.dimensionItems.enumerated() {
            let name = SurveyAdvice.name(plan.dimensions[dimension])
            let accumulator = tally.reliability[dimension]
            guard members.count >= 2, accumulator.count >= 10, let alpha = accumulator.cronbachAlpha else {
                rows.append(ReportTable.Row([name, String(members.count), "—", "—",
                                             "not computed (needs 2 or more items and 10 or more complete respondents)"]))
                continue
            }
            let reading = alpha < options.unreliableAlpha ? "unreliable (below \(SurveyAdvice.decimal(options.unreliableAlpha)))"
                : alpha < 0.7 ? "acceptable" : "reliable"
            rows.append(ReportTable.Row(
                [name, String(members.count), SurveyAdvice.decimal(alpha), String(accumulator.count), reading],
                ref: DataReference(scope: .org, metric: ids.alpha[dimension], n: accumulator.count)))
        }
        guard !rows.isEmpty else { return nil }
        let table = ReportTable(
            caption: "Cronbach's α per dimension, over respondents who answered every item of the dimension",
            columns: ["Dimension", "Items", "α", "Complete respondents", "Reading"], rows: rows)
        return ReportSection(title: "Measurement reliability", blocks: [.table(table)])
    }
}
