import OrgHealthKit

/// Findings a head of HR would act on: teams and managers with low coverage or long gaps,
/// high cancellation, low action-item follow-through, and reports who never discussed their
/// career. Each rests on a metric of its own scope, so the privacy gate drops it when that
/// figure is withheld. Findings whose figure rests on fewer than `minGroupSize` people are
/// not raised at all (the gate would drop them), and a manager's finding is left out when
/// their reports are exactly one team that already has it.
struct OneOnOneFindings {
    let figures: OneOnOneFigures
    let roster: Roster
    let period: ReportingPeriod
    let settings: OneOnOneOptions
    let minGroupSize: Int

    /// The thresholds, documented in docs/analyzers/one-on-ones.md.
    enum Threshold {
        static let coverageCritical = 0.5
        static let coverageWarning = 0.75
        static let longGapWarning = 0.5
        /// For a team or manager, the long-gap rate that raises a finding…
        static let longGapScopeWarning = 0.75
        /// …provided it is also this far above the organization's.
        static let longGapAboveOrg = 0.2
        static let cancellationWarning = 0.25
        static let completionWarning = 0.5
        static let careerWarning = 0.5
        static let cadenceFactor = 2.0
        static let strengthCoverage = 0.9
        static let strengthLongGap = 0.1
    }

    func findings() -> [Finding] {
        let teamOfManager = teamsSharedWithManagers()
        var findings: [Finding] = []
        for scope in figures.tallies.keys.sorted() where scope.kind != .department && scope.kind != .attribute {
            guard let tally = figures.tallies[scope], tally.pairs > 0 else { continue }
            // A manager whose reports are exactly one team: the team's findings say it already.
            if case .manager(let id) = scope, teamOfManager[id] != nil { continue }
            let gaps = longGaps(scope, tally)
            findings += coverage(scope, tally) + gaps + followThrough(scope, tally)
            if scope.kind != .manager {
                // Slow cadence and long gaps say the same thing; the long gaps weigh more.
                findings += cancellations(scope, tally) + career(scope, tally) + (gaps.isEmpty ? cadence(scope, tally) : [])
            }
        }
        if let org = figures.tallies[.org], org.pairs >= minGroupSize {
            let coverage = share(org.covered, org.pairs)
            let longGaps = share(org.longGaps, org.pairs)
            if coverage >= Threshold.strengthCoverage, longGaps <= Threshold.strengthLongGap {
                findings.append(Finding(
                    id: "one-on-ones.strength.org", severity: .strength, scope: .org, dimension: .execution,
                    title: "One-on-ones happen reliably across the organization",
                    detail: "\(percent(coverage)) of people with a manager had a held one-on-one in \(period.label), and only \(percent(longGaps)) went more than \(settings.maxGapDays) days without one.",
                    recommendation: "Keep the routine: share what these managers do (standing slots, shared notes) with new managers.",
                    evidence: [OneOnOneMetric.coverage, OneOnOneMetric.longGapRate]))
            }
        }
        return findings
    }

    private func coverage(_ scope: Scope, _ tally: ScopeTally) -> [Finding] {
        let value = share(tally.covered, tally.pairs)
        guard tally.pairs >= minGroupSize, value < Threshold.coverageWarning else { return [] }
        return [Finding(
            id: "one-on-ones.low-coverage.\(scope.id)", severity: value < Threshold.coverageCritical ? .critical : .warning,
            scope: scope, dimension: .execution,
            title: "Low one-on-one coverage \(place(scope))",
            detail: "\(tally.covered) of \(tally.pairs) people (\(percent(value))) had at least one held one-on-one with their manager in \(period.label).",
            recommendation: "Ask the manager\(scope.kind == .manager ? "" : "s") to book a recurring one-on-one with every direct report (about every \(settings.expectedCadenceDays) days), starting with those who had none this period, and check again in a month.",
            evidence: [OneOnOneMetric.coverage])]
    }

    private func longGaps(_ scope: Scope, _ tally: ScopeTally) -> [Finding] {
        let value = share(tally.longGaps, tally.pairs)
        let org = figures.tallies[.org].map { share($0.longGaps, $0.pairs) } ?? 0
        let bar = scope == .org ? Threshold.longGapWarning : max(Threshold.longGapScopeWarning, org + Threshold.longGapAboveOrg)
        guard tally.pairs >= minGroupSize, value >= bar else { return [] }
        return [Finding(
            id: "one-on-ones.long-gaps.\(scope.id)", severity: .warning, scope: scope, dimension: .execution,
            title: "Long gaps between one-on-ones \(place(scope))",
            detail: "\(tally.longGaps) of \(tally.pairs) people (\(percent(value))) went more than \(settings.maxGapDays) days without a held one-on-one in \(period.label).",
            recommendation: "Keep a standing slot at least every \(settings.maxGapDays) days; when a meeting is cancelled, move it within the same week instead of skipping to the next slot.",
            evidence: [OneOnOneMetric.longGapRate])]
    }

    private func followThrough(_ scope: Scope, _ tally: ScopeTally) -> [Finding] {
        guard tally.actionItems > 0, tally.pairsWithItems >= minGroupSize else { return [] }
        let value = share(tally.actionItemsDone, tally.actionItems)
        guard value < Threshold.completionWarning else { return [] }
        return [Finding(
            id: "one-on-ones.low-follow-through.\(scope.id)", severity: .warning, scope: scope, dimension: .trust,
            title: "Action items from one-on-ones are rarely closed \(place(scope))",
            detail: "\(tally.actionItemsDone) of \(tally.actionItems) action items (\(percent(value))) agreed in one-on-ones were checked off in \(period.label).",
            recommendation: "End each one-on-one by reviewing open action items together; re-plan or drop items that no longer matter, so commitments stay credible.",
            evidence: [OneOnOneMetric.actionItemCompletion])]
    }

    private func cancellations(_ scope: Scope, _ tally: ScopeTally) -> [Finding] {
        guard tally.recorded > 0, tally.pairsWithRecords >= minGroupSize else { return [] }
        let value = share(tally.missed, tally.recorded)
        guard value >= Threshold.cancellationWarning else { return [] }
        return [Finding(
            id: "one-on-ones.high-cancellation.\(scope.id)", severity: .warning, scope: scope, dimension: .execution,
            title: "Many one-on-ones cancelled or missed \(place(scope))",
            detail: "\(tally.missed) of \(tally.recorded) recorded one-on-ones (\(percent(value))) were cancelled or no-shows in \(period.label).",
            recommendation: "Review with the managers why meetings drop (conflicts, travel, no-shows) and protect the slot: move a one-on-one rather than cancel it.",
            evidence: [OneOnOneMetric.cancellationRate])]
    }

    private func career(_ scope: Scope, _ tally: ScopeTally) -> [Finding] {
        guard let index = figures.topicNames.firstIndex(of: "career"), tally.pairs >= minGroupSize else { return [] }
        let missing = tally.pairs - tally.topicPairs[index]
        let value = share(tally.topicPairs[index], tally.pairs)
        let severity: FindingSeverity
        if value < Threshold.careerWarning {
            severity = .warning
        } else if scope == .org, missing > 0 {
            severity = .info
        } else {
            return []
        }
        return [Finding(
            id: "one-on-ones.no-career-talk.\(scope.id)", severity: severity, scope: scope, dimension: .growth,
            title: "Reports who never discussed their career \(place(scope))",
            detail: "\(missing) of \(tally.pairs) people with a manager (\(percent(1 - value))) had no one-on-one touching their career in \(period.label).",
            recommendation: "Ask managers to hold a career conversation with each of these people before the next review cycle: aspirations, the next level, and one concrete development step.",
            evidence: [OneOnOneMetric.careerTopic])]
    }

    private func cadence(_ scope: Scope, _ tally: ScopeTally) -> [Finding] {
        guard scope.kind == .team, tally.cadences.count >= minGroupSize else { return [] }
        let value = PairFacts.median(tally.cadences)
        guard value > Double(settings.expectedCadenceDays) * Threshold.cadenceFactor else { return [] }
        return [Finding(
            id: "one-on-ones.slow-cadence.\(scope.id)", severity: .info, scope: scope, dimension: .execution,
            title: "One-on-ones less frequent than expected \(place(scope))",
            detail: "Pairs meet every \(number(value)) days (median) against an expected \(settings.expectedCadenceDays).",
            recommendation: "Agree on the expected cadence with the team's managers and put it in their calendars as a recurring meeting.",
            evidence: [OneOnOneMetric.cadenceDays])]
    }

    /// Managers whose team is just them and their direct reports: all reports in one team
    /// whose other expected pairs are at most the manager's own (when the manager is in it).
    private func teamsSharedWithManagers() -> [String: String] {
        var teams: [String: Set<String>] = [:]
        for person in roster.people where person.isActive(in: period) {
            guard let manager = person.managerID else { continue }
            teams[manager, default: []].insert(person.team)
        }
        var shared: [String: String] = [:]
        for (manager, names) in teams where names.count == 1 {
            guard let team = names.first, let teamPairs = figures.tallies[.team(team)]?.pairs,
                  let reportPairs = figures.tallies[.manager(manager)]?.pairs else { continue }
            let own = roster.person(id: manager).map { $0.team == team && $0.managerID != nil && $0.isActive(in: period) } ?? false
            if teamPairs - reportPairs <= (own ? 1 : 0) { shared[manager] = team }
        }
        return shared
    }

    private func place(_ scope: Scope) -> String {
        switch scope {
        case .org: return "across the organization"
        case .department(let name): return "in department \(name)"
        case .team(let name): return "in team \(name)"
        case .manager(let id): return "among the direct reports of \(OneOnOneFindings.label(id, roster))"
        case .line(let id): return "in the reporting line of \(OneOnOneFindings.label(id, roster))"

        case .attribute(let name, let value): return "among people with \(name) \(value)"
        }
    }

    /// "Name (id)" when the roster has a name, else the id.
    static func label(_ id: String, _ roster: Roster) -> String {
        guard let name = roster.person(id: id)?.name, !name.isEmpty else { return id }
        return "\(name) (\(id))"
    }

    private func share(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }
    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(Double(Int((value * 10).rounded())) / 10)
    }
}
