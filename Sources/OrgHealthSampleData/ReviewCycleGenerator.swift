import OrgHealthKit

/// Writes `reviews.csv`: the period's review cycle (self, manager, two peer and upward
/// assignments; mostly submitted, some late, in progress, not started or declined) and the
/// previous period's smaller cycle (self and manager only), which the report must ignore.
/// One planted manager rates everyone 5/4, another 1/2.
struct ReviewCycleGenerator {
    let chart: SampleOrgChart
    private let lowOneOnOneManagers: Set<Int>

    init(chart: SampleOrgChart) {
        self.chart = chart
        lowOneOnOneManagers = Set(chart.cast.lowOneOnOneManagers)
    }

    static let header = [
        "cycle_id", "reviewee_id", "reviewer_id", "relationship", "status", "due_date", "submitted_at", "rating",
        "comment", "potential", "promotion", "rating_impact", "rating_collaboration",
    ]

    private enum Relationship: String, CaseIterable {
        case `self`, manager, peer, upward
    }

    private struct Assignment {
        var reviewee: Int
        var reviewer: Int
        var relationship: Relationship
    }

    /// Writes the file and returns the number of data rows.
    func write(_ path: String, with writer: SampleFileWriter) throws -> Int {
        var rows = 0
        try writer.stream(path) { sink in
            try sink.write(CSVText.row(Self.header))
            let period = chart.period
            rows += try writeCycle(id: "perf-\(period.previous.label)", due: period.previous.end.adding(days: -21),
                                   full: false, into: &sink)
            rows += try writeCycle(id: "perf-\(period.label)", due: period.end.adding(days: -21),
                                   full: true, into: &sink)
        }
        return rows
    }

    private func writeCycle(id: String, due: CalendarDate, full: Bool, into sink: inout TextSink) throws -> Int {
        let people = chart.people
        let eligible = people.indices.map { people[$0].isEmployed(on: due) && people[$0].hireDate <= due.adding(days: -45) }
        var rows = 0
        for reviewee in people.indices where eligible[reviewee] {
            var random = SampleRandom(seed: chart.seed, stream: "reviews/" + id, index: reviewee)
            var assignments = [Assignment(reviewee: reviewee, reviewer: reviewee, relationship: .self)]
            if let manager = people[reviewee].managerIndex, eligible[manager] {
                assignments.append(Assignment(reviewee: reviewee, reviewer: manager, relationship: .manager))
            }
            if full {
                for peer in peers(of: reviewee, eligible: eligible, random: &random) {
                    assignments.append(Assignment(reviewee: reviewee, reviewer: peer, relationship: .peer))
                }
                // Upward: each eligible direct report reviews this person as their manager.
                for report in chart.directReports[reviewee] where eligible[report] {
                    assignments.append(Assignment(reviewee: reviewee, reviewer: report, relationship: .upward))
                }
            }
            for assignment in assignments {
                try sink.write(CSVText.row(row(assignment, cycle: id, due: due, full: full, random: &random)))
                rows += 1
            }
        }
        return rows
    }

    /// Two colleagues with the same manager, or from the same team when there are too few.
    private func peers(of person: Int, eligible: [Bool], random: inout SampleRandom) -> [Int] {
        var pool: [Int] = []
        if let manager = chart.people[person].managerIndex {
            pool = chart.directReports[manager].filter { $0 != person && eligible[$0] }
        }
        if pool.count < 2 {
            pool += chart.teams[chart.people[person].teamIndex].members.filter {
                $0 != person && eligible[$0] && !pool.contains($0)
            }
        }
        var chosen: [Int] = []
        while chosen.count < 2, !pool.isEmpty {
            chosen.append(pool.remove(at: random.index(below: pool.count)))
        }
        return chosen.sorted()
    }

    private func row(_ assignment: Assignment, cycle: String, due: CalendarDate, full: Bool, random: inout SampleRandom) -> [String] {
        let cast = chart.cast
        let people = chart.people
        let reviewee = people[assignment.reviewee]
        let reviewer = people[assignment.reviewer]
        let plantedRater = assignment.relationship == .manager
            && (assignment.reviewer == cast.lenientManager || assignment.reviewer == cast.severeManager)

        var status = "submitted"
        let roll = random.unit()
        if !plantedRater {
            let slow = lowOneOnOneManagers.contains(assignment.reviewer) ? 0.25 : 0.0
            let declinable = assignment.relationship == .peer || assignment.relationship == .upward
            if roll < (full ? 0.05 : 0.02) + slow / 2 {
                status = "in_progress"
            } else if roll < (full ? 0.11 : 0.03) + slow {
                status = "not_started"
            } else if declinable, roll < 0.15 + slow {
                status = "declined"
            }
        }
        var fields = [cycle, reviewee.id, reviewer.id, assignment.relationship.rawValue, status, due.description]
        guard status == "submitted" else {
            return fields + ["", "", "", "", "", "", ""]
        }

        let late = random.chance(0.15)
        let submitted = late ? due.adding(days: random.int(in: 1...10)) : due.adding(days: -random.int(in: 0...20))
        fields.append("\(submitted)T\(twoDigits(random.int(in: 8...18))):\(twoDigits(random.int(in: 0...59))):00Z")

        let rating = self.rating(assignment, random: &random)
        fields.append(String(rating))
        fields.append(comment(assignment, rating: rating, random: &random))
        if assignment.relationship == .manager {
            let performance = reviewee.performance
            fields.append(performance > 0.8 ? "high" : performance > -0.5 ? "medium" : "low")
            fields.append(performance > 1.0 && random.chance(0.5) ? "yes" : "no")
        } else {
            fields += ["", ""]
        }
        if assignment.relationship == .upward {
            fields += ["", ""]
        } else {
            fields.append(String(clamp(rating + random.int(in: -1...1), 1, 5)))
            fields.append(String(clamp(rating + random.int(in: -1...1), 1, 5)))
        }
        return fields
    }

    private func rating(_ assignment: Assignment, random: inout SampleRandom) -> Int {
        let cast = chart.cast
        let performance = chart.people[assignment.reviewee].performance
        switch assignment.relationship {
        case .manager where assignment.reviewer == cast.lenientManager:
            return random.chance(0.7) ? 5 : 4
        case .manager where assignment.reviewer == cast.severeManager:
            return random.chance(0.6) ? 2 : 1
        case .manager:
            return scale(3.2 + 0.8 * performance + 0.3 * random.normal())
        case .self:
            return scale(3.6 + 0.5 * performance + 0.4 * random.normal())
        case .peer:
            return scale(3.4 + 0.6 * performance + 0.5 * random.normal())
        case .upward:
            let low = lowOneOnOneManagers.contains(assignment.reviewee) ? 1.3 : 0
            return scale(3.9 + 0.4 * performance - low + 0.6 * random.normal())
        }
    }

    private func comment(_ assignment: Assignment, rating: Int, random: inout SampleRandom) -> String {
        let marker = "[\(ReviewLexicon.sentinel) \(random.int(in: 1_000...9_999))]"
        if assignment.relationship == .upward {
            return ReviewLexicon.upwardComments[random.index(below: ReviewLexicon.upwardComments.count)] + " " + marker
        }
        // Each reviewer has a habit: some write substance, some a line.
        var habit = SampleRandom(seed: chart.seed, stream: "review-habit", index: assignment.reviewer)
        let substance = habit.unit() < 0.25 ? 0.1 : 0.7
        guard random.chance(substance) else {
            let short = ReviewLexicon.shortComments(rating: rating)
            return short[random.index(below: short.count)] + " " + marker
        }
        var sentences: [String] = []
        var pool = ReviewLexicon.sentences
        for _ in 0..<random.int(in: 3...4) {
            sentences.append(pool.remove(at: random.index(below: pool.count)))
        }
        // Some reviewers write paragraphs: a line break inside a quoted CSV field.
        let separator = random.chance(0.05) ? "\n" : " "
        return sentences.joined(separator: separator) + " " + marker
    }

    private func scale(_ value: Double) -> Int { clamp(Int(value.rounded()), 1, 5) }

    private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(high, max(low, value)) }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
