import OrgHealthKit

/// The report content of the review-cycle analyzer: the rating distribution (org and per
/// department), the calibration table of flagged managers, completion by relationship, and —
/// when the file has the columns — the 9-box and promotion recommendations.
///
/// Every row and point that shows a scope's figure is tied to its metric (`DataReference`),
/// so the privacy gate blanks it with the metric. A table row only holds figures that share
/// one `n` (e.g. the mean and the shares of the same ratings), so one reference covers it.
/// Texts quote the org's figures only when the org's group is large enough to be shown.
struct ReviewSections {
    let figures: ReviewFigures
    let options: ReviewCycleOptions
    let roster: Roster
    let period: ReportingPeriod

    func sections() -> [ReportSection] {
        var sections = [ratings(), calibration(), completion()]
        if let nineBox = nineBox() { sections.append(nineBox) }
        return sections
    }

    /// The org, then each department with data.
    private var summaryGroups: [GroupFigures] {
        figures.groups.filter { $0.scope.kind == .org || $0.scope.kind == .department }
    }

    private func name(_ scope: Scope) -> String { scope == .org ? "Organization" : scope.name }

    private func ratings() -> ReportSection {
        let scale = figures.scale
        let rated = summaryGroups.filter { $0.ratingMean != nil }
        let series = scale.points.enumerated().map { offset, point in
            ReportChart.Series(name: scale.displayName(of: point), points: rated.map { group in
                ReportChart.Point(
                    label: name(group.scope), value: group.ratingShares[offset].value,
                    ref: DataReference(scope: group.scope, metric: ReviewCycleMetric.ratingShare(point), n: group.ratingShares[offset].n))
            })
        }
        let chart = ReportChart(kind: .stackedBar, title: "Manager ratings by scale point", unit: .ratio, series: series)
        let rows = rated.compactMap { group -> ReportTable.Row? in
            guard let mean = group.ratingMean else { return nil }
            return ReportTable.Row(
                [name(group.scope), String(mean.n), ReviewFormat.decimal(mean.value, places: 2)]
                    + group.ratingShares.map { ReviewFormat.percent($0.value) },
                ref: DataReference(scope: group.scope, metric: ReviewCycleMetric.ratingMean, n: mean.n))
        }
        let table = ReportTable(
            caption: "Manager ratings by department",
            columns: ["Scope", "People rated", "Mean rating"] + scale.points.map { "Share \(scale.displayName(of: $0))" },
            rows: rows)
        var text = "Manager ratings of the review cycles due in \(period.label), on the \(scale.description) scale. "
        if rated.isEmpty {
            text += "No submitted manager review with a rating was found."
        } else {
            text += "Individual ratings never appear in this report; only group figures do."
        }
        return ReportSection(title: "Rating distribution", blocks: rated.isEmpty ? [.text(text)] : [.text(text), .chart(chart), .table(table)])
    }

    private func calibration() -> ReportSection {
        let rule = figures.leniencyRule
        let flagged = figures.managers.filter { $0.leniency?.flag != nil }
        var text = "A manager is a calibration candidate when they gave at least \(figures.minGroupSize) manager ratings "
            + "and their mean differs from the organization's by |z| ≥ \(ReviewFormat.decimal(options.leniencyZ, places: 2)), "
            + "where z = (manager mean − org mean) ÷ (org standard deviation ÷ √n), with the sample standard deviation "
            + "of all manager ratings in the organization."
        if (figures.org.ratingMean?.n ?? 0) >= figures.minGroupSize, let sd = rule.standardDeviation {
            text += " Organization: mean \(ReviewFormat.decimal(rule.mean, places: 2)), standard deviation "
                + "\(ReviewFormat.decimal(sd, places: 2))."
        }
        guard !flagged.isEmpty else {
            return ReportSection(
                title: "Rating calibration",
                blocks: [.text(text + " No manager's ratings differ significantly from the organization's.")])
        }
        let rows = flagged.compactMap { manager -> ReportTable.Row? in
            guard let given = manager.leniency, let flag = given.flag else { return nil }
            return ReportTable.Row(
                [label(manager.id), String(given.n), ReviewFormat.decimal(given.mean, places: 2),
                 ReviewFormat.signed(given.difference, places: 2), given.z.map { ReviewFormat.signed($0, places: 2) } ?? "—",
                 flag == .lenient ? "Lenient" : "Severe"],
                ref: DataReference(scope: .manager(manager.id), metric: ReviewCycleMetric.leniency, n: given.n))
        }
        let table = ReportTable(
            caption: "Managers whose ratings differ significantly from the organization's",
            columns: ["Manager", "Ratings (n)", "Mean given", "Difference from org", "z", "Leaning"], rows: rows)
        return ReportSection(title: "Rating calibration", blocks: [.text(text), .table(table)])
    }

    private func completion() -> ReportSection {
        let groups = summaryGroups.filter { $0.completion != nil }
        var series = [ReportChart.Series(name: "All", points: groups.compactMap { group in
            group.completion.map { figure in
                ReportChart.Point(
                    label: name(group.scope), value: figure.value,
                    ref: DataReference(scope: group.scope, metric: ReviewCycleMetric.completionRate, n: figure.n))
            }
        })]
        for relationship in ReviewRelationship.allCases {
            let points = groups.compactMap { group in
                group.completionByRelationship[relationship].map { figure in
                    ReportChart.Point(
                        label: name(group.scope), value: figure.value,
                        ref: DataReference(scope: group.scope, metric: ReviewCycleMetric.completionRate(relationship), n: figure.n))
                }
            }
            if !points.isEmpty { series.append(ReportChart.Series(name: relationship.displayName, points: points)) }
        }
        let text = "Completion is the share of review assignments submitted, declined ones aside; on time means "
            + "submitted on or before the due date (the due day itself counts as on time)."
        guard !groups.isEmpty else {
            return ReportSection(title: "Completion", blocks: [.text(text + " No review assignment is due in \(period.label).")])
        }
        let chart = ReportChart(kind: .bar, title: "Review completion by relationship", unit: .ratio, series: series)
        let onTime = ReportChart(kind: .bar, title: "Submitted on time", unit: .ratio, series: [
            ReportChart.Series(name: "On time", points: groups.compactMap { group in
                group.onTime.map { figure in
                    ReportChart.Point(
                        label: name(group.scope), value: figure.value,
                        ref: DataReference(scope: group.scope, metric: ReviewCycleMetric.onTimeRate, n: figure.n))
                }
            }),
        ])
        return ReportSection(title: "Completion", blocks: [.text(text), .chart(chart), .chart(onTime)])
    }

    private func nineBox() -> ReportSection? {
        let groups = summaryGroups.filter { !$0.nineBox.isEmpty }
        var blocks: [ReportBlock] = []
        if let org = groups.first(where: { $0.scope == .org }) {
            let rows = NineBoxBand.allCases.reversed().map { potential in
                ReportTable.Row(
                    ["\(potential.name.capitalized) potential"] + NineBoxBand.allCases.map { performance in
                        String(Int(org.nineBox[performance.rawValue * 3 + potential.rawValue].value))
                    },
                    ref: DataReference(
                        scope: .org, metric: ReviewCycleMetric.nineBox(performance: .low, potential: potential),
                        n: org.nineBox[0].n))
            }
            blocks.append(.table(ReportTable(
                caption: "9-box: people by potential and performance (organization)",
                columns: ["Potential", "Low performance", "Medium performance", "High performance"], rows: rows)))
        }
        let departments = groups.filter { $0.scope.kind == .department }
        if !departments.isEmpty {
            let cells = NineBoxBand.allCases.flatMap { performance in
                NineBoxBand.allCases.map { potential in (performance, potential) }
            }
            let rows = departments.map { group in
                ReportTable.Row(
                    [group.scope.name] + group.nineBox.map { String(Int($0.value)) },
                    ref: DataReference(
                        scope: group.scope, metric: ReviewCycleMetric.nineBox(performance: .low, potential: .low),
                        n: group.nineBox[0].n))
            }
            blocks.append(.table(ReportTable(
                caption: "9-box by department (performance / potential)",
                columns: ["Department"] + cells.map { "\($0.0.name) / \($0.1.name)" }, rows: rows)))
        }
        let promoted = summaryGroups.compactMap { group in
            group.promotionRate.map { figure in
                ReportChart.Point(
                    label: name(group.scope), value: figure.value,
                    ref: DataReference(scope: group.scope, metric: ReviewCycleMetric.promotionRate, n: figure.n))
            }
        }
        if !promoted.isEmpty {
            blocks.append(.chart(ReportChart(
                kind: .bar, title: "Recommended for promotion", unit: .ratio,
                series: [ReportChart.Series(name: "Recommended", points: promoted)])))
        }
        guard !blocks.isEmpty else { return nil }
        let text = "Performance is the band of the manager rating (the lowest third of the scale is low, the highest "
            + "third high); potential is as the manager gave it. Counts are of submitted manager reviews with both."
        return ReportSection(title: "Potential and promotion", blocks: [.text(text)] + blocks)
    }

    private func label(_ id: String) -> String {
        guard let name = roster.person(id: id)?.name, !name.isEmpty else { return id }
        return "\(name) (\(id))"
    }
}
