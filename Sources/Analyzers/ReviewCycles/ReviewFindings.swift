import OrgHealthKit

/// The findings of a review cycle: calibration candidates, teams with low completion or many
/// late reviews, large self–manager gaps, and managers with low upward scores (only where
/// the score may be shown). Each rests on the metric it quotes, at its own scope.
struct ReviewFindings {
    let figures: ReviewFigures
    let options: ReviewCycleOptions
    let roster: Roster

    func findings() -> [Finding] {
        calibration() + groupFindings() + upward()
    }

    private func calibration() -> [Finding] {
        let rule = figures.leniencyRule
        return figures.managers.compactMap { manager -> Finding? in
            guard let given = manager.leniency, let flag = given.flag, let z = given.z else { return nil }
            let lenient = flag == .lenient
            // With many managers some pass |z| ≥ 2 by chance; the clearer cases come first.
            let severity: FindingSeverity = abs(z) >= 1.5 * options.leniencyZ ? .warning : .info
            return Finding(
                id: "review-cycles.\(lenient ? "lenient" : "severe")-ratings.\(manager.id)", severity: severity,
                scope: .manager(manager.id), dimension: .feedback,
                title: "\(label(manager.id)) rates \(lenient ? "more leniently" : "more severely") than the organization",
                detail: "\(given.n) manager ratings with a mean of \(ReviewFormat.decimal(given.mean, places: 2)) against "
                    + "the organization's \(ReviewFormat.decimal(rule.mean, places: 2)) "
                    + "(difference \(ReviewFormat.signed(given.difference, places: 2)), z = \(ReviewFormat.signed(z, places: 2))). "
                    + "A manager is flagged with at least \(figures.minGroupSize) ratings and |z| ≥ "
                    + "\(ReviewFormat.decimal(options.leniencyZ, places: 2)).",
                recommendation: "Take these ratings to the calibration session: compare them with the evidence and with "
                    + "ratings of similar work elsewhere before they become final, and agree on what each point of the "
                    + "scale means.",
                evidence: [ReviewCycleMetric.leniency])
        }
    }

    private func groupFindings() -> [Finding] {
        var findings: [Finding] = []
        // Only groups large enough to be shown: the privacy gate would drop the others anyway.
        let shown = { (figure: Figure?) -> Figure? in
            guard let figure, figure.n >= figures.minGroupSize else { return nil }
            return figure
        }
        for group in figures.groups where group.scope.kind == .org || group.scope.kind == .team {
            let name = group.scope == .org ? "the organization" : group.scope.name
            let key = group.scope == .org ? "org" : group.scope.name
            if let completion = shown(group.completion), completion.value < options.lowCompletionBelow {
                findings.append(Finding(
                    id: "review-cycles.low-completion.\(key)",
                    severity: completion.value < 0.5 ? .critical : .warning,
                    scope: group.scope, dimension: .execution,
                    title: "Review completion is \(ReviewFormat.percent(completion.value)) in \(name)",
                    detail: "Only \(ReviewFormat.percent(completion.value)) of the review assignments (declined ones "
                        + "aside) for the \(completion.n) people reviewed in \(name) were submitted; the threshold is "
                        + "\(ReviewFormat.percent(options.lowCompletionBelow)).",
                    recommendation: "Check with the managers what blocked the reviews (workload, tool access, unclear "
                        + "deadlines), and give the missing ones a date before the cycle is closed.",
                    evidence: [ReviewCycleMetric.completionRate]))
            }
            if let onTime = shown(group.onTime), onTime.value < options.lowOnTimeBelow {
                findings.append(Finding(
                    id: "review-cycles.late-reviews.\(key)", severity: .warning,
                    scope: group.scope, dimension: .execution,
                    title: "Many late reviews in \(name)",
                    detail: "\(ReviewFormat.percent(1 - onTime.value)) of the submitted reviews about the \(onTime.n) "
                        + "people reviewed in \(name) came in after their due date; the threshold is "
                        + "\(ReviewFormat.percent(1 - options.lowOnTimeBelow)) late.",
                    recommendation: "Plan the review window with the team's calendar in mind, send reminders before "
                        + "the due date, and ask the managers concerned what made them late.",
                    evidence: [ReviewCycleMetric.onTimeRate]))
            }
            if let gap = shown(group.selfManagerGap), abs(gap.value) >= options.largeGapAtLeast {
                let higher = gap.value > 0
                findings.append(Finding(
                    id: "review-cycles.self-manager-gap.\(key)", severity: .warning,
                    scope: group.scope, dimension: .direction,
                    title: "Large gap between self and manager ratings in \(name)",
                    detail: "On average, the \(gap.n) people with both ratings in \(name) rated themselves "
                        + "\(ReviewFormat.decimal(abs(gap.value), places: 2)) points \(higher ? "higher" : "lower") "
                        + "than their managers did (threshold \(ReviewFormat.decimal(options.largeGapAtLeast, places: 2))). "
                        + "A large gap usually means expectations were not clear.",
                    recommendation: higher
                        ? "Have managers agree written goals and what good looks like with each person, and discuss "
                            + "performance during the cycle so that the rating is no surprise."
                        : "Check whether people understand how their work is valued; managers may be giving too little "
                            + "recognition along the way.",
                    evidence: [ReviewCycleMetric.selfManagerGap]))
            }
        }
        return findings
    }

    private func upward() -> [Finding] {
        figures.managers.compactMap { manager -> Finding? in
            guard manager.upwardShown(minGroupSize: figures.minGroupSize), let score = manager.upwardScore,
                  score.value < options.lowUpwardScoreBelow else { return nil }
            return Finding(
                id: "review-cycles.low-upward-score.\(manager.id)", severity: .warning,
                scope: .manager(manager.id), dimension: .leadership,
                title: "Low upward review score for \(label(manager.id))",
                detail: "\(score.n) direct reports rated \(label(manager.id)) \(ReviewFormat.decimal(score.value, places: 2)) "
                    + "on average on the \(figures.scale.description) scale (threshold "
                    + "\(ReviewFormat.decimal(options.lowUpwardScoreBelow, places: 2))).",
                recommendation: "Offer coaching and a skip-level conversation with the team; agree a few concrete "
                    + "changes with the manager and look at the score again next cycle.",
                evidence: [ReviewCycleMetric.upwardScore])
        }
    }

    private func label(_ id: String) -> String {
        guard let name = roster.person(id: id)?.name, !name.isEmpty else { return id }
        return "\(name) (\(id))"
    }
}
