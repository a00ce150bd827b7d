import Testing
@testable import OrgHealthEngine
import OrgHealthKit

@Suite("Health model")
struct HealthModelTests {
    @Test("a dimension score is the weighted mean of visible signals; n is the largest n")
    func weightedMean() throws {
        var hidden = HealthSignal(dimension: .trust, scope: .org, score: 0, weight: 5, n: 3)
        hidden.score = nil
        hidden.suppressed = .minGroupSize
        let scores = HealthModel().dimensionScores(signals: [
            HealthSignal(dimension: .trust, scope: .org, score: 80, weight: 1, n: 40),
            HealthSignal(dimension: .trust, scope: .org, score: 50, weight: 2, n: 120),
            hidden,
            HealthSignal(dimension: .growth, scope: .org, score: 64, weight: 1, n: 10),
        ])
        let org = try #require(scores[.org])
        let trust = try #require(org.first { $0.dimension == .trust })
        // (80·1 + 50·2) / 3 = 60
        #expect(trust.score == 60)
        #expect(trust.n == 120)
        #expect(org.first { $0.dimension == .growth }?.score == 64)
        // Index = mean of available dimension scores = (60 + 64) / 2 = 62.
        #expect(HealthModel().healthIndex(org) == 62)
    }

    @Test("a dimension whose signals are all withheld is marked suppressed and has no score")
    func allHidden() throws {
        var hidden = HealthSignal(dimension: .wellbeing, scope: .team("A"), score: 0, n: 2)
        hidden.score = nil
        hidden.suppressed = .minGroupSize
        let scores = HealthModel().dimensionScores(signals: [hidden])
        let score = try #require(scores[.team("A")]?.first)
        #expect(score.score == nil)
        #expect(score.suppressed)
        #expect(HealthModel().healthIndex([score]) == nil)
    }

    @Test("bands: 75 healthy, 60–74.9 watch, below 60 at risk")
    func bands() {
        #expect(HealthBand(score: 75) == .healthy)
        #expect(HealthBand(score: 74.99) == .watch)
        #expect(HealthBand(score: 60) == .watch)
        #expect(HealthBand(score: 59.99) == .atRisk)
    }

    @Test("the watchlist holds teams with an index or a dimension below 60, worst first")
    func watchlist() {
        let scopes = [
            ScopeHealth(scope: .team("Good"), name: "Good", parent: nil, headcount: 9, healthIndex: 80,
                        dimensions: [DimensionScore(dimension: .trust, score: 80, n: 9)]),
            ScopeHealth(scope: .team("Dip"), name: "Dip", parent: nil, headcount: 9, healthIndex: 70,
                        dimensions: [DimensionScore(dimension: .trust, score: 55, n: 9), DimensionScore(dimension: .growth, score: 85, n: 9)]),
            ScopeHealth(scope: .team("Bad"), name: "Bad", parent: nil, headcount: 9, healthIndex: 50,
                        dimensions: [DimensionScore(dimension: .trust, score: 50, n: 9)]),
            ScopeHealth(scope: .manager("E1"), name: "E1", parent: nil, headcount: 9, healthIndex: 10, dimensions: []),
        ]
        let list = HealthModel().watchlist(scopes)
        #expect(list.map(\.scope) == [.team("Bad"), .team("Dip")])
        #expect(list[1].weakDimensions == [.trust])
    }

    @Test("coverage merges the signals of one measure across runs of one analyzer; a missing basis is the empty metric")
    func coverageMergesOneMeasure() {
        func run(_ signals: [HealthSignal]) -> AnalyzerRun {
            AnalyzerRun(descriptor: AnalyzerDescriptor(id: "x", name: "x", version: "1", summary: ""), status: .ok,
                        result: AnalyzerResult(signals: signals))
        }
        let runs = [
            run([HealthSignal(dimension: .trust, scope: .team("P"), score: 80, weight: 1, n: 6, basis: "m"),
                 HealthSignal(dimension: .trust, scope: .team("P"), score: 70, weight: 1, n: 5, basis: nil)]),
            run([HealthSignal(dimension: .trust, scope: .team("P"), score: 40, weight: 3, n: 9, basis: "m"),
                 HealthSignal(dimension: .trust, scope: .team("P"), score: 50, weight: 1, n: 7, basis: "")]),
        ]
        // "m": weight 1 + 3 = 4, score (80·1 + 40·3) / 4 = 50, n max(6, 9) = 9.
        // "" (nil and empty basis): weight 2, score (70 + 50) / 2 = 60, n 7. Sorted by metric: "" first.
        let sources = HealthCoverage().sources(runs: runs)[.team("P")]?[.trust] ?? []
        #expect(sources.map(\.metric) == ["", "m"])
        #expect(sources.map(\.weight) == [2, 4])
        #expect(sources.map(\.score) == [60, 50])
        #expect(sources.map(\.n) == [7, 9])
        #expect(sources.allSatisfy { $0.analyzer == "x" })
    }

    @Test("a dimension adds its signals one by one in signal order, not measure by measure; its sources merge per measure")
    func dimensionAddsSignalsInOrder() throws {
        // Two measures of trust in one team, their signals interleaved: m, n, m.
        let signals = [
            HealthSignal(dimension: .trust, scope: .team("T"), score: 0.1, weight: 1, n: 5, basis: "m"),
            HealthSignal(dimension: .trust, scope: .team("T"), score: 0.2, weight: 1, n: 6, basis: "n"),
            HealthSignal(dimension: .trust, scope: .team("T"), score: 33.3, weight: 1, n: 7, basis: "m"),
        ]
        // In signal order ((0.1 + 0.2) + 33.3) / 3 is 11.199999999999998; measure by measure
        // ((0.1 + 33.3) + 0.2) / 3 would be 11.200000000000001. The model's is the first.
        let inOrder = ((0.1 + 0.2) + 33.3) / 3
        #expect(inOrder != ((0.1 + 33.3) + 0.2) / 3, "the two orders must differ for this test to mean anything")
        let score = try #require(HealthModel().dimensionScores(signals: signals)[.team("T")]?.first)
        #expect(score.score == inOrder)
        #expect(score.n == 7)

        let run = AnalyzerRun(
            descriptor: AnalyzerDescriptor(id: "x", name: "x", version: "1", summary: ""), status: .ok,
            result: AnalyzerResult(signals: signals))
        let table = HealthTable(runs: [run])
        let withSources = try #require(table.scores(of: .team("T"), sources: true).first)
        #expect(withSources.score == inOrder, "the pipeline's scores are the model's")
        #expect(withSources.sources.map(\.metric) == ["m", "n"])
        #expect(withSources.sources.map(\.weight) == [2, 1])
        #expect(withSources.sources.map(\.score) == [(0.1 + 33.3) / 2, 0.2])
        #expect(withSources.sources.map(\.n) == [7, 6])
        #expect(table.scores(of: .team("T"), sources: false).first?.sources == [])
        #expect(table.scores(of: .team("none"), sources: true).isEmpty)
    }
}
