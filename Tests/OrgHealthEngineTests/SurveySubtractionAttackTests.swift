import CultureSurveyAnalyzer
import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// Tries to recover a hidden team's survey figures by subtracting its visible siblings from
/// its department — after the real survey analyzer and the real privacy gate — and fails to.
@Suite("Survey privacy: the subtraction attack")
struct SurveySubtractionAttackTests {
    /// Engineering: Platform (7 responses), Web (5), Data (3 — under the minimum of 5); Sales: Field (6).
    static let teams: [(team: String, department: String, answers: [[Int]])] = [
        ("Platform", "Engineering", [[5, 4], [4, 4], [4, 5], [3, 3], [5, 5], [2, 2], [4, 4]]),
        ("Web", "Engineering", [[2, 2], [3, 2], [2, 3], [3, 3], [1, 2]]),
        ("Data", "Engineering", [[5, 5], [4, 5], [5, 4]]),
        ("Field", "Sales", [[4, 4], [3, 3], [4, 4], [5, 5], [4, 3], [2, 2]]),
    ]

    static let definition = """
        id: attack
        title: Attack
        closed: 2026-09-10
        scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}
        groupColumn: team
        outcome: [e1]
        items:
          - {id: t1, column: T1, text: "I can speak up.", dimension: trust}
          - {id: e1, column: E1, text: "I am proud to work here.", dimension: engagement}

        """

    func gatedResult() async throws -> (AnalyzerResult, Roster) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var roster = ["employee_id,manager_id,team,department", "CEO,,Exec,Leadership"]
        var responses = ["team,T1,E1"]
        for entry in Self.teams {
            for index in 0..<(entry.answers.count + 1) { roster.append("\(entry.team)\(index),CEO,\(entry.team),\(entry.department)") }
            for answer in entry.answers { responses.append("\(entry.team),\(answer[0]),\(answer[1])") }
        }
        let responsesURL = folder.appendingPathComponent("responses.csv")
        let definitionURL = folder.appendingPathComponent("survey.yml")
        try (responses.joined(separator: "\n") + "\n").write(to: responsesURL, atomically: true, encoding: .utf8)
        try Self.definition.write(to: definitionURL, atomically: true, encoding: .utf8)
        let rosterValue = try RosterReader().read(csv: roster.joined(separator: "\n") + "\n").roster
        let context = AnalysisContext(
            organization: "Attack", period: try ReportingPeriod(parsing: "2026-Q3"), roster: rosterValue,
            inputs: ["culture-survey.responses": [responsesURL], "culture-survey.definition": [definitionURL]])
        let result = try await CultureSurveyAnalyzer().analyze(context)
        return (PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: rosterValue).apply(to: result).result, rosterValue)
    }

    @Test("no figure of the hidden team can be derived from its department and its visible siblings")
    func attackFails() async throws {
        let (result, _) = try await gatedResult()
        let engineeringTeams: Set<Scope> = [.team("Platform"), .team("Web"), .team("Data")]
        // Data's true trust favorability: 3 of 3 answers ≥ 4.
        let dataTrust = result.metrics.first { $0.id == "survey.dimension.trust.favorability" && $0.scope == .team("Data") }
        #expect(dataTrust != nil && dataTrust?.value == nil, "Data's figure must be present but withheld")

        let families = Set(result.metrics.filter { $0.scope == .department("Engineering") }.map(\.id))
        #expect(!families.isEmpty)
        for family in families {
            guard let department = result.metrics.first(where: { $0.id == family && $0.scope == .department("Engineering") }),
                  let departmentValue = department.value else { continue }  // a hidden parent leaks nothing
            let teams = result.metrics.filter { $0.id == family && engineeringTeams.contains($0.scope) }
            let visible = teams.filter { $0.value != nil }
            let hidden = teams.filter { $0.value == nil && $0.n > 0 }
            // The attack: parent × n minus every visible sibling × n leaves the hidden remainder.
            let remainderN = department.n - visible.reduce(0) { $0 + $1.n }
            #expect(hidden.count != 1, "\(family): exactly one team hidden under a visible department")
            if let onlyHidden = hidden.first, hidden.count == 1, department.unit == .ratio {
                let remainder = (departmentValue * Double(department.n)
                                 - visible.reduce(0.0) { $0 + ($1.value ?? 0) * Double($1.n) }) / Double(remainderN)
                Issue.record("\(family): the hidden \(onlyHidden.scope) is recoverable as \(remainder)")
            }
        }
    }

    @Test("the secondary suppression hides the next-smallest sibling, not the larger one")
    func secondaryChoice() async throws {
        let (result, _) = try await gatedResult()
        let family = "survey.dimension.trust.favorability"
        func reason(_ team: String) -> SuppressionReason? {
            result.metrics.first { $0.id == family && $0.scope == .team(team) }?.suppressed
        }
        #expect(reason("Data") == .minGroupSize)
        #expect(reason("Web") == .secondary)
        #expect(reason("Platform") == nil)
        // Sales has one team: Field is visible (6 responses) and equals its department — nothing is hidden there.
        #expect(reason("Field") == nil)
    }
}
