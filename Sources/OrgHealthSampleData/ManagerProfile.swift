/// How one manager runs 1:1s: cadence, reliability, topics, follow-through and note habits.
/// Drawn once per manager, so the same manager behaves consistently with every report.
struct ManagerProfile: Sendable {
    enum Cadence: Sendable, Equatable {
        case weekly, biweekly, monthly, sporadic
        /// Few meetings, long gaps, many cancellations (the planted low-1:1 managers).
        case rare
        /// Met in the previous quarter, almost never in the period.
        case nearlyNone
    }

    var cadence: Cadence
    var cancellationRate: Double
    var noShowRate: Double
    /// Chance that a held meeting touches each topic, by `NoteTopic.rawValue`.
    var topicRates: [Double]
    /// Chance that an open action item is done by the next meeting.
    var completionRate: Double
    /// Mean number of new action items per held meeting.
    var newItemsPerMeeting: Double
    var durationMinutes: Int
    /// Chance that a pair takes a two-to-four-week break (vacation) inside the period.
    var breakRate: Double

    static func make(manager: Int, chart: SampleOrgChart) -> ManagerProfile {
        var random = SampleRandom(seed: chart.seed, stream: "manager-profile", index: manager)
        let cast = chart.cast
        let cadences: [Cadence] = [.weekly, .biweekly, .monthly, .sporadic]
        var profile = ManagerProfile(
            cadence: cadences[random.weightedIndex([20, 45, 20, 15])],
            cancellationRate: 0.02 + random.unit() * 0.12,
            noShowRate: random.unit() * 0.04,
            topicRates: [0.25, 0.35, 0.30, 0.50].map { min(0.9, $0 * (0.2 + random.unit() * 1.4)) },
            completionRate: 0.3 + random.unit() * 0.65,
            newItemsPerMeeting: 0.3 + random.unit() * 1.4,
            durationMinutes: [25, 30, 30, 45, 60][random.index(below: 5)],
            breakRate: 0.25)
        if let position = cast.lowOneOnOneManagers.firstIndex(of: manager) {
            profile.cadence = position == 0 ? .nearlyNone : .rare
            profile.cancellationRate = 0.3
            profile.noShowRate = 0.08
            profile.topicRates = [0.05, 0.1, 0.05, 0.6]
            profile.completionRate = 0.2
            profile.newItemsPerMeeting = 1.2
        }
        if manager == cast.lenientManager || manager == cast.severeManager {
            // Their story is about ratings; keep their 1:1s unremarkable.
            profile.cadence = .biweekly
        }
        return profile
    }
}
