import OrgHealthKit

/// The one-on-one figures of every scope: expected pairs (each person active in the period
/// who has a manager, with that manager) summed per org, department, team and manager scope,
/// and meetings of other pairs (skip-levels, dotted lines) counted apart. Each pair also
/// counts in every reporting line (`line:<id>`) above the person.
struct OneOnOneFigures: Sendable {
    let tallies: [Scope: ScopeTally]
    /// Held meetings of pairs that are not a person and their manager, and how many such pairs,
    /// by the scopes of the person met.
    let otherMeetings: [Scope: (meetings: Int, pairs: Int)]
    let topicNames: [String]
    let maxGapDays: Int

    init(ledger: NoteLedger, roster: Roster, lines: ReportingLines? = nil, period: ReportingPeriod, settings: OneOnOneOptions) {
        topicNames = settings.lexicon.names
        maxGapDays = settings.maxGapDays
        var tallies: [Scope: ScopeTally] = [:]
        var expected: Set<PairKey> = []
        for person in roster.people where person.isActive(in: period) {
            guard let manager = person.managerID else { continue }
            let key = PairKey(manager: manager, report: person.id)
            expected.insert(key)
            let facts = PairFacts(log: ledger.pairs[key], window: PairFacts.window(of: person, in: period))
            // Cuts (config `cuts:`): each attribute value is a group of its own, never crossed
            // with the person's team, department or manager. A reporting line is a group too.
            let lineScopes = lines?.lineScopes(of: person) ?? []
            for scope in roster.scopes(of: person) + roster.attributeScopes(of: person) + lineScopes {
                tallies[scope, default: ScopeTally(topics: topicNames.count)].add(facts, maxGapDays: settings.maxGapDays)
            }
        }
        var others: [Scope: (meetings: Int, pairs: Int)] = [:]
        for (key, log) in ledger.pairs where !expected.contains(key) {
            let held = log.heldDays.count
            guard held > 0, let person = roster.person(id: key.report) else { continue }
            for scope in roster.groupScopes(of: person) {
                let current = others[scope] ?? (0, 0)
                others[scope] = (current.meetings + held, current.pairs + 1)
            }
        }
        self.tallies = tallies
        self.otherMeetings = others
    }

    /// Every scope with expected pairs or other meetings, in report order.
    var scopes: [Scope] { Set(tallies.keys).union(otherMeetings.keys).sorted() }

    /// The metrics of every scope, with the n each rests on.
    func metrics() -> [Metric] {
        var metrics: [Metric] = []
        let topicIDs = topicNames.map(OneOnOneMetric.topic)
        for scope in scopes {
            let isManager = scope.kind == .manager
            if let tally = tallies[scope], tally.pairs > 0 {
                let pairs = Double(tally.pairs)
                func add(_ id: MetricID, _ value: Double, _ unit: MetricUnit, _ n: Int, _ dimension: HealthDimension?) {
                    metrics.append(Metric(id: id, scope: scope, value: value, unit: unit, n: n, dimension: dimension))
                }
                add(OneOnOneMetric.coverage, Double(tally.covered) / pairs, .ratio, tally.pairs, .execution)
                if !isManager { add(OneOnOneMetric.meetingsPerPair, Double(tally.held) / pairs, .count, tally.pairs, .execution) }
                if !tally.cadences.isEmpty {
                    add(OneOnOneMetric.cadenceDays, PairFacts.median(tally.cadences), .days, tally.cadences.count, .execution)
                }
                add(OneOnOneMetric.longGapRate, Double(tally.longGaps) / pairs, .ratio, tally.pairs, .execution)
                if !isManager, tally.recorded > 0 {
                    add(OneOnOneMetric.cancellationRate, Double(tally.missed) / Double(tally.recorded), .ratio, tally.pairsWithRecords, .execution)
                }
                if tally.actionItems > 0 {
                    add(OneOnOneMetric.actionItemCompletion, Double(tally.actionItemsDone) / Double(tally.actionItems), .ratio,
                        tally.pairsWithItems, .trust)
                }
                if !isManager {
                    for (index, name) in topicNames.enumerated() {
                        add(topicIDs[index], Double(tally.topicPairs[index]) / pairs, .ratio, tally.pairs, Self.dimension(ofTopic: name))
                    }
                }
            }
            if !isManager, let other = otherMeetings[scope] {
                metrics.append(Metric(id: OneOnOneMetric.otherMeetings, scope: scope, value: Double(other.meetings), unit: .count,
                                      n: other.pairs))
            }
        }
        return metrics
    }

    /// The dimension a topic's share informs, if any.
    static func dimension(ofTopic name: String) -> HealthDimension? {
        switch name {
        case "career": return .growth
        case "feedback": return .feedback
        case "wellbeing": return .wellbeing
        default: return nil
        }
    }
}
