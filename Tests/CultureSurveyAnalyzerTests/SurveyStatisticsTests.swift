import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

/// Textbook arithmetic over the fixture rows, written apart from the streaming code: plain
/// loops, two-pass sample variances, Pearson's r from deviations about the means.
private enum Reference {
    typealias Row = SurveyFixture.Row

    /// The answers after reverse coding (T2 is reverse-coded: x → 1 + 5 − x).
    static func recoded(_ row: Row) -> [Double?] {
        row.answers.enumerated().map { index, answer in answer.map { Double(index == 1 ? 6 - $0 : $0) } }
    }

    static func favorability(_ rows: [Row], items: [Int]) -> Double {
        var favorable = 0.0, answered = 0.0
        for row in rows {
            let values = recoded(row)
            for item in items {
                guard let value = values[item] else { continue }
                answered += 1
                if value >= 4 { favorable += 1 }
            }
        }
        return favorable / answered
    }

    static func enps(_ rows: [Row]) -> Double {
        let answers = rows.compactMap(\.enps)
        let promoters = answers.filter { $0 >= 9 }.count
        let detractors = answers.filter { $0 <= 6 }.count
        return 100 * Double(promoters - detractors) / Double(answers.count)
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    static func sampleVariance(_ values: [Double]) -> Double {
        let center = mean(values)
        return values.map { ($0 - center) * ($0 - center) }.reduce(0, +) / Double(values.count - 1)
    }

    /// Cronbach's α over the rows that answered every item.
    static func alpha(_ rows: [Row], items: [Int]) -> Double {
        let complete = rows.map(recoded).filter { values in items.allSatisfy { values[$0] != nil } }
        let columns = items.map { item in complete.map { $0[item] ?? 0 } }
        let totals = complete.map { values in items.reduce(0.0) { $0 + (values[$1] ?? 0) } }
        let k = Double(items.count)
        return k / (k - 1) * (1 - columns.map(sampleVariance).reduce(0, +) / sampleVariance(totals))
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let meanX = mean(x), meanY = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Pearson's r of an item with the engagement score (mean of answered E1, E2), pairwise complete.
    static func driver(_ rows: [Row], item: Int) -> Double {
        var x: [Double] = [], y: [Double] = []
        for row in rows {
            let values = recoded(row)
            let outcome = [values[4], values[5]].compactMap { $0 }
            guard let answer = values[item], !outcome.isEmpty else { continue }
            x.append(answer)
            y.append(mean(outcome))
        }
        return pearson(x, y)
    }
}

@Suite("Culture survey: figures against independent arithmetic")
struct SurveyStatisticsTests {
    let rows = SurveyFixture.rows
    let ids = SurveyFixture.itemIDs

    func close(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= tolerance
    }

    @Test("favorability, engagement and eNPS match at every scope")
    func favorability() async throws {
        let result = try await SurveyFixture.analyze()
        let scopes: [(Scope, [SurveyFixture.Row])] = [
            (.org, rows),
            (.department("Engineering"), rows.filter { $0.team != "Field" }),
            (.department("Sales"), rows.filter { $0.team == "Field" }),
        ] + ["Platform", "Web", "Data", "Field"].map { team in (.team(team), rows.filter { $0.team == team }) }
        for (scope, members) in scopes {
            for item in ids.indices {
                #expect(close(result.value("survey.item.\(ids[item]).favorability", scope),
                              Reference.favorability(members, items: [item])), "\(ids[item]) at \(scope)")
            }
            #expect(close(result.value("survey.dimension.trust.favorability", scope),
                          Reference.favorability(members, items: [0, 1, 2])), "trust at \(scope)")
            #expect(close(result.value("survey.engagement", scope), Reference.favorability(members, items: [4, 5])))
            #expect(close(result.value("survey.enps", scope), Reference.enps(members)), "eNPS at \(scope)")
        }
    }

    @Test("Cronbach's α per dimension (sample variances, complete cases) matches")
    func alpha() async throws {
        let result = try await SurveyFixture.analyze()
        #expect(close(result.value("survey.alpha.trust"), Reference.alpha(rows, items: [0, 1, 2])))
        #expect(close(result.value("survey.alpha.engagement"), Reference.alpha(rows, items: [4, 5])))
        // 26 rows; Platform row 8 lacks T2 → 25 complete for trust; Field row 6 lacks E2 → 25 for engagement.
        #expect(result.metric("survey.alpha.trust")?.n == 25)
        #expect(result.metric("survey.alpha.engagement")?.n == 25)
        // One item: no α. Org scope only.
        #expect(result.metric("survey.alpha.wellbeing") == nil)
        #expect(!result.metrics.contains { $0.id.hasPrefix("survey.alpha.") && $0.scope != .org })
    }

    @Test("driver correlations (Pearson r with the engagement score, pairwise complete) match")
    func drivers() async throws {
        let result = try await SurveyFixture.analyze()
        for item in 0..<4 {
            #expect(close(result.value("survey.driver.\(ids[item])"), Reference.driver(rows, item: item)), "\(ids[item])")
        }
        // trust2 is blank once: 25 pairs; the outcome items themselves are not drivers.
        #expect(result.metric("survey.driver.trust2")?.n == 25)
        #expect(result.metric("survey.driver.eng1") == nil)
        #expect(!result.metrics.contains { $0.id.hasPrefix("survey.driver.") && $0.scope != .org })
    }

    @Test("hand-worked figures for the Web team")
    func handWorked() async throws {
        let result = try await SurveyFixture.analyze()
        let web = Scope.team("Web")
        // T1 answers 2, 3, 2, 3, 1: none ≥ 4; three ≤ 2; mean 11 / 5.
        #expect(result.value("survey.item.trust1.favorability", web) == 0)
        #expect(result.value("survey.item.trust1.unfavorability", web) == 0.6)
        #expect(close(result.value("survey.item.trust1.mean", web), 2.2))
        // T2 is reverse-coded: 4, 4, 5, 3, 5 become 2, 2, 1, 3, 1 — four unfavorable, mean 9 / 5.
        #expect(result.value("survey.item.trust2.unfavorability", web) == 0.8)
        #expect(close(result.value("survey.item.trust2.mean", web), 1.8))
        // eNPS answers 3, 5, 6, 7, 2: no promoter, four detractors → 100 × (0 − 4) / 5.
        #expect(result.value("survey.enps", web) == -80)
        // Participation: 5 responses of a headcount of 6.
        #expect(result.value("survey.participation", web) == 5.0 / 6.0)
        // The organization: 26 responses of 34 people.
        #expect(result.value("survey.responses") == 26)
        #expect(result.value("survey.participation") == 26.0 / 34.0)
        // Platform: eNPS blank once → 11 answers: promoters 10, 9, 10, 9, 10; detractors 6, 4 → 100 × 3 / 11.
        #expect(close(result.value("survey.enps", .team("Platform")), 300.0 / 11.0))
        #expect(result.metric("survey.enps", .team("Platform"))?.n == 11)
    }

    @Test("accumulators merge to the same sums as one pass")
    func merging() {
        let data: [[Double]] = [[1, 2, 4], [3, 3, 1], [4, 0, 2], [2, 2, 2], [0, 4, 3]]
        var whole = CovarianceAccumulator(width: 3, shift: 2)
        var first = CovarianceAccumulator(width: 3, shift: 2)
        var second = CovarianceAccumulator(width: 3, shift: 2)
        for (index, row) in data.enumerated() {
            whole.add(row)
            if index < 2 { first.add(row) } else { second.add(row) }
        }
        first.merge(second)
        #expect(first.count == 5)
        for i in 0..<3 {
            for j in 0..<3 { #expect(first.covariance(i, j) == whole.covariance(i, j)) }
        }
        // Column 0 is 1, 3, 4, 2, 0: mean 2, squared deviations 1 + 1 + 4 + 0 + 4 = 10 → variance 10 / 4.
        #expect(whole.covariance(0, 0) == 2.5)
    }
}
