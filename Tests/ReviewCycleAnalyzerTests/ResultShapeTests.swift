import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

private let roster = """
    employee_id,manager_id,team,department,name
    CEO,,Exec,Leadership,Cora Exec
    M1,CEO,Alpha,Engineering,Mia One
    A1,M1,Alpha,Engineering,Ann
    A2,M1,Alpha,Engineering,Ben
    A3,M1,Alpha,Engineering,Cai
    A4,M1,Alpha,Engineering,Dee
    A5,M1,Alpha,Engineering,Eve
    M2,CEO,Beta,Sales,Max Two
    B1,M2,Beta,Sales,Fay
    B2,M2,Beta,Sales,Gus

    """

/// A full cycle for Alpha and part of one for Beta, with comments carrying a marker.
private let reviews: String = {
    var lines = [reviewHeader]
    for (index, rating) in [5, 4, 3, 4, 2].enumerated() {
        let person = "A\(index + 1)"
        lines.append("c1,\(person),\(person),self,submitted,2026-09-15,2026-09-10,4,MARKER self note")
        lines.append("c1,\(person),M1,manager,submitted,2026-09-15,2026-09-16,\(rating),MARKER manager note")
        lines.append("c1,M1,\(person),upward,submitted,2026-09-15,2026-09-12,3,MARKER upward note")
    }
    lines.append("c1,B1,M2,manager,submitted,2026-09-15,2026-09-10,3,MARKER")
    lines.append("c1,B2,M2,manager,not_started,2026-09-15,,,")
    return lines.joined(separator: "\n") + "\n"
}()

@Suite("Result shape")
struct ResultShapeTests {
    @Test("descriptor: id, input, dimensions, and a definition for every metric id emitted")
    func descriptor() async throws {
        let analyzer = ReviewCycleAnalyzer()
        #expect(analyzer.descriptor.id == "review-cycles")
        #expect(analyzer.descriptor.version == "1.0.0")
        #expect(analyzer.descriptor.inputs == [InputRequirement(kind: "review-cycles", required: true)])
        #expect(analyzer.descriptor.dimensions == [.execution, .feedback, .leadership, .direction])
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        let definitions = analyzer.descriptor.metrics.map(\.id)
        for id in Set(result.metrics.map(\.id)) {
            let covered = definitions.contains { $0 == id || ($0.hasSuffix(".") && id.hasPrefix($0)) }
            #expect(covered, "no definition covers \(id)")
        }
    }

    @Test("every metric is a reviews.* figure with its n; manager scope holds only per-manager figures")
    func metricsCarryN() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        #expect(!result.metrics.isEmpty)
        #expect(result.metrics.allSatisfy { $0.id.hasPrefix("reviews.") && $0.n > 0 && $0.value != nil })
        let managerIDs = Set(result.metrics.filter { $0.scope.kind == .manager }.map(\.id))
        #expect(managerIDs == ["reviews.ratingMean", "reviews.leniency", "reviews.upwardScore"])
        // Beta: B1 rated, B2 not started; the team's completion rests on 2 people.
        #expect(result.value("reviews.completionRate", .team("Beta")) == 0.5)
        #expect(result.metric("reviews.completionRate", .team("Beta"))?.n == 2)
        // Signals rest on a metric at their own scope.
        for signal in result.signals {
            #expect(result.metric(signal.basis ?? "", signal.scope) != nil, "signal basis \(signal.basis ?? "-") at \(signal.scope)")
        }
        // Findings rest on metrics at their own scope, and have unique ids.
        for finding in result.findings {
            #expect(finding.evidence.allSatisfy { result.metric($0, finding.scope) != nil }, "\(finding.id)")
        }
        #expect(Set(result.findings.map(\.id)).count == result.findings.count)
    }

    @Test("no comment text and no person's own rating appears anywhere in the result")
    func privacy() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        let json = result.json
        #expect(!json.contains("MARKER"))
        #expect(!json.contains("note"))
        // Only group scopes and managers: never a reviewee's own scope or name.
        for name in ["Ann", "Ben", "Cai", "Dee", "Eve", "Fay", "Gus"] {
            #expect(!json.contains(name))
        }
        #expect(!result.metrics.contains { ["A1", "A2", "A3", "A4", "A5", "B1", "B2"].contains($0.scope.name) })
    }

    @Test("the same input gives the same result, byte for byte")
    func deterministic() async throws {
        // Two cycles with self ratings of 3.5 and manager ratings in thirds of the scale, so
        // that sums depend on their order if it is not fixed.
        var lines = [reviewHeader]
        for (index, person) in ["A1", "A2", "A3", "A4", "A5"].enumerated() {
            for cycle in ["c1", "c2"] {
                lines.append("\(cycle),\(person),\(person),self,submitted,2026-09-15,2026-09-10,3.5,")
                lines.append("\(cycle),\(person),M1,manager,submitted,2026-09-15,2026-09-10,\(1 + index % 3),")
                lines.append("\(cycle),M1,\(person),upward,submitted,2026-09-15,2026-09-10,\(2 + index % 2),")
            }
        }
        let fixture = ReviewFixture(roster: roster, reviews: lines.joined(separator: "\n"))
        let first = try await fixture.run().json
        for _ in 0..<3 {
            #expect(try await fixture.run().json == first)
        }
    }
}
