import OrgHealthKit

/// The figures of one expected pair (a person and their manager) for the period.
struct PairFacts: Sendable {
    /// Days with a held meeting.
    let held: Int
    /// Days with a recorded meeting of any status.
    let recorded: Int
    /// Median days between consecutive held meetings; `nil` under two held meetings.
    let cadenceDays: Double?
    /// The longest stretch without a held meeting, counting the window's first day to the first
    /// meeting and the last meeting to the window's last day.
    let longestGapDays: Int
    let topics: TopicSet
    /// Distinct action items of held meetings, and how many of them were checked.
    let actionItems: Int
    let actionItemsDone: Int

    /// Cancelled and no-show days.
    var missed: Int { recorded - held }

    /// The facts of a pair's log over `window` (first and last day, as day numbers).
    init(log: PairLog?, window: ClosedRange<Int>) {
        let days = log?.heldDays ?? []
        held = days.count
        recorded = log?.recordedCount ?? 0
        let gaps = zip(days.dropFirst(), days).map { $0 - $1 }
        cadenceDays = gaps.isEmpty ? nil : Self.median(gaps.map(Double.init))
        var points = [min(window.lowerBound, days.first ?? window.lowerBound)] + days
        points.append(max(window.upperBound, days.last ?? window.upperBound))
        longestGapDays = zip(points.dropFirst(), points).map { $0 - $1 }.max() ?? 0
        topics = log?.topics ?? TopicSet()
        actionItems = log?.actionItems.count ?? 0
        actionItemsDone = log?.actionItems.values.filter { $0 }.count ?? 0
    }

    /// The days of the period a person counts in: from their hire date (if later than the
    /// period's first day) to their end date (if earlier than its last day).
    static func window(of person: Person, in period: ReportingPeriod) -> ClosedRange<Int> {
        var first = period.start.dayNumber
        var last = period.end.dayNumber
        if let hire = person.hireDate, hire > period.start { first = min(hire.dayNumber, last) }
        if let end = person.endDate, end < period.end { last = max(end.dayNumber, first) }
        return first...last
    }

    /// The median (the mean of the middle two for an even count); `values` must not be empty.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The sums one scope's metrics are computed from.
struct ScopeTally: Sendable {
    var pairs = 0
    var covered = 0
    var held = 0
    var longGaps = 0
    var cadences: [Double] = []
    var recorded = 0
    var missed = 0
    var pairsWithRecords = 0
    var actionItems = 0
    var actionItemsDone = 0
    var pairsWithItems = 0
    var topicPairs: [Int]

    init(topics: Int) { topicPairs = Array(repeating: 0, count: topics) }

    mutating func add(_ facts: PairFacts, maxGapDays: Int) {
        pairs += 1
        if facts.held > 0 { covered += 1 }
        held += facts.held
        if facts.longestGapDays > maxGapDays { longGaps += 1 }
        if let cadence = facts.cadenceDays { cadences.append(cadence) }
        recorded += facts.recorded
        missed += facts.missed
        if facts.recorded > 0 { pairsWithRecords += 1 }
        actionItems += facts.actionItems
        actionItemsDone += facts.actionItemsDone
        if facts.actionItems > 0 { pairsWithItems += 1 }
        for index in topicPairs.indices where facts.topics.contains(index) { topicPairs[index] += 1 }
    }
}
