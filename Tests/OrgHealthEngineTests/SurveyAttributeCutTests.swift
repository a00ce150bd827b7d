import CultureSurveyAnalyzer
import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// The culture survey cut by roster attributes (config `cuts:`), through the real analyzer and
/// the real privacy gate: figures per location, level and tenure from responses that name
/// their person; a small location withheld and a second one hidden, so subtraction recovers
/// nothing; an export that names only teams gives no attribute figures, and says why.
///
/// Shapes: the responses are a plain CSV export with `employee_id` (and a `team` column) as
/// docs/analyzers/culture-survey.md "Whose response it is" describes; the roster has the
/// canonical `location`, `level` and `hire_date` columns of docs/INPUTS.md.
@Suite("Culture survey: cuts by roster attributes")
struct SurveyAttributeCutTests {
    /// One team (Web, department Eng, managed by M1 who does not answer): Berlin B1–B6 (level
    /// L3, hired 2026-01-15: tenure 0-1y on 2026-09-30), Lisbon L1–L5 (L1 at L3, the rest L4)
    /// and Austin A1–A4 (L4); Lisbon and Austin hired 2022-03-01 (2-5y).
    static let people: [(id: String, location: String, level: String, hired: String, t1: Int, e1: Int, enps: Int)] = [
        ("B1", "Berlin", "L3", "2026-01-15", 5, 5, 10), ("B2", "Berlin", "L3", "2026-01-15", 4, 5, 9),
        ("B3", "Berlin", "L3", "2026-01-15", 4, 4, 8), ("B4", "Berlin", "L3", "2026-01-15", 2, 4, 6),
        ("B5", "Berlin", "L3", "2026-01-15", 3, 2, 3), ("B6", "Berlin", "L3", "2026-01-15", 1, 3, 10),
        ("L1", "Lisbon", "L3", "2022-03-01", 4, 4, 9), ("L2", "Lisbon", "L4", "2022-03-01", 4, 4, 9),
        ("L3", "Lisbon", "L4", "2022-03-01", 4, 4, 7), ("L4", "Lisbon", "L4", "2022-03-01", 4, 3, 5),
        ("L5", "Lisbon", "L4", "2022-03-01", 2, 3, 0),
        ("A1", "Austin", "L4", "2022-03-01", 5, 5, 10), ("A2", "Austin", "L4", "2022-03-01", 5, 5, 10),
        ("A3", "Austin", "L4", "2022-03-01", 5, 5, 10), ("A4", "Austin", "L4", "2022-03-01", 5, 5, 10),
    ]

    static let definition = """
        id: pulse
        title: Pulse
        closed: 2026-09-10
        scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}
        groupColumn: team
        outcome: [e1]
        enps: {column: enps}
        items:
          - {id: t1, column: t1, text: "I can speak up.", dimension: trust}
          - {id: e1, column: e1, text: "I am proud to work here.", dimension: engagement}

        """

    /// Runs analyzer and gate with `cuts: [location, level, tenure]`; `withIDs: false` leaves the
    /// employee_id column out of the export.
    static func run(withIDs: Bool = true, blankID: String? = nil, options: [String: ConfigValue] = [:]) async throws -> AnalyzerResult {
        var roster = ["employee_id,manager_id,team,department,location,level,hire_date", "M1,,Exec,Leadership,Berlin,L9,2015-01-01"]
        var responses = [withIDs ? "employee_id,team,t1,e1,enps" : "team,t1,e1,enps"]
        for person in people {
            roster.append("\(person.id),M1,Web,Eng,\(person.location),\(person.level),\(person.hired)")
            responses.append((withIDs ? "\(person.id == blankID ? "" : person.id)," : "") + "Web,\(person.t1),\(person.e1),\(person.enps)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-cuts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Removing a scratch folder: a leftover in the temporary directory harms nothing.
        defer { try? FileManager.default.removeItem(at: folder) }
        let responsesURL = folder.appendingPathComponent("responses.csv")
        let definitionURL = folder.appendingPathComponent("survey.yml")
        try Data((responses.joined(separator: "\n") + "\n").utf8).write(to: responsesURL)
        try Data(definition.utf8).write(to: definitionURL)
        var rosterOptions = RosterOptions()
        rosterOptions.cuts = [RosterCut("location"), RosterCut("level"), RosterCut("tenure")]
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let read = try RosterReader(options: rosterOptions).read(csv: roster.joined(separator: "\n") + "\n")
        let cut = read.roster.cut(by: rosterOptions.cuts, on: period.end)
        let context = AnalysisContext(
            organization: "Cuts", period: period, roster: cut,
            inputs: ["culture-survey.responses": [responsesURL], "culture-survey.definition": [definitionURL]],
            options: AnalyzerOptions(options), privacy: PrivacyPolicy(minGroupSize: 5))
        let result = try await CultureSurveyAnalyzer().analyze(context)
        return PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: cut).apply(to: result).result
    }

    static let trust = "survey.dimension.trust.favorability"

    @Test("figures per location, level and tenure equal the hand arithmetic")
    func figures() async throws {
        let result = try await Self.run()
        func metric(_ id: String, _ scope: Scope) -> Metric? { result.metrics.first { $0.id == id && $0.scope == scope } }
        let berlin = Scope.attribute("location", "Berlin")
        // Berlin t1 5,4,4,2,3,1: favorable (≥ 4) 3 of 6 = 0.5.
        #expect(metric(Self.trust, berlin)?.value == 0.5 && metric(Self.trust, berlin)?.n == 6)
        // Berlin e1 5,5,4,4,2,3: 4 of 6 favorable.
        #expect(metric("survey.engagement", berlin)?.value.map { abs($0 - 4.0 / 6.0) < 1e-12 } == true)
        // Berlin eNPS 10,9,8,6,3,10: promoters 3, detractors 2, of 6 → 100 × 1 / 6.
        #expect(metric("survey.enps", berlin)?.value.map { abs($0 - 100.0 / 6.0) < 1e-9 } == true)
        // Item favorability comes too: the same 3 of 6 as the one-item dimension.
        #expect(metric("survey.item.t1.favorability", berlin)?.value == 0.5)
        // Participation: 6 responses of Berlin's 6 employed people (M1, also in Berlin, didn't answer: 6 of 7).
        #expect(metric("survey.participation", berlin)?.value.map { abs($0 - 6.0 / 7.0) < 1e-12 } == true)
        // Level L3 = B1–B6 and L1: t1 favorable 3 + 1 = 4 of 7; eNPS promoters 3 + 1, detractors 2 → 100 × 2 / 7.
        #expect(metric(Self.trust, .attribute("level", "L3"))?.value.map { abs($0 - 4.0 / 7.0) < 1e-12 } == true)
        #expect(metric("survey.enps", .attribute("level", "L3"))?.value.map { abs($0 - 200.0 / 7.0) < 1e-9 } == true)
        // Level L4 = L2–L5 and A1–A4: t1 favorable 3 + 4 = 7 of 8.
        #expect(metric(Self.trust, .attribute("level", "L4"))?.value == 0.875)
        // Tenure 0-1y = Berlin (0.5); 2-5y = Lisbon and Austin: 4 + 4 = 8 of 9.
        #expect(metric(Self.trust, .attribute("tenure", "0-1y"))?.value == 0.5)
        #expect(metric(Self.trust, .attribute("tenure", "2-5y"))?.value.map { abs($0 - 8.0 / 9.0) < 1e-12 } == true)
        // No comment, α or driver figure per attribute, and no team × attribute scope at all.
        #expect(!result.metrics.contains { $0.scope.kind == .attribute && ($0.id.contains("alpha") || $0.id.contains("driver")) })
        #expect(!result.metrics.contains { $0.scope.kind == .attribute && $0.id == "survey.comments" })
        #expect(!result.diagnostics.contains { $0.message.contains("not cut by attribute") })
    }

    @Test("Austin (4 < 5) is withheld, Lisbon hidden besides: org minus Berlin gives only a mix")
    func subtractionRecoversNothing() async throws {
        let result = try await Self.run()
        for id in [Self.trust, "survey.enps", "survey.engagement"] {
            func metric(_ scope: Scope) -> Metric? { result.metrics.first { $0.id == id && $0.scope == scope } }
            #expect(metric(.attribute("location", "Austin"))?.suppressed == .minGroupSize, "\(id)")
            #expect(metric(.attribute("location", "Lisbon"))?.suppressed == .secondary, "\(id)")
            #expect(metric(.attribute("location", "Berlin"))?.value != nil, "\(id)")
        }
        // The attack on trust: org 11 of 15 favorable (3 + 4 + 4), minus Berlin's 3 of 6 →
        // 8 of 9: Lisbon and Austin together, not Austin's 4 of 4.
        let org = try #require(result.metrics.first { $0.id == Self.trust && $0.scope == .org })
        let shown = result.metrics.filter {
            $0.id == Self.trust && $0.scope.attribute?.name == "location" && $0.value != nil
        }
        let left = (org.value ?? 0) * Double(org.n) - shown.reduce(0) { $0 + ($1.value ?? 0) * Double($1.n) }
        let leftN = org.n - shown.reduce(0) { $0 + $1.n }
        #expect(org.n == 15 && leftN == 9)
        #expect(abs(left / Double(leftN) - 8.0 / 9.0) < 1e-9)
    }

    @Test("counting on a second task (the batch hand-over) gives the same attribute figures as one task")
    func parallelPass() async throws {
        let single = try await Self.run(options: ["threads": .number(1)])
        let parallel = try await Self.run(options: ["threads": .number(2), "parallelAboveBytes": .number(0)])
        let cut = { (result: AnalyzerResult) in result.metrics.filter { $0.scope.kind == .attribute } }
        #expect(!cut(single).isEmpty)
        #expect(cut(single) == cut(parallel))
    }

    @Test("a response with a team but a blank id counts for its team only; the note says so, and no participation per value")
    func blankID() async throws {
        let result = try await Self.run(blankID: "B1")
        // Web still has all 15 responses; Berlin only the 5 with an id: t1 4,4,2,3,1 → 2 of 5.
        #expect(result.metrics.first { $0.id == "survey.responses" && $0.scope == .team("Web") }?.value == 15)
        #expect(result.metrics.first { $0.id == Self.trust && $0.scope == .attribute("location", "Berlin") }?.n == 5)
        #expect(!result.metrics.contains { $0.id == "survey.participation" && $0.scope.kind == .attribute })
        #expect(result.diagnostics.contains { $0.message.hasPrefix("1 of 15 responses named no person found in the roster") })
    }

    @Test("an export naming only teams gives no attribute figures, and the note says why")
    func teamsOnly() async throws {
        let result = try await Self.run(withIDs: false)
        #expect(!result.metrics.contains { $0.scope.kind == .attribute })
        // The team figures are there as before: Web's t1 11 of 15.
        #expect(result.metrics.first { $0.id == Self.trust && $0.scope == .team("Web") }?.value
            .map { abs($0 - 11.0 / 15.0) < 1e-12 } == true)
        let note = try #require(result.diagnostics.first { $0.message.contains("not cut by attribute") })
        #expect(note.message == "not cut by attribute: the export names teams, not people; add employee_id to cut the "
            + "survey by location, level, tenure")
    }
}
