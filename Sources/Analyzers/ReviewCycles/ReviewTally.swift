import OrgHealthKit

/// Running counts of the period's review rows. Memory grows with the number of people,
/// groups and managers — never with the number of rows: each row only adds to counters.
struct ReviewTally: Sendable {
    /// What one reviewee contributed, for counting people (the `n` of group figures).
    struct PersonFlags: OptionSet, Sendable {
        let rawValue: UInt16
        /// Has a counted (not declined) assignment of a relationship: bits 0–3.
        static func assigned(_ relationship: ReviewRelationship) -> PersonFlags {
            PersonFlags(rawValue: 1 << UInt16(relationship.rawValue))
        }
        static let submitted = PersonFlags(rawValue: 1 << 4)
        static let managerRated = PersonFlags(rawValue: 1 << 5)
        static let commented = PersonFlags(rawValue: 1 << 6)
        static let nineBox = PersonFlags(rawValue: 1 << 7)
        static let promotion = PersonFlags(rawValue: 1 << 8)
    }

    /// Ratings a manager gave as the reviewer of manager reviews.
    struct RaterTally: Sendable {
        var sum = 0.0
        var count = 0

        mutating func add(_ rating: Double) {
            sum += rating
            count += 1
        }
    }

    /// Upward ratings a manager received.
    struct UpwardTally: Sendable {
        var sum = 0.0
        var count = 0
        var reviewers: Set<Int> = []

        mutating func add(_ rating: Double, from reviewer: Int) {
            sum += rating
            count += 1
            reviewers.insert(reviewer)
        }
    }

    /// A reviewee's self and manager ratings in one cycle.
    struct PairTally: Sendable {
        var selfSum = 0.0
        var selfCount = 0
        var managerSum = 0.0
        var managerCount = 0

        mutating func add(_ rating: Double, as relationship: ReviewRelationship) {
            if relationship == .self {
                selfSum += rating
                selfCount += 1
            } else {
                managerSum += rating
                managerCount += 1
            }
        }
    }

    let groups: ReviewGroups
    let scale: RatingScale
    let points: Int

    var personFlags: [PersonFlags]
    /// By group × relationship: assignments not declined, and those submitted.
    var assigned: [Int]
    var submitted: [Int]
    /// By group: submitted reviews on or before their due date.
    var onTime: [Int]
    /// By group × scale point: manager ratings.
    var ratingCounts: [Int]
    /// By group: sum and count of manager ratings.
    var ratingSum: [Double]
    var ratingCount: [Int]
    /// The sum of squares of every manager rating (for the org's standard deviation).
    var ratingSumOfSquares = 0.0
    /// By group: submitted manager and peer reviews with a comment of substance, and all of them.
    var substantial: [Int]
    var commentable: [Int]
    /// By group × (performance × 3 + potential): submitted manager reviews with both.
    var nineBox: [Int]
    /// By group: promotion recommendations (yes) and all yes/no answers.
    var promotionYes: [Int]
    var promotionAnswers: [Int]
    /// By reviewer number: the manager ratings they gave.
    var raters: [Int: RaterTally] = [:]
    /// By reviewee (a manager): the upward ratings they received.
    var upward: [Int: UpwardTally] = [:]
    /// By cycle and reviewee: self and manager ratings.
    var pairs: [Int: PairTally] = [:]
    /// Rows of the period counted.
    var rows = 0

    init(groups: ReviewGroups, scale: RatingScale, people: Int) {
        self.groups = groups
        self.scale = scale
        points = scale.points.count
        let count = groups.count
        personFlags = Array(repeating: [], count: people)
        assigned = Array(repeating: 0, count: count * 4)
        submitted = Array(repeating: 0, count: count * 4)
        onTime = Array(repeating: 0, count: count)
        ratingCounts = Array(repeating: 0, count: count * points)
        ratingSum = Array(repeating: 0, count: count)
        ratingCount = Array(repeating: 0, count: count)
        substantial = Array(repeating: 0, count: count)
        commentable = Array(repeating: 0, count: count)
        nineBox = Array(repeating: 0, count: count * 9)
        promotionYes = Array(repeating: 0, count: count)
        promotionAnswers = Array(repeating: 0, count: count)
    }

    /// Counts one row of the period.
    mutating func add(_ row: ReviewRow) {
        rows += 1
        guard row.status != .declined else { return }
        let relationship = row.relationship.rawValue
        var flags = PersonFlags.assigned(row.relationship)
        let memberOf = groups.groupsOfPerson[row.reviewee]
        for group in memberOf { assigned[group * 4 + relationship] += 1 }
        guard row.status == .submitted else {
            personFlags[row.reviewee].formUnion(flags)
            return
        }
        flags.insert(.submitted)
        for group in memberOf {
            submitted[group * 4 + relationship] += 1
            if row.onTime { onTime[group] += 1 }
        }
        if let substantial = row.substantial {
            flags.insert(.commented)
            for group in memberOf {
                commentable[group] += 1
                if substantial { self.substantial[group] += 1 }
            }
        }
        if let rating = row.rating {
            addRating(rating, of: row, flags: &flags, groups: memberOf)
        }
        if row.relationship == .manager, let promotion = row.promotion {
            flags.insert(.promotion)
            for group in memberOf {
                promotionAnswers[group] += 1
                if promotion { promotionYes[group] += 1 }
            }
        }
        personFlags[row.reviewee].formUnion(flags)
    }

    private mutating func addRating(_ rating: Double, of row: ReviewRow, flags: inout PersonFlags, groups memberOf: [Int]) {
        let pairKey = row.cycle * personFlags.count + row.reviewee
        switch row.relationship {
        case .self:
            pairs[pairKey, default: PairTally()].add(rating, as: .self)
        case .manager:
            flags.insert(.managerRated)
            let point = scale.point(of: rating) - scale.min
            for group in memberOf {
                ratingCounts[group * points + point] += 1
                ratingSum[group] += rating
                ratingCount[group] += 1
            }
            ratingSumOfSquares += rating * rating
            raters[row.reviewer, default: RaterTally()].add(rating)
            pairs[pairKey, default: PairTally()].add(rating, as: .manager)
            if let potential = row.potential {
                flags.insert(.nineBox)
                let cell = scale.band(of: rating).rawValue * 3 + potential.rawValue
                for group in memberOf { nineBox[group * 9 + cell] += 1 }
            }
        case .peer:
            break
        case .upward:
            upward[row.reviewee, default: UpwardTally()].add(rating, from: row.reviewer)
        }
    }
}
