import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: privacy at the result level")
struct SurveyPrivacyTests {
    func json(_ result: AnalyzerResult) throws -> String {
        String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
    }

    @Test("every figure carries the respondents it rests on, so the gate can withhold small groups")
    func honestN() async throws {
        let result = try await SurveyFixture.analyze()
        let responses = ["Platform": 12, "Web": 5, "Data": 3, "Field": 6]
        for metric in result.metrics where metric.scope.kind == .team {
            let team = metric.scope.name
            #expect(metric.n >= 1 && metric.n <= responses[team, default: 0], "\(metric.id) at \(metric.scope)")
        }
        // Data's 3 responses: every Data figure has n ≤ 3, so every one is under the minimum of 5.
        #expect(result.metrics.filter { $0.scope == .team("Data") }.allSatisfy { $0.n <= 3 })
        #expect(result.metric("survey.responses", .team("Data"))?.n == 3)
        // Item figures rest on the item's answers: Platform's trust2 is blank once.
        #expect(result.metric("survey.item.trust2.favorability", .team("Platform"))?.n == 11)
        #expect(result.metric("survey.dimension.trust.favorability", .team("Platform"))?.n == 12)
        // A team with no responses (Exec) gives no figure at all rather than a zero.
        #expect(!result.metrics.contains { $0.scope == .team("Exec") })
        #expect(!result.metrics.contains { $0.scope == .department("Leadership") })
    }

    @Test("signals, findings, rows and points all point at metrics that exist at their scope")
    func traceable() async throws {
        let result = try await SurveyFixture.analyze(privacy: PrivacyPolicy(comments: .include, minCommentGroupSize: 3))
        let keys = Set(result.metrics.map { "\($0.id)|\($0.scope.id)" })
        let n = Dictionary(result.metrics.map { ("\($0.id)|\($0.scope.id)", $0.n) }, uniquingKeysWith: { first, _ in first })
        for signal in result.signals {
            let key = "\(signal.basis ?? "")|\(signal.scope.id)"
            #expect(keys.contains(key), "signal \(signal.dimension) at \(signal.scope)")
            #expect(n[key] == signal.n)
            #expect((0...100).contains(signal.score ?? -1))
        }
        for finding in result.findings {
            #expect(!finding.evidence.isEmpty)
            for id in finding.evidence { #expect(keys.contains("\(id)|\(finding.scope.id)"), "\(finding.id): \(id)") }
        }
        #expect(Set(result.findings.map(\.id)).count == result.findings.count)
        var references: [DataReference] = []
        for section in result.sections {
            for block in section.blocks {
                switch block {
                case .table(let table): references += table.rows.compactMap(\.ref)
                case .chart(let chart): references += chart.series.flatMap { $0.points.compactMap(\.ref) }
                case .text: break
                }
            }
        }
        #expect(!references.isEmpty)
        for reference in references {
            let key = "\(reference.metric ?? "")|\(reference.scope.id)"
            #expect(keys.contains(key), "reference to \(key)")
            #expect(reference.n == n[key], "n of \(key)")
        }
    }

    @Test("under comments: themes, comments appear only as theme counts, never as text")
    func themesOnly() async throws {
        let result = try await SurveyFixture.analyze()
        let platform = Scope.team("Platform")
        // Platform's comments: "…workload is heavy" (workload), "…manager keeps cancelling our 1:1s" (manager),
        // "Too much overtime…" (workload): 3 commenters, workload 2, manager 1.
        #expect(result.metric("survey.comments", platform)?.n == 3)
        #expect(result.value("survey.commentTheme.workload", platform) == 2)
        #expect(result.metric("survey.commentTheme.workload", platform)?.n == 3)
        #expect(result.value("survey.commentTheme.manager", platform) == 1)
        // Web's one comment mentions a career path: n = 1.
        #expect(result.value("survey.commentTheme.career", .team("Web")) == 1)
        #expect(result.metric("survey.commentTheme.career", .team("Web"))?.n == 1)
        #expect(result.value("survey.comments") == 4)
        let text = try json(result)
        for fragment in ["overtime", "cancelling", "alert(1)", "workload is heavy", "career path"] {
            #expect(!text.contains(fragment), "\(fragment)")
        }
    }

    func verbatimRows(_ result: AnalyzerResult) -> [ReportTable.Row] {
        result.sections.filter { $0.title == "Comments" }.flatMap(\.blocks).flatMap { block -> [ReportTable.Row] in
            if case .table(let table) = block { return table.rows }
            return []
        }
    }

    @Test("under comments: include, verbatims only for groups with enough commenters; markup kept as plain text")
    func verbatims() async throws {
        // Engineering's commenters: Platform 3, Web 1. With a threshold of 3 Web does not qualify on its own,
        // so Engineering's 4 comments are shown together, in alphabetical order, under the department.
        let result = try await SurveyFixture.analyze(privacy: PrivacyPolicy(comments: .include, minCommentGroupSize: 3))
        let rows = verbatimRows(result)
        #expect(rows.map { $0.cells.last ?? "" } == [
            "<script>alert(1)</script> no career path", "Great team, but the workload is heavy",
            "My manager keeps cancelling our 1:1s", "Too much overtime <b>really</b>",
        ])
        #expect(rows.allSatisfy { $0.cells.first == "Engineering" && $0.ref?.scope == .department("Engineering") })
        #expect(rows.allSatisfy { $0.ref?.metric == "survey.comments" && $0.ref?.n == 4 })
        #expect(result.metric("survey.comments", .department("Engineering"))?.n == 4)

        // Without Web's comment, every Engineering team with comments qualifies: Platform's are shown as Platform's.
        var quiet = SurveyFixture.rows
        quiet[12].comment = ""
        let byTeam = try await SurveyFixture.analyze(
            responses: SurveyFixture.plainCSV(quiet), privacy: PrivacyPolicy(comments: .include, minCommentGroupSize: 3))
        let teamRows = verbatimRows(byTeam)
        #expect(teamRows.count == 3)
        #expect(teamRows.allSatisfy { $0.cells.first == "Platform" && $0.ref?.scope == .team("Platform") && $0.ref?.n == 3 })

        // Above every group's commenters, nothing verbatim at all.
        let stricter = try await SurveyFixture.analyze(privacy: PrivacyPolicy(comments: .include, minCommentGroupSize: 5))
        #expect(verbatimRows(stricter).isEmpty)
        for fragment in ["overtime", "alert(1)", "cancelling"] { #expect(!(try json(stricter)).contains(fragment)) }
    }

    @Test("under comments: exclude, there are no comment figures at all")
    func excluded() async throws {
        let result = try await SurveyFixture.analyze(privacy: PrivacyPolicy(comments: .exclude))
        #expect(!result.metrics.contains { $0.id.hasPrefix("survey.comment") })
        #expect(!result.sections.contains { $0.title.contains("Comment") })
    }

    @Test("above the detail budget, item and theme figures stop at department level")
    func detailBudget() async throws {
        let result = try await SurveyFixture.analyze(options: ["teamDetailBudget": .number(10)])
        #expect(!result.metrics.contains { $0.scope.kind == .team && $0.id.hasPrefix("survey.item.") })
        #expect(!result.metrics.contains { $0.scope.kind == .team && $0.id.hasPrefix("survey.commentTheme.") })
        #expect(result.metric("survey.item.trust1.favorability", .department("Engineering")) != nil)
        #expect(result.metric("survey.dimension.trust.favorability", .team("Web")) != nil)
        #expect(result.diagnostics.contains { $0.severity == .info && $0.message.contains("teamItemDetail") })
    }
}
