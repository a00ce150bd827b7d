import OrgHealthKit

/// A value and the number of people (or ratings, or reviewers) it rests on.
struct Figure: Sendable, Equatable {
    var value: Double
    var n: Int
}

/// The review figures of one group scope (org, department or team of the reviewee).
/// A figure is `nil` when the scope has no data for it.
struct GroupFigures: Sendable {
    let scope: Scope
    var completion: Figure?
    var completionByRelationship: [ReviewRelationship: Figure] = [:]
    var onTime: Figure?
    var ratingMean: Figure?
    /// Share of manager ratings per scale point (all points, lowest first), with the rating count.
    var ratingShares: [Figure] = []
    var ratingCount = 0
    var selfManagerGap: Figure?
    var commentSubstance: Figure?
    var upwardScore: Figure?
    /// Counts per (performance, potential), performance-major, low → high.
    var nineBox: [Figure] = []
    var promotionRate: Figure?
}

/// The figures of one manager: the ratings they gave and the upward reviews they received.
struct ManagerFigures: Sendable {
    /// The manager's employee id.
    let id: String
    /// Their ratings as the manager reviewer, if they gave any.
    var leniency: LeniencyRule.Assessment?
    /// Their upward score (mean upward rating) with the number of distinct upward reviewers.
    var upwardScore: Figure?

    /// Whether the upward score may be shown: at least `minGroupSize` distinct reviewers.
    func upwardShown(minGroupSize: Int) -> Bool { (upwardScore?.n ?? 0) >= minGroupSize }
}

/// Every figure of the run, computed once from the tally and shared by the metrics, signals,
/// findings and sections.
struct ReviewFigures: Sendable {
    let groups: [GroupFigures]
    /// Managers by employee id, sorted.
    let managers: [ManagerFigures]
    let leniencyRule: LeniencyRule
    let scale: RatingScale
    let minGroupSize: Int

    init(tally: ReviewTally, reviewers: ReviewerDirectory, roster: Roster, options: ReviewCycleOptions, minGroupSize: Int) {
        let groupCount = tally.groups.count
        let scale = tally.scale
        self.scale = scale
        self.minGroupSize = minGroupSize
        let rule = LeniencyRule(
            count: tally.ratingCount[0], sum: tally.ratingSum[0], sumOfSquares: tally.ratingSumOfSquares,
            threshold: options.leniencyZ, minGroupSize: minGroupSize)
        leniencyRule = rule

        // People behind each group figure: reviewees counted once, whatever their rows.
        var people = PeopleCounts(groups: groupCount)
        for (person, flags) in tally.personFlags.enumerated() where !flags.isEmpty {
            people.add(flags, groups: tally.groups.groupsOfPerson[person])
        }

        // Self–manager gap: per reviewee, the mean over cycles of (self − manager). Sums run in
        // a fixed order (dictionaries iterate in a random one) so that reports are byte-identical.
        let peopleCount = tally.personFlags.count
        var personGapSum = Array(repeating: 0.0, count: peopleCount)
        var personGapCycles = Array(repeating: 0, count: peopleCount)
        for key in tally.pairs.keys.sorted() {
            guard let pair = tally.pairs[key], pair.selfCount > 0, pair.managerCount > 0 else { continue }
            let person = key % peopleCount
            personGapSum[person] += pair.selfSum / Double(pair.selfCount) - pair.managerSum / Double(pair.managerCount)
            personGapCycles[person] += 1
        }
        var gapSum = Array(repeating: 0.0, count: groupCount)
        var gapCount = Array(repeating: 0, count: groupCount)
        for person in 0..<peopleCount where personGapCycles[person] > 0 {
            for group in tally.groups.groupsOfPerson[person] {
                gapSum[group] += personGapSum[person] / Double(personGapCycles[person])
                gapCount[group] += 1
            }
        }

        // Upward scores: per manager; groups pool only managers whose own score may be shown.
        var managers: [String: ManagerFigures] = [:]
        var upwardSum = Array(repeating: 0.0, count: groupCount)
        var upwardRatings = Array(repeating: 0, count: groupCount)
        var upwardReviewers = Array(repeating: 0, count: groupCount)
        for reviewee in tally.upward.keys.sorted() {
            guard let received = tally.upward[reviewee] else { continue }
            let id = roster.people[reviewee].id
            let score = Figure(value: received.sum / Double(received.count), n: received.reviewers.count)
            managers[id, default: ManagerFigures(id: id)].upwardScore = score
            guard score.n >= minGroupSize else { continue }
            for group in tally.groups.groupsOfPerson[reviewee] {
                upwardSum[group] += received.sum
                upwardRatings[group] += received.count
                upwardReviewers[group] += score.n
            }
        }
        if tally.ratingCount[0] > 0 {
            for (reviewer, given) in tally.raters where given.count > 0 {
                let id = reviewers.id(of: reviewer)
                managers[id, default: ManagerFigures(id: id)].leniency = rule.assess(givenSum: given.sum, n: given.count)
            }
        }
        self.managers = managers.values.sorted { $0.id < $1.id }

        var groups: [GroupFigures] = []
        groups.reserveCapacity(groupCount)
        for group in 0..<groupCount {
            var figures = GroupFigures(scope: tally.groups.scopes[group])
            let assigned = (0..<4).reduce(0) { $0 + tally.assigned[group * 4 + $1] }
            let submitted = (0..<4).reduce(0) { $0 + tally.submitted[group * 4 + $1] }
            if assigned > 0 {
                figures.completion = Figure(value: Double(submitted) / Double(assigned), n: people.assignedAny[group])
            }
            for relationship in ReviewRelationship.allCases {
                let index = group * 4 + relationship.rawValue
                guard tally.assigned[index] > 0 else { continue }
                figures.completionByRelationship[relationship] = Figure(
                    value: Double(tally.submitted[index]) / Double(tally.assigned[index]),
                    n: people.assigned[index])
            }
            if submitted > 0 {
                figures.onTime = Figure(value: Double(tally.onTime[group]) / Double(submitted), n: people.submitted[group])
            }
            let ratings = tally.ratingCount[group]
            if ratings > 0 {
                let n = people.managerRated[group]
                figures.ratingCount = ratings
                figures.ratingMean = Figure(value: tally.ratingSum[group] / Double(ratings), n: n)
                figures.ratingShares = (0..<tally.points).map { point in
                    Figure(value: Double(tally.ratingCounts[group * tally.points + point]) / Double(ratings), n: n)
                }
            }
            if gapCount[group] > 0 {
                figures.selfManagerGap = Figure(value: gapSum[group] / Double(gapCount[group]), n: gapCount[group])
            }
            if tally.commentable[group] > 0 {
                figures.commentSubstance = Figure(
                    value: Double(tally.substantial[group]) / Double(tally.commentable[group]), n: people.commented[group])
            }
            if upwardRatings[group] > 0 {
                figures.upwardScore = Figure(value: upwardSum[group] / Double(upwardRatings[group]), n: upwardReviewers[group])
            }
            let boxes = (0..<9).map { tally.nineBox[group * 9 + $0] }
            if boxes.contains(where: { $0 > 0 }) {
                figures.nineBox = boxes.map { Figure(value: Double($0), n: people.nineBox[group]) }
            }
            if tally.promotionAnswers[group] > 0 {
                figures.promotionRate = Figure(
                    value: Double(tally.promotionYes[group]) / Double(tally.promotionAnswers[group]),
                    n: people.promotion[group])
            }
            groups.append(figures)
        }
        self.groups = groups
    }

    /// The org's figures.
    var org: GroupFigures { groups[0] }
}

/// People (reviewees) per group behind each kind of figure.
private struct PeopleCounts {
    var assignedAny: [Int]
    /// By group × relationship.
    var assigned: [Int]
    var submitted: [Int]
    var managerRated: [Int]
    var commented: [Int]
    var nineBox: [Int]
    var promotion: [Int]

    init(groups: Int) {
        assignedAny = Array(repeating: 0, count: groups)
        assigned = Array(repeating: 0, count: groups * 4)
        submitted = assignedAny
        managerRated = assignedAny
        commented = assignedAny
        nineBox = assignedAny
        promotion = assignedAny
    }

    mutating func add(_ flags: ReviewTally.PersonFlags, groups: [Int]) {
        for group in groups {
            var any = false
            for relationship in ReviewRelationship.allCases where flags.contains(.assigned(relationship)) {
                assigned[group * 4 + relationship.rawValue] += 1
                any = true
            }
            if any { assignedAny[group] += 1 }
            if flags.contains(.submitted) { submitted[group] += 1 }
            if flags.contains(.managerRated) { managerRated[group] += 1 }
            if flags.contains(.commented) { commented[group] += 1 }
            if flags.contains(.nineBox) { nineBox[group] += 1 }
            if flags.contains(.promotion) { promotion[group] += 1 }
        }
    }
}
