import CultureSurveyAnalyzer
import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// The culture survey per reporting line, through the real analyzer and gate, without cuts:
/// T manages M1, who manages the fifteen people of ``SurveyAttributeCutTests/people`` (team
/// Web). `line:T` = M1 and the fifteen; M1's reports have no reports, so `line:M1` is not a
/// scope. Only a response that names its person can count in a line.
@Suite("Culture survey: reporting lines")
struct SurveyLineTests {
    static func run(withIDs: Bool) async throws -> AnalyzerResult {
        var roster = ["employee_id,manager_id,team,department", "T,,Exec,Leadership", "M1,T,Exec,Leadership"]
        var responses = [withIDs ? "employee_id,team,t1,e1,enps" : "team,t1,e1,enps"]
        for person in SurveyAttributeCutTests.people {
            roster.append("\(person.id),M1,Web,Eng")
            responses.append((withIDs ? "\(person.id)," : "") + "Web,\(person.t1),\(person.e1),\(person.enps)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Removing a scratch folder: a leftover in the temporary directory harms nothing.
        defer { try? FileManager.default.removeItem(at: folder) }
        let responsesURL = folder.appendingPathComponent("responses.csv")
        let definitionURL = folder.appendingPathComponent("survey.yml")
        try Data((responses.joined(separator: "\n") + "\n").utf8).write(to: responsesURL)
        try Data(SurveyAttributeCutTests.definition.utf8).write(to: definitionURL)
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let read = try RosterReader().read(csv: roster.joined(separator: "\n") + "\n")
        let context = AnalysisContext(
            organization: "Lines", period: period, roster: read.roster,
            inputs: ["culture-survey.responses": [responsesURL], "culture-survey.definition": [definitionURL]],
            privacy: PrivacyPolicy(minGroupSize: 5))
        let result = try await CultureSurveyAnalyzer().analyze(context)
        return PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: read.roster).apply(to: result).result
    }

    @Test("responses that name people count in the line above them: figures by hand")
    func namedResponses() async throws {
        let result = try await Self.run(withIDs: true)
        func metric(_ id: String) -> Metric? { result.metrics.first { $0.id == id && $0.scope == .line("T") } }
        // All 15 answer; t1 ≥ 4 (favourable): B1, B2, B3, L1 … L4, A1 … A4 = 11 of 15.
        #expect(metric("survey.responses")?.value == 15)
        #expect(metric("survey.dimension.trust.favorability")?.value == 11.0 / 15.0)
        #expect(metric("survey.dimension.trust.favorability")?.n == 15)
        // Participation: 15 responses of the line's 16 employed people (M1 did not answer).
        #expect(metric("survey.participation")?.value == 15.0 / 16.0)
        #expect(!result.metrics.contains { $0.scope == .line("M1") })
        // No α, drivers or comment themes per line.
        #expect(!result.metrics.contains { $0.scope.kind == .line && ($0.id.contains("alpha") || $0.id.contains("driver") || $0.id.contains("theme")) })
    }

    @Test("an export that names teams only gives no line figures")
    func teamOnlyExport() async throws {
        let result = try await Self.run(withIDs: false)
        #expect(result.metrics.contains { $0.scope == .team("Web") })
        #expect(!result.metrics.contains { $0.scope.kind == .line })
    }
}
