/// Everything counted from the responses: per team, counts in flat arrays (favourable,
/// unfavourable and valid answers per item, eNPS groups, comment themes); for the whole
/// organization, the covariance accumulators behind Cronbach's α and the driver correlations.
/// Memory grows with teams × items, never with the number of responses.
struct SurveyTally: Sendable {
    let plan: SurveyPlan
    /// Per roster team: its slot in the count arrays, or −1 before its first response.
    private(set) var slotOfTeam: [Int32]
    /// Per slot: the roster team.
    private(set) var teamOfSlot: [Int] = []
    /// Per slot, per item: ``SurveyPlan/itemStride`` counters.
    private(set) var itemCounts: [UInt32] = []
    /// Per slot: ``SurveyPlan/groupStride`` counters.
    private(set) var groupCounts: [UInt32] = []
    /// Per dimension: the complete cases of its items (org scope).
    private(set) var reliability: [CovarianceAccumulator]
    /// Per item: the item against the respondent's engagement score (org scope).
    private(set) var drivers: [PairAccumulator]
    /// Per slot: verbatim comments, when kept (at most ``verbatimLimit`` each).
    private(set) var verbatims: [[String]] = []
    /// Whether verbatim comments are kept.
    let keepsVerbatims: Bool
    /// The most verbatim comments kept per team.
    static let verbatimLimit = 100
    /// Responses counted.
    private(set) var responseCount = 0
    /// Attribute values per response (the number of cuts); 0 without cuts.
    let attributeWidth: Int
    /// Per attribute scope (``SurveyAttributes/scopes``), per item: ``SurveyPlan/itemStride``
    /// counters — items, dimensions, engagement and eNPS only: no comments, α or drivers.
    private(set) var attributeItemCounts: [UInt32] = []
    /// Per attribute scope: ``SurveyPlan/groupStride`` counters.
    private(set) var attributeGroupCounts: [UInt32] = []

    private let favorableOffset: Int
    private let unfavorableOffset: Int
    private let shift: Double
    private var scratch: [Double]
    /// The dimensions with two or more items, and their items, flattened: dimension d's items
    /// are `reliabilityItems[reliabilityOffsets[d]..<reliabilityOffsets[d + 1]]`.
    private let reliabilityDimensions: [Int]
    private let reliabilityItems: [Int]
    private let reliabilityOffsets: [Int]
    /// The items outside the outcome set: the driver candidates.
    private let driverItems: [Int]
    /// Per item: the bit of its dimension (0 without one), for the respondents-per-dimension counts.
    private let itemDimensionBits: [UInt64]

    init(plan: SurveyPlan, teamCount: Int, keepsVerbatims: Bool, attributes: SurveyAttributes? = nil) {
        self.plan = plan
        self.keepsVerbatims = keepsVerbatims
        attributeWidth = attributes?.width ?? 0
        let attributeScopes = attributes?.scopes.count ?? 0
        attributeItemCounts = Array(repeating: 0, count: attributeScopes * plan.itemCounterCount)
        attributeGroupCounts = Array(repeating: 0, count: attributeScopes * plan.groupStride)
        slotOfTeam = Array(repeating: -1, count: teamCount)
        favorableOffset = plan.scale.favorableMin - plan.scale.min
        unfavorableOffset = plan.scale.unfavorableMax - plan.scale.min
        shift = Double(plan.scale.max - plan.scale.min) / 2
        let shift = self.shift
        reliability = plan.dimensionItems.map { CovarianceAccumulator(width: $0.count, shift: shift) }
        drivers = Array(repeating: PairAccumulator(), count: plan.items.count)
        scratch = Array(repeating: 0, count: plan.dimensionItems.map(\.count).max() ?? 0)
        reliabilityDimensions = plan.dimensionItems.indices.filter { plan.dimensionItems[$0].count >= 2 }
        reliabilityItems = plan.dimensionItems.flatMap { $0 }
        reliabilityOffsets = plan.dimensionItems.reduce(into: [0]) { offsets, members in offsets.append(offsets[offsets.count - 1] + members.count) }
        driverItems = plan.items.indices.filter { !plan.isOutcome[$0] }
        itemDimensionBits = plan.itemDimension.map { dimension in dimension.map { $0 < 64 ? 1 << UInt64($0) : 0 } ?? 0 }
    }

    /// Counts one response of a team (its index in the roster's sorted team list), with its
    /// attribute indices (``attributeWidth`` of them; empty without cuts).
    mutating func add(_ row: ResponseRow, team: Int, attributes: [Int32] = []) {
        row.values.withUnsafeBufferPointer { values in
            add(values: values, enps: Int(row.enps), themes: row.commented ? row.themes : nil, comments: row.comments, team: team)
            if attributeWidth > 0 {
                attributes.withUnsafeBufferPointer { addAttributes(values: values, enps: Int(row.enps), attributes: $0) }
            }
        }
    }

    /// Counts every response of a batch, in order.
    mutating func add(_ batch: RowBatch) {
        let width = plan.items.count
        batch.values.withUnsafeBufferPointer { all in
            for index in 0..<batch.count {
                let values = UnsafeBufferPointer(rebasing: all[index * width..<(index + 1) * width])
                add(values: values, enps: Int(batch.enps[index]), themes: batch.commented[index] ? batch.themes[index] : nil,
                    comments: batch.comments.isEmpty ? [] : batch.comments[index], team: batch.teams[index])
            }
            guard attributeWidth > 0 else { return }
            let attributeWidth = self.attributeWidth
            batch.attributes.withUnsafeBufferPointer { attributes in
                for index in 0..<batch.count {
                    addAttributes(
                        values: UnsafeBufferPointer(rebasing: all[index * width..<(index + 1) * width]), enps: Int(batch.enps[index]),
                        attributes: UnsafeBufferPointer(rebasing: attributes[index * attributeWidth..<(index + 1) * attributeWidth]))
                }
            }
        }
    }

    /// Counts one response in each attribute scope it belongs to: answers, respondents per
    /// dimension, engagement respondents and eNPS groups — as a team's, but without comments,
    /// α or drivers (those stay organization-wide or per team).
    private mutating func addAttributes(values: UnsafeBufferPointer<Int8>, enps: Int, attributes: UnsafeBufferPointer<Int32>) {
        var engaged = false
        for item in plan.outcomeItems where values[item] >= 0 { engaged = true }
        for attribute in attributes where attribute >= 0 {
            let groupBase = Int(attribute) * plan.groupStride
            Self.countAnswers(
                values, enps: enps, itemBase: Int(attribute) * plan.itemCounterCount, groupBase: groupBase,
                favorableOffset: favorableOffset, unfavorableOffset: unfavorableOffset, itemDimensionBits: itemDimensionBits,
                items: &attributeItemCounts, groups: &attributeGroupCounts)
            if engaged { attributeGroupCounts[groupBase + SurveyPlan.engaged] &+= 1 }
        }
    }

    /// Counts one response into one slot: its item counters (valid, sum, favorable,
    /// unfavorable) and its group counters (responses, dimensions answered, eNPS band). The
    /// team slots and the attribute slots share it.
    ///
    /// Static, with what it reads passed in: a method reading `self` while one of `self`'s
    /// arrays is passed `inout` makes Swift copy the array on every call (the borrowed `self`
    /// holds a second reference), which made counting quadratic in teams × responses.
    private static func countAnswers(
        _ values: UnsafeBufferPointer<Int8>, enps: Int, itemBase: Int, groupBase: Int,
        favorableOffset: Int, unfavorableOffset: Int, itemDimensionBits: [UInt64],
        items: inout [UInt32], groups: inout [UInt32]
    ) {
        var answeredDimensions: UInt64 = 0
        items.withUnsafeMutableBufferPointer { counts in
            itemDimensionBits.withUnsafeBufferPointer { dimensionBits in
                for item in values.indices {
                    let value = Int(values[item])
                    guard value >= 0 else { continue }
                    let base = itemBase + item &* SurveyPlan.itemStride
                    counts[base + SurveyPlan.valid] &+= 1
                    counts[base + SurveyPlan.sum] &+= UInt32(truncatingIfNeeded: value)
                    if value >= favorableOffset {
                        counts[base + SurveyPlan.favorable] &+= 1
                    } else if value <= unfavorableOffset {
                        counts[base + SurveyPlan.unfavorable] &+= 1
                    }
                    answeredDimensions |= dimensionBits[item]
                }
            }
        }
        groups.withUnsafeMutableBufferPointer { counts in
            counts[groupBase + SurveyPlan.responses] &+= 1
            var bits = answeredDimensions
            while bits != 0 {
                counts[groupBase + SurveyPlan.fixedGroupCounters + bits.trailingZeroBitCount] &+= 1
                bits &= bits &- 1
            }
            if enps >= 0 {
                counts[groupBase + (enps >= 9 ? SurveyPlan.promoters : enps >= 7 ? SurveyPlan.passives : SurveyPlan.detractors)] &+= 1
            }
        }
    }

    /// Counts one response: per plan item the answer as `value − min` after reverse coding
    /// (−1 = missing), the eNPS answer (−1 = missing), the comment themes (`nil` without a
    /// comment) and, when verbatims are kept, the comments.
    private mutating func add(
        values: UnsafeBufferPointer<Int8>, enps: Int, themes: UInt64?, comments: [String], team: Int
    ) {
        let slot = slotOfTeam[team] >= 0 ? Int(slotOfTeam[team]) : openSlot(team)
        responseCount += 1
        let groupBase = slot * plan.groupStride
        Self.countAnswers(
            values, enps: enps, itemBase: slot * plan.itemCounterCount, groupBase: groupBase,
            favorableOffset: favorableOffset, unfavorableOffset: unfavorableOffset, itemDimensionBits: itemDimensionBits,
            items: &itemCounts, groups: &groupCounts)
        addEngagement(values, groupBase: groupBase)
        if let themes { addComments(themes: themes, comments: comments, slot: slot, groupBase: groupBase) }
        addReliability(values)
    }

    private mutating func openSlot(_ team: Int) -> Int {
        let slot = teamOfSlot.count
        if slot == 0 {
            // Room for every roster team at once, made by the copy that counts (a tally is
            // copied into the counting task before its first team), so the counts are never
            // copied into a doubled array: at 10^6 people the old and new arrays, 50 and 100
            // MB, met at the report's peak. Pages no team reaches are never touched, so they
            // take no memory.
            itemCounts.reserveCapacity(slotOfTeam.count * plan.itemCounterCount)
            groupCounts.reserveCapacity(slotOfTeam.count * plan.groupStride)
        }
        slotOfTeam[team] = Int32(slot)
        teamOfSlot.append(team)
        itemCounts.append(contentsOf: repeatElement(0, count: plan.itemCounterCount))
        groupCounts.append(contentsOf: repeatElement(0, count: plan.groupStride))
        if keepsVerbatims { verbatims.append([]) }
        return slot
    }

    /// The engagement score (mean of the answered outcome items) and the driver pairs.
    private mutating func addEngagement(_ values: UnsafeBufferPointer<Int8>, groupBase: Int) {
        var total = 0
        var answered = 0
        for item in plan.outcomeItems where values[item] >= 0 {
            total += Int(values[item])
            answered += 1
        }
        guard answered > 0 else { return }
        groupCounts[groupBase + SurveyPlan.engaged] &+= 1
        let engagement = Double(total) / Double(answered) - shift
        let shift = self.shift
        drivers.withUnsafeMutableBufferPointer { drivers in
            driverItems.withUnsafeBufferPointer { items in
                for item in items where values[item] >= 0 {
                    drivers[item].add(Double(values[item]) - shift, engagement)
                }
            }
        }
    }

    private mutating func addComments(themes: UInt64, comments: [String], slot: Int, groupBase: Int) {
        groupCounts[groupBase + SurveyPlan.commenters] &+= 1
        var bits = themes
        while bits != 0 {
            groupCounts[groupBase + plan.themeCounter(bits.trailingZeroBitCount)] &+= 1
            bits &= bits &- 1
        }
        if keepsVerbatims {
            for comment in comments where verbatims[slot].count < Self.verbatimLimit {
                verbatims[slot].append(comment)
            }
        }
    }

    /// Listwise complete cases per dimension, for Cronbach's α.
    private mutating func addReliability(_ values: UnsafeBufferPointer<Int8>) {
        for dimension in reliabilityDimensions {
            let start = reliabilityOffsets[dimension], end = reliabilityOffsets[dimension + 1]
            let complete = reliabilityItems.withUnsafeBufferPointer { items in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    for position in start..<end {
                        let value = values[items[position]]
                        if value < 0 { return false }
                        scratch[position - start] = Double(value)
                    }
                    return true
                }
            }
            if complete { scratch.withUnsafeBufferPointer { reliability[dimension].add($0) } }
        }
    }
}
