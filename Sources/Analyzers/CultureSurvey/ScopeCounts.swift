import OrgHealthKit

/// The counts of one scope — a team as tallied, or a department or the organization summed
/// from its teams (every count is additive) — and the figures they give.
struct ScopeCounts: Sendable {
    let plan: SurveyPlan
    /// Per item: ``SurveyPlan/itemStride`` counters.
    private(set) var items: [Int]
    /// ``SurveyPlan/groupStride`` counters.
    private(set) var group: [Int]

    init(plan: SurveyPlan) {
        self.plan = plan
        items = Array(repeating: 0, count: plan.itemCounterCount)
        group = Array(repeating: 0, count: plan.groupStride)
    }

    /// Replaces the counts with those of a team's slot in the tally.
    mutating func load(_ tally: SurveyTally, slot: Int) {
        let itemBase = slot * plan.itemCounterCount
        for index in items.indices { items[index] = Int(tally.itemCounts[itemBase + index]) }
        let groupBase = slot * plan.groupStride
        for index in group.indices { group[index] = Int(tally.groupCounts[groupBase + index]) }
    }

    /// Replaces the counts with those of an attribute scope (its index in ``SurveyAttributes/scopes``).
    mutating func loadAttribute(_ tally: SurveyTally, index: Int) {
        let itemBase = index * plan.itemCounterCount
        for position in items.indices { items[position] = Int(tally.attributeItemCounts[itemBase + position]) }
        let groupBase = index * plan.groupStride
        for position in group.indices { group[position] = Int(tally.attributeGroupCounts[groupBase + position]) }
    }

    /// Adds another scope's counts.
    mutating func add(_ other: ScopeCounts) {
        for index in items.indices { items[index] += other.items[index] }
        for index in group.indices { group[index] += other.group[index] }
    }

    // MARK: - Figures

    /// Counted responses.
    var responses: Int { group[SurveyPlan.responses] }

    /// An item's answers: valid, favourable, unfavourable, and the sum of (value − min).
    func item(_ item: Int) -> (valid: Int, favorable: Int, unfavorable: Int, sum: Int) {
        let base = item * SurveyPlan.itemStride
        return (items[base + SurveyPlan.valid], items[base + SurveyPlan.favorable],
                items[base + SurveyPlan.unfavorable], items[base + SurveyPlan.sum])
    }

    /// The item's mean answer on the scale; `nil` without answers.
    func itemMean(_ item: Int) -> Double? {
        let counts = self.item(item)
        guard counts.valid > 0 else { return nil }
        return Double(plan.scale.min) + Double(counts.sum) / Double(counts.valid)
    }

    /// Favourable, neutral and unfavourable answers pooled over several items.
    func pooled(_ members: [Int]) -> Split {
        var split = Split()
        for item in members {
            let counts = self.item(item)
            split.valid += counts.valid
            split.favorable += counts.favorable
            split.unfavorable += counts.unfavorable
        }
        return split
    }

    /// Respondents who answered at least one item of the dimension.
    func dimensionRespondents(_ dimension: Int) -> Int { group[plan.dimensionCounter(dimension)] }

    /// Respondents who answered at least one engagement item.
    var engagementRespondents: Int { group[SurveyPlan.engaged] }

    /// eNPS answers by group.
    var enps: (promoters: Int, passives: Int, detractors: Int) {
        (group[SurveyPlan.promoters], group[SurveyPlan.passives], group[SurveyPlan.detractors])
    }

    /// 100 × (promoters − detractors) ÷ valid answers; `nil` without answers.
    var enpsScore: Double? {
        let (promoters, passives, detractors) = enps
        let total = promoters + passives + detractors
        guard total > 0 else { return nil }
        return 100 * Double(promoters - detractors) / Double(total)
    }

    /// Respondents who wrote a comment.
    var commenters: Int { group[SurveyPlan.commenters] }

    /// Comments touching a theme.
    func themeCount(_ theme: Int) -> Int { group[plan.themeCounter(theme)] }

    /// Favourable / neutral / unfavourable answers of one item or a pool of items.
    struct Split: Sendable {
        var valid = 0
        var favorable = 0
        var unfavorable = 0

        var neutral: Int { valid - favorable - unfavorable }
        var favorability: Double? { valid > 0 ? Double(favorable) / Double(valid) : nil }
        var unfavorability: Double? { valid > 0 ? Double(unfavorable) / Double(valid) : nil }
        var neutrality: Double? { valid > 0 ? Double(neutral) / Double(valid) : nil }
    }
}
