import Foundation
import OrgHealthKit
import Testing

/// A metric keeps its value and trend, and a signal, a dimension score and a source their
/// scores, as plain doubles with one NaN pattern for "none" (issue 16: a metric is 80 bytes
/// instead of 104). Every number set must read back as itself, "none" as `nil`, and equality,
/// hashing and JSON must be those of the optional numbers they stand for.
@Suite("Figure storage")
struct FigureStorageTests {
    /// The pattern that stands for "none", written out here rather than read from the code.
    static let absentPattern = Double(bitPattern: 0x7FF8_0000_4F48_0000)

    static let numbers: [Double] = [
        0, -0.0, 1, -1, 0.1, 1e-300, -1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity,
    ]

    static func metric(value: Double = 0.5) -> Metric {
        Metric(id: "test.rate", scope: .team("Alpha"), value: value, unit: .ratio, n: 7, dimension: .trust)
    }

    @Test("every number set as a value, trend or score reads back bit for bit; nil reads back as nil")
    func numbersRoundTrip() {
        for number in Self.numbers {
            var metric = Self.metric(value: number)
            metric.trend = number
            var signal = HealthSignal(dimension: .trust, scope: .org, score: number, n: 5)
            #expect(metric.value?.bitPattern == number.bitPattern)
            #expect(metric.trend?.bitPattern == number.bitPattern)
            #expect(signal.score?.bitPattern == number.bitPattern)
            metric.value = nil
            metric.trend = nil
            signal.score = nil
            #expect(metric.value == nil && metric.trend == nil && signal.score == nil)
        }
        #expect(Self.metric().trend == nil, "a new metric has no trend")
    }

    @Test("a NaN stays a number (any NaN, the 'none' pattern too): it never reads back as nil")
    func nanIsNotNone() {
        for nan in [Double.nan, -Double.nan, Double.signalingNaN, Self.absentPattern] {
            var metric = Self.metric(value: nan)
            metric.trend = nan
            let signal = HealthSignal(dimension: .trust, scope: .org, score: nan, n: 5)
            #expect(metric.value?.isNaN == true)
            #expect(metric.trend?.isNaN == true)
            #expect(signal.score?.isNaN == true)
        }
    }

    @Test("equality and hashing follow the optional numbers: two withheld figures are equal")
    func equalityOfWithheldFigures() {
        var left = Self.metric(), right = Self.metric()
        left.value = nil
        right.value = nil
        #expect(left == right)
        #expect(Set([left, right]).count == 1)
        right.value = 0
        #expect(left != right, "nil is not 0")
        var one = HealthSignal(dimension: .trust, scope: .org, score: 50, n: 5)
        var two = one
        one.score = nil
        #expect(one != two)
        two.score = nil
        #expect(one == two && one.hashValue == two.hashValue)
    }

    @Test("JSON leaves out a missing value, trend or score, and reads the same figure back")
    func jsonRoundTrip() throws {
        var metric = Self.metric(value: 0.25)
        metric.trend = -0.05
        metric.significant = true
        var withheld = Self.metric()
        withheld.value = nil
        withheld.suppressed = .secondary
        let signal = HealthSignal(dimension: .growth, scope: .department("Sales"), score: 62.5, weight: 2, n: 9, basis: "test.rate")
        var hidden = signal
        hidden.score = nil
        hidden.suppressed = .minGroupSize

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let withheldJSON = String(decoding: try encoder.encode(withheld), as: UTF8.self)
        #expect(withheldJSON == #"{"dimension":"trust","id":"test.rate","n":7,"scope":"team:Alpha","suppressed":"secondary","unit":"ratio"}"#)
        let hiddenJSON = String(decoding: try encoder.encode(hidden), as: UTF8.self)
        #expect(hiddenJSON == #"{"basis":"test.rate","dimension":"growth","n":9,"scope":"department:Sales","suppressed":"min-group-size","weight":2}"#)

        let decoder = JSONDecoder()
        for figure in [metric, withheld] {
            #expect(try decoder.decode(Metric.self, from: encoder.encode(figure)) == figure)
        }
        for figure in [signal, hidden] {
            #expect(try decoder.decode(HealthSignal.self, from: encoder.encode(figure)) == figure)
        }
    }

    @Test("a dimension score's score and trend, and a source's score, read back as set; JSON as before")
    func scoresAndSources() throws {
        for number in Self.numbers + [.nan, Self.absentPattern] {
            var score = DimensionScore(dimension: .trust, score: number, n: 3, trend: number)
            let source = DimensionSource(analyzer: "a", metric: "m", weight: 1, n: 3, score: number)
            #expect(score.score?.bitPattern == (number.isNaN ? Double.nan.bitPattern : number.bitPattern))
            #expect(score.trend?.isNaN == number.isNaN)
            #expect(source.score?.isNaN == number.isNaN && source.score != nil)
            score.score = nil
            score.trend = nil
            #expect(score.score == nil && score.trend == nil)
        }
        var withheld = DimensionScore(dimension: .growth, score: nil, n: 0, suppressed: true)
        withheld.sources = [DimensionSource(analyzer: "culture-survey", metric: "m", weight: 2, n: 4, score: nil)]
        #expect(withheld == DimensionScore(dimension: .growth, score: nil, n: 0, suppressed: true).with(sources: withheld.sources))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(withheld), as: UTF8.self)
        #expect(json == #"{"dimension":"growth","history":[],"n":0,"sources":[{"analyzer":"culture-survey","metric":"m","n":4,"weight":2}],"suppressed":true}"#)
        #expect(try JSONDecoder().decode(DimensionScore.self, from: Data(json.utf8)) == withheld)
        var scored = withheld
        scored.score = 61.5
        scored.trend = -2
        scored.significant = false
        scored.trendBasis = "like-for-like over 1 measure"
        #expect(try JSONDecoder().decode(DimensionScore.self, from: encoder.encode(scored)) == scored)
        #expect(scored != withheld)
    }

    @Test("a metric and a signal are 80 bytes each, a dimension score 80 and a source 56 (10^6 people: 2.1 million, 0.9 million, 0.7 million, 0.9 million)")
    func sizes() {
        #expect(MemoryLayout<Metric>.stride == 80)
        #expect(MemoryLayout<HealthSignal>.stride == 80)
        #expect(MemoryLayout<DimensionScore>.stride == 80)
        #expect(MemoryLayout<DimensionSource>.stride == 56)
        #expect(MemoryLayout<Scope>.size == 17)
    }
}

private extension DimensionScore {
    func with(sources: [DimensionSource]) -> DimensionScore {
        var copy = self
        copy.sources = sources
        return copy
    }
}
