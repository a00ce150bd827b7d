import OrgHealthKit

/// Writes the culture survey: `survey/survey.yml` and `survey/responses.csv`, a Qualtrics
/// export (three header rows, choice text answers, a UTF-8 byte-order mark, CRLF line ends)
/// with survey-preview rows and unfinished rows that must be excluded, blanks that are
/// missing answers, and teams that differ: the teams of the managers who hold few 1:1s answer
/// clearly worse on trust and well-being, so cross-source findings appear.
struct SurveyGenerator {
    let chart: SampleOrgChart

    /// What was written.
    struct Summary: Sendable {
        /// Data rows in the export (all three kinds).
        var rows = 0
        /// Finished, non-preview responses: what the report should count.
        var counted = 0
        var previews = 0
        var unfinished = 0
    }

    private struct Response {
        var time: Int
        var responseID: String
        var team: String
        var status: String
        var finished: String
        var progress: Int
        var answers: [Int?]
        var enps: Int?
        var comment: String
    }

    static let dimensions = ["direction", "leadership", "trust", "feedback", "growth", "wellbeing", "execution"]

    var definition: SampleSurveyDefinition { SampleSurveyDefinition(organization: chart.organization, period: chart.period) }

    func write(responses path: String, definition definitionPath: String, with writer: SampleFileWriter) throws -> Summary {
        let definition = self.definition
        try writer.write(definitionPath, text: definition.yaml())
        let items = definition.items
        var summary = Summary()
        var responses: [Response] = []
        var random = SampleRandom(seed: chart.seed, stream: "survey")
        let closed = definition.closed
        let people = chart.people
        let lowTeams = Set(chart.cast.lowOneOnOneManagers.map { people[$0].teamIndex })
        let visibleTeams = lowTeams.union([chart.cast.lenientManager, chart.cast.severeManager].map { people[$0].teamIndex })

        for (teamIndex, team) in chart.teams.enumerated() {
            let effects = teamEffects(teamIndex, low: lowTeams.contains(teamIndex))
            let eligible = team.members.filter { people[$0].isEmployed(on: closed) && people[$0].hireDate <= closed.adding(days: -7) }
            let rate = min(0.97, max(0.55, 0.8 + 0.1 * random.normal()))
            var respondents: [Int] = []
            var others: [Int] = []
            for person in eligible {
                if random.chance(rate) { respondents.append(person) } else { others.append(person) }
            }
            if visibleTeams.contains(teamIndex) {
                while respondents.count < 6, !others.isEmpty { respondents.append(others.removeFirst()) }
            }
            for person in respondents {
                responses.append(response(person: person, team: team.name, effects: effects, items: items,
                                          progress: 100, random: &random))
                summary.counted += 1
            }
            // Some who did not answer started and gave up: unfinished rows.
            for person in others where random.chance(0.2) {
                var partial = response(person: person, team: team.name, effects: effects, items: items,
                                       progress: random.int(in: 10...80), random: &random)
                partial.finished = random.chance(0.5) ? "0" : "FALSE"
                responses.append(partial)
                summary.unfinished += 1
            }
        }
        // Survey administrators previewing the survey.
        let previewCount = max(2, summary.counted / 150)
        for _ in 0..<previewCount {
            let team = chart.teams[random.index(below: chart.teams.count)].name
            var preview = response(person: 0, team: team, effects: [:], items: items, progress: 100, random: &random)
            preview.status = "1"
            responses.append(preview)
        }
        summary.previews = previewCount
        responses.sort { ($0.time, $0.responseID) < ($1.time, $1.responseID) }
        plantScript(in: &responses)
        summary.rows = responses.count

        try writer.stream(path) { sink in
            try sink.write("\u{FEFF}")
            for row in headerRows(definition) { try sink.write(CSVText.row(row, lineEnding: "\r\n")) }
            for response in responses { try sink.write(CSVText.row(fields(response), lineEnding: "\r\n")) }
        }
        return summary
    }

    /// One team's offset per dimension; the planted low-1:1 teams are clearly worse on trust and well-being.
    private func teamEffects(_ team: Int, low: Bool) -> [String: Double] {
        var random = SampleRandom(seed: chart.seed, stream: "survey-team", index: team)
        var effects: [String: Double] = [:]
        for dimension in Self.dimensions { effects[dimension] = 0.15 * random.normal() }
        let cast = chart.cast
        let manager = chart.teams[team].managerIndex
        if low {
            effects["trust", default: 0] -= 1.6
            effects["wellbeing", default: 0] -= 1.4
            effects["leadership", default: 0] -= 0.9
            effects["feedback", default: 0] -= 0.8
            effects["growth", default: 0] -= 0.5
        } else if manager == cast.severeManager {
            effects["wellbeing", default: 0] -= 0.5
            effects["trust", default: 0] -= 0.4
        } else if manager == cast.lenientManager {
            effects["feedback", default: 0] += 0.3
            effects["leadership", default: 0] += 0.3
        }
        let mean = Self.dimensions.reduce(0) { $0 + (effects[$1] ?? 0) } / Double(Self.dimensions.count)
        effects[SampleSurveyDefinition.outcomeDimension] = mean * 0.8
        return effects
    }

    private func response(
        person: Int, team: String, effects: [String: Double], items: [SampleSurveyDefinition.Item], progress: Int,
        random: inout SampleRandom
    ) -> Response {
        let engagement = chart.people[person].engagement
        let closed = definition.closed
        let day = closed.adding(days: -random.int(in: 0...14))
        let end = day.dayNumber * 86_400 + random.int(in: 25_200...72_000)
        let answeredItems = progress >= 100 ? items.count : items.count * progress / 100
        var answers: [Int?] = []
        for (position, item) in items.enumerated() {
            guard position < answeredItems, !random.chance(0.03) else {
                answers.append(nil)
                continue
            }
            let latent = 3.75 + engagement + (effects[item.dimension] ?? 0) + item.bias + 0.6 * random.normal()
            let value = min(5, max(1, Int(latent.rounded())))
            answers.append(item.reverse ? 6 - value : value)
        }
        var enps: Int?
        var comment = ""
        if progress >= 100 {
            let mood = engagement + (effects[SampleSurveyDefinition.outcomeDimension] ?? 0)
            if !random.chance(0.02) {
                enps = min(10, max(0, Int((7.2 + 2.4 * mood + 1.5 * random.normal()).rounded())))
            }
            if random.chance(0.3) {
                let pool = mood < -0.3 ? SurveyLexicon.negative : mood > 0.3 ? SurveyLexicon.positive : SurveyLexicon.neutral
                comment = pool[random.index(below: pool.count)]
                if random.chance(0.05) { comment += "\nAlso: " + SurveyLexicon.neutral[random.index(below: SurveyLexicon.neutral.count)] }
                comment += " [\(SurveyLexicon.sentinel) \(random.int(in: 1_000...9_999))]"
            }
        }
        return Response(time: end, responseID: responseID(&random), team: team, status: "0", finished: "1",
                        progress: progress, answers: answers, enps: enps, comment: comment)
    }

    /// The first comment from a team with at least ten responses gets the script tag.
    private func plantScript(in responses: inout [Response]) {
        var counts: [String: Int] = [:]
        for response in responses where response.status == "0" && response.finished == "1" {
            counts[response.team, default: 0] += 1
        }
        let target = responses.indices.first { !responses[$0].comment.isEmpty && (counts[responses[$0].team] ?? 0) >= 10 }
            ?? responses.indices.first { !responses[$0].comment.isEmpty }
        if let target {
            responses[target].comment = SurveyLexicon.scriptComment + " [\(SurveyLexicon.sentinel) 1001]"
        }
    }

    private func responseID(_ random: inout SampleRandom) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var id = "R_"
        for _ in 0..<15 { id.append(alphabet[random.index(below: alphabet.count)]) }
        return id
    }

    private func headerRows(_ definition: SampleSurveyDefinition) -> [[String]] {
        let items = definition.items
        let zone = ",\"timeZone\":\"UTC\""
        let ids = ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
                   "ResponseId", "team"] + items.map(\.column) + [SampleSurveyDefinition.enpsColumn, SampleSurveyDefinition.commentColumn]
        let questions = ["Start Date", "End Date", "Response Type", "Progress", "Duration (in seconds)", "Finished",
                         "Recorded Date", "Response ID", "team"] + items.map(\.text)
            + [definition.enpsQuestion, definition.commentQuestion]
        let imports = ["{\"ImportId\":\"startDate\"\(zone)}", "{\"ImportId\":\"endDate\"\(zone)}", "{\"ImportId\":\"status\"}",
                       "{\"ImportId\":\"progress\"}", "{\"ImportId\":\"duration\"}", "{\"ImportId\":\"finished\"}",
                       "{\"ImportId\":\"recordedDate\"\(zone)}", "{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"team\"}"]
            + items.indices.map { "{\"ImportId\":\"QID\($0 + 1)\"}" }
            + ["{\"ImportId\":\"QID\(items.count + 1)\"}", "{\"ImportId\":\"QID\(items.count + 2)_TEXT\"}"]
        return [ids, questions, imports]
    }

    private func fields(_ response: Response) -> [String] {
        let start = timestamp(response.time - durationOf(response))
        let end = timestamp(response.time)
        var fields = [start, end, response.status, String(response.progress), String(durationOf(response)),
                      response.finished, end, response.responseID, response.team]
        for answer in response.answers {
            fields.append(answer.map { SampleSurveyDefinition.labels[$0 - 1] } ?? "")
        }
        fields.append(response.enps.map(String.init) ?? "")
        fields.append(response.comment)
        return fields
    }

    /// A stable duration derived from the response id, so it needs no stored state.
    private func durationOf(_ response: Response) -> Int {
        var hash = 0
        for byte in response.responseID.utf8 { hash = (hash &* 31 &+ Int(byte)) & 0xFFFF }
        let full = 140 + hash % 1_360
        return response.progress >= 100 ? full : full * response.progress / 100
    }

    private func timestamp(_ seconds: Int) -> String {
        let day = CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let within = seconds - day.dayNumber * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(day) \(two(within / 3_600)):\(two(within % 3_600 / 60)):\(two(within % 60))"
    }
}
