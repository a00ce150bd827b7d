import OrgHealthKit

/// The analyzer's report section: what was read, the distribution of cadences, coverage by
/// team and by manager. Rows and points are tied to the metric they show, so the privacy gate
/// blanks them together; tables are ordered by name, never by a value that may be withheld.
struct OneOnOneSections {
    let figures: OneOnOneFigures
    let ledger: NoteLedger
    let roster: Roster
    let period: ReportingPeriod
    let settings: OneOnOneOptions
    let minGroupSize: Int

    /// Cadence bins: upper bound in days (inclusive) and label.
    static let cadenceBins: [(upTo: Double, label: String)] = [
        (7, "1–7"), (14, "8–14"), (21, "15–21"), (30, "22–30"), (45, "31–45"), (60, "46–60"), (.infinity, "over 60"),
    ]

    func sections() -> [ReportSection] {
        var blocks: [ReportBlock] = [.text(summary())]
        if let chart = cadenceChart() { blocks.append(.chart(chart)) }
        blocks.append(.table(teamTable()))
        if let managers = managerTable() { blocks.append(.table(managers)) }
        return [ReportSection(title: "One-on-one coverage and cadence", blocks: blocks)]
    }

    private func summary() -> String {
        var text = "Read \(ledger.filesRead) note files with \(ledger.meetingsInPeriod) meeting records dated in \(period.label)."
        if ledger.meetingsOutsidePeriod > 0 {
            text += " \(ledger.meetingsOutsidePeriod) records dated outside the period were ignored."
        }
        if ledger.filesSkipped > 0 || ledger.meetingsSkipped > 0 {
            text += " \(ledger.filesSkipped) files and \(ledger.meetingsSkipped) meetings were skipped; see the data-quality notes."
        }
        text += " Expected pairs are every person active in the period who has a manager, with that manager;"
        text += " a long gap is more than \(settings.maxGapDays) days without a held meeting, and the expected cadence is \(settings.expectedCadenceDays) days."
        text += " Note text and action-item text are never shown."
        return text
    }

    private func cadenceChart() -> ReportChart? {
        guard let org = figures.tallies[.org], !org.cadences.isEmpty else { return nil }
        var counts = Array(repeating: 0, count: Self.cadenceBins.count)
        for cadence in org.cadences {
            let bin = Self.cadenceBins.firstIndex { cadence <= $0.upTo } ?? Self.cadenceBins.count - 1
            counts[bin] += 1
        }
        let reference = DataReference(scope: .org, metric: OneOnOneMetric.cadenceDays, n: org.cadences.count)
        let points = zip(Self.cadenceBins, counts).map { bin, count in
            ReportChart.Point(label: bin.label, value: Double(count), ref: reference)
        }
        return ReportChart(
            kind: .histogram, title: "Pairs by median days between held one-on-ones (pairs with two or more)",
            unit: .count, series: [ReportChart.Series(name: "Pairs", points: points)])
    }

    private func teamTable() -> ReportTable {
        let teams = figures.tallies.keys.compactMap { scope -> String? in
            if case .team(let name) = scope { return name } else { return nil }
        }
        let rows = teams.sorted { (roster.department(ofTeam: $0) ?? "", $0) < (roster.department(ofTeam: $1) ?? "", $1) }
            .compactMap { team -> ReportTable.Row? in
                let scope = Scope.team(team)
                guard let tally = figures.tallies[scope], tally.pairs > 0 else { return nil }
                let careerIndex = figures.topicNames.firstIndex(of: "career")
                return ReportTable.Row(
                    [team, roster.department(ofTeam: team) ?? "—", String(tally.pairs),
                     percent(tally.covered, tally.pairs), decimal(Double(tally.held) / Double(tally.pairs)),
                     percent(tally.longGaps, tally.pairs), careerIndex.map { percent(tally.topicPairs[$0], tally.pairs) } ?? "—"],
                    ref: DataReference(
                        scope: scope, metric: OneOnOneMetric.coverage,
                        also: [OneOnOneMetric.meetingsPerPair, OneOnOneMetric.longGapRate] + (careerIndex == nil ? [] : [OneOnOneMetric.careerTopic]),
                        n: tally.pairs))
            }
        return ReportTable(
            caption: "One-on-one coverage by team, \(period.label)",
            columns: ["Team", "Department", "People with a manager", "Coverage", "Held meetings per person",
                      "Gap over \(settings.maxGapDays) days", "Career discussed"],
            rows: rows)
    }

    private func managerTable() -> ReportTable? {
        let rows = figures.tallies.compactMap { scope, tally -> (String, ReportTable.Row)? in
            guard case .manager(let id) = scope, tally.pairs >= minGroupSize else { return nil }
            let label = OneOnOneFindings.label(id, roster)
            return (label, ReportTable.Row(
                [label, roster.person(id: id)?.team ?? "—", String(tally.pairs), percent(tally.covered, tally.pairs),
                 percent(tally.longGaps, tally.pairs)],
                ref: DataReference(scope: scope, metric: OneOnOneMetric.coverage, also: [OneOnOneMetric.longGapRate], n: tally.pairs)))
        }.sorted { $0.0 < $1.0 }.map(\.1)
        guard !rows.isEmpty else { return nil }
        return ReportTable(
            caption: "One-on-one coverage by manager (managers with at least \(minGroupSize) direct reports), \(period.label)",
            columns: ["Manager", "Manager's team", "Direct reports", "Coverage", "Gap over \(settings.maxGapDays) days"],
            rows: rows)
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        whole > 0 ? "\(Int((Double(part) / Double(whole) * 100).rounded()))%" : "—"
    }

    private func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
