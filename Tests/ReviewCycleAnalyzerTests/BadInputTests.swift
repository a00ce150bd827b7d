import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

private let roster = """
    employee_id,manager_id,team,department
    M1,,Alpha,Engineering
    A1,M1,Alpha,Engineering
    A2,M1,Alpha,Engineering
    A3,M1,Alpha,Engineering
    A4,M1,Alpha,Engineering

    """

@Suite("Bad input")
struct BadInputTests {
    /// Line numbers are the file's: the header is line 1.
    let reviews = """
        \(reviewHeader)
        c1,A1,A1,self,submitted,2026-09-15,2026-09-10,4,
        c1,A2,M1,manager,submitted,2026-09-15,2026-09-10,7,
        c1,A2,A3,mentor,submitted,2026-09-15,2026-09-10,4,
        c1,A3,A3,self,done,2026-09-15,2026-09-10,4,
        c1,ZZ9,M1,manager,submitted,2026-09-15,2026-09-10,3,
        c1,A4,A4,self,submitted,2026-09-15,,4,
        c1,A4,M1,manager,submitted,15/09/2026,2026-09-10,3,
        c1,A3,M1,manager,submitted,2026-09-15,yesterday,3,
        c1,A1
        c1,A1,M1,manager,submitted,2026-09-15,2026-09-12,3,fine
        c1,A2,M1,manager,submitted,2026-09-15,2026-09-12,excellent,

        """

    @Test("each bad row is a diagnostic with file and line, and is skipped; the rest is analysed")
    func badRows() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10, 12])
        #expect(errors.allSatisfy { $0.source == "reviews.csv" })
        #expect(errors.allSatisfy { $0.message.contains("the row was skipped") })
        #expect(errors[0].message.contains("outside the scale 1–5"))
        #expect(errors[1].message.contains("relationship"))
        #expect(errors[2].message.contains("status"))
        #expect(errors[3].message.contains("reviewee ZZ9 is not in the roster"))
        #expect(errors[4].message.contains("submitted_at is empty"))
        #expect(errors[5].message.contains("due_date"))
        #expect(errors[6].message.contains("submitted_at is not an ISO date"))
        #expect(errors[7].message.contains("fields"))
        #expect(errors[8].message.contains("neither a number on the scale"))
        // Diagnostics never quote the bad values themselves.
        for text in ["mentor", "done", "15/09/2026", "yesterday", "excellent"] {
            #expect(!result.diagnostics.contains { $0.message.contains(text) })
        }
        // What is left: A1's self review (line 2) and M1's rating 3 of A1 (line 11).
        #expect(result.value("reviews.completionRate.self") == 1)
        #expect(result.metric("reviews.completionRate.self")?.n == 1)
        #expect(result.value("reviews.ratingMean") == 3)
        #expect(result.metric("reviews.ratingMean")?.n == 1)
    }

    @Test("repeated problems are listed by line up to a limit, then counted")
    func capped() async throws {
        var lines = [reviewHeader]
        for _ in 0..<25 { lines.append("c1,A1,M1,manager,submitted,2026-09-15,2026-09-10,9,") }
        let result = try await ReviewFixture(roster: roster, reviews: lines.joined(separator: "\n")).run()
        #expect(result.diagnostics.filter { $0.line != nil }.count == 20)
        #expect(result.diagnostics.contains { $0.line == nil && $0.message.hasPrefix("5 more rows had the same problem") })
    }

    @Test("a missing required column fails the analyzer, naming the column and the mapping key")
    func missingColumns() async throws {
        let reviews = "cycle_id,reviewee_id,reviewer_id,relationship,due_date,submitted_at\n"
            + "c1,A1,A1,self,2026-09-15,2026-09-10\n"
        do {
            _ = try await ReviewFixture(roster: roster, reviews: reviews).run()
            Issue.record("expected an AnalyzerError")
        } catch let error as AnalyzerError {
            #expect(error.source == "reviews.csv")
            #expect(error.line == 1)
            #expect(error.message.contains("'status', 'rating'"))
            #expect(error.message.contains("columns.review-cycles.status, columns.review-cycles.rating"))
        }
    }

    @Test("a mapped column that is missing is named by the export's header")
    func missingMappedColumn() async throws {
        var fixture = ReviewFixture(roster: roster, reviews: reviewHeader + "\n")
        fixture.options = ["columns": .object(["reviewee_id": .string("Employee")])]
        do {
            _ = try await fixture.run()
            Issue.record("expected an AnalyzerError")
        } catch let error as AnalyzerError {
            #expect(error.message.contains("no column 'Employee'"))
            #expect(error.message.contains("columns.review-cycles.reviewee_id"))
        }
    }

    @Test("a bad scale in the options fails with the key to fix")
    func badScale() async throws {
        var fixture = ReviewFixture(roster: roster, reviews: reviewHeader + "\n")
        fixture.options = ["scale": .object(["min": .number(5), "max": .number(1)])]
        await #expect(throws: AnalyzerError.self) { try await fixture.run() }
        fixture.options = ["scale": .object(["labels": .object(["Superb": .number(9)])])]
        do {
            _ = try await fixture.run()
            Issue.record("expected an AnalyzerError")
        } catch let error as AnalyzerError {
            #expect(error.message.hasPrefix("analyzers.review-cycles.scale.labels: 'Superb'"))
        }
    }

    @Test("a misspelt option fails rather than falling back to its default")
    func unknownOption() async throws {
        var fixture = ReviewFixture(roster: roster, reviews: reviewHeader + "\n")
        fixture.options = ["lowCompletionBelw": .number(0.9)]
        do {
            _ = try await fixture.run()
            Issue.record("expected an AnalyzerError")
        } catch let error as AnalyzerError {
            #expect(error.message.hasPrefix("analyzers.review-cycles.lowCompletionBelw is not an option"))
        }
    }
}
