import OrgHealthKit

/// Writes `recognition.csv` (a custom input for an external analyzer): kudos between
/// colleagues, `date,from_id,to_id,message`, over the previous and the current period. Most go
/// to teammates; the teams of managers who hold few 1:1s receive fewer. Every message carries
/// `KUDOS-SENTINEL`.
struct RecognitionLogGenerator {
    let chart: SampleOrgChart

    static let header = ["date", "from_id", "to_id", "message"]
    static let sentinel = "KUDOS-SENTINEL"
    private static let messages = [
        "Thanks for jumping on the incident at 2am!",
        "Your demo made the customer's week 🎉",
        "Huge help with the onboarding docs, thank you.",
        "Thanks for \"just doing it\" when the release slipped.",
        "Great mentoring, the new hire is already shipping.",
        "Calm, clear, kind: thank you for running the offsite.",
        "Thank you for covering on-call, twice, without being asked.",
    ]

    /// Writes the file and returns the number of data rows.
    func write(_ path: String, with writer: SampleFileWriter) throws -> Int {
        let people = chart.people
        let period = chart.period
        let start = period.previous.start
        let days = start.days(to: period.end) + 1
        let lowTeams = Set(chart.cast.lowOneOnOneManagers.map { people[$0].teamIndex })
        var random = SampleRandom(seed: chart.seed, stream: "recognition")
        var entries: [(day: Int, from: Int, to: Int, message: String)] = []
        let target = people.count * 6 / 5
        var attempts = 0
        while entries.count < target, attempts < target * 4 {
            attempts += 1
            let date = CalendarDate(dayNumber: MeetingPlanner.weekday(start.dayNumber + random.index(below: days)))
            let from = random.index(below: people.count)
            guard date >= start, date <= period.end, people[from].isEmployed(on: date) else { continue }
            let team = chart.teams[people[from].teamIndex]
            let to: Int
            if random.chance(0.75), team.members.count > 1 {
                to = team.members[random.index(below: team.members.count)]
            } else {
                to = random.index(below: people.count)
            }
            guard to != from, people[to].isEmployed(on: date) else { continue }
            if lowTeams.contains(people[to].teamIndex), random.chance(0.6) { continue }
            let message = Self.messages[random.index(below: Self.messages.count)]
                + " [\(Self.sentinel) \(random.int(in: 1_000...9_999))]"
            entries.append((date.dayNumber, from, to, message))
        }
        entries.sort { ($0.day, $0.from, $0.to, $0.message) < ($1.day, $1.from, $1.to, $1.message) }
        try writer.stream(path) { sink in
            try sink.write(CSVText.row(Self.header))
            for entry in entries {
                try sink.write(CSVText.row([CalendarDate(dayNumber: entry.day).description, people[entry.from].id,
                                            people[entry.to].id, entry.message]))
            }
        }
        return entries.count
    }
}
