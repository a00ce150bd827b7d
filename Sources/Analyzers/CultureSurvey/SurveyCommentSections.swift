import OrgHealthKit

/// Comments, under the privacy rules: theme counts (gated like any figure by the number of
/// commenters), and verbatim text only under `comments: include`, only for groups with at
/// least `minCommentGroupSize` commenters. Verbatim text is kept exactly as written — it is
/// data, and every renderer escapes it.
struct SurveyCommentSections {
    let plan: SurveyPlan
    let ids: SurveyMetricIDs
    let directory: TeamDirectory
    let rollup: SurveyRollup
    let tally: SurveyTally
    let privacy: PrivacyPolicy

    /// The most verbatim comments listed in the report.
    static let maxVerbatims = 2_000

    func sections() -> [ReportSection] {
        guard privacy.comments != .exclude else { return [] }
        let org = rollup.org
        guard org.commenters > 0 else { return [] }
        var blocks: [ReportBlock] = []
        let points = plan.themes.indices.map { theme in
            ReportChart.Point(label: plan.themes[theme], value: Double(org.themeCount(theme)),
                              ref: DataReference(scope: .org, metric: ids.theme[theme], n: org.commenters))
        }.sorted { ($0.value ?? 0, $1.label) > ($1.value ?? 0, $0.label) }
        blocks.append(.text("Comments are sorted into themes by keywords; one comment can touch several themes. "
                            + (privacy.comments == .include
                                ? "Verbatim comments are shown only for groups with at least \(privacy.minCommentGroupSize) commenters."
                                : "Comments are never shown verbatim under the current privacy settings.")))
        blocks.append(.chart(ReportChart(kind: .bar, title: "Comments by theme (whole organization)", unit: .count,
                                         series: [ReportChart.Series(name: "Comments", points: points)])))
        var sections = [ReportSection(title: "Comment themes", blocks: blocks)]
        if privacy.comments == .include, let verbatims = verbatimSection() { sections.append(verbatims) }
        return sections
    }

    /// Verbatim comments, grouped so that every group shown has enough commenters: a
    /// department's teams each on their own when every one of them qualifies, otherwise the
    /// department's comments together (in alphabetical order, so the order says nothing about
    /// who wrote them), otherwise nothing. Never a mix of both in one department, which
    /// would let a small team's comments be told apart by elimination.
    private func verbatimSection() -> ReportSection? {
        var byDepartment: [Int: [(team: Int, slot: Int, commenters: Int)]] = [:]
        var counts = ScopeCounts(plan: plan)
        for (team, slot) in rollup.teamSlots where slot < tally.verbatims.count && !tally.verbatims[slot].isEmpty {
            counts.load(tally, slot: slot)
            guard let department = directory.departmentOfTeam[team] else { continue }
            byDepartment[department, default: []].append((team, slot, counts.commenters))
        }
        var rows: [ReportTable.Row] = []
        var left = 0
        func add(_ label: String, _ comments: [String], _ reference: DataReference) {
            for comment in comments {
                guard rows.count < Self.maxVerbatims else { left += 1; continue }
                rows.append(ReportTable.Row([label, comment], ref: reference))
            }
        }
        for department in byDepartment.keys.sorted() {
            guard let teams = byDepartment[department] else { continue }
            if teams.allSatisfy({ $0.commenters >= privacy.minCommentGroupSize }) {
                for entry in teams {
                    add(directory.teams[entry.team], tally.verbatims[entry.slot],
                        DataReference(scope: directory.scope(ofTeam: entry.team), metric: CultureSurveyMetric.comments,
                                      n: entry.commenters))
                }
            } else if let commenters = rollup.departments[department]?.commenters, commenters >= privacy.minCommentGroupSize {
                let name = directory.departments[department]
                add(name, teams.flatMap { tally.verbatims[$0.slot] }.sorted(),
                    DataReference(scope: .department(name), metric: CultureSurveyMetric.comments, n: commenters))
            }
        }
        guard !rows.isEmpty else { return nil }
        var blocks: [ReportBlock] = [.table(ReportTable(
            caption: "Verbatim comments of groups with at least \(privacy.minCommentGroupSize) commenters: by team where "
                + "every team of the department has that many, otherwise by department",
            columns: ["Group", "Comment"], rows: rows))]
        if left > 0 { blocks.append(.text("\(left) more comments are not listed.")) }
        return ReportSection(title: "Comments", blocks: blocks)
    }
}
