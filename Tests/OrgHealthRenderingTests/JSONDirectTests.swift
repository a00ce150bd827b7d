import Foundation
import OrgHealthKit
@testable import OrgHealthRendering
import Testing

/// The report's figures and scores are written without the encoder (JSONDirectObjects.swift),
/// and large arrays in pieces on every core; the bytes must still be `JSONEncoder`'s.
@Suite("Streamed JSON: figures written directly, large arrays in pieces")
struct JSONDirectTests {
    /// Values with every optional present and absent, awkward strings and numbers, drawn from a
    /// fixed seed.
    struct Samples {
        var random = SplitMix64(seed: 20261205)

        mutating func number() -> Double {
            let choices: [Double] = [0, -0.0, 1, 0.1, 1e-7, 1e20, -2.5, 46.72352006516975, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
            return random.next() % 3 == 0 ? choices[Int(random.next() % UInt64(choices.count))] : Double(random.next() % 1_000_000) / 997
        }

        mutating func maybe<T>(_ value: T) -> T? { random.next() % 2 == 0 ? value : nil }

        mutating func text() -> String {
            let texts = ["plain", "tab\t line\n quote\" back\\slash", "é 中 😀", "x/y", "", "nul\u{0} unit\u{1F}"]
            return texts[Int(random.next() % UInt64(texts.count))]
        }

        mutating func scope() -> Scope {
            switch random.next() % 5 {
            case 0: return .org
            case 1: return .team(text())
            case 2: return .department(text())
            case 3: return .manager("E\(random.next() % 100)")
            default: return .line("E\(random.next() % 100)")
            }
        }

        mutating func dimension() -> HealthDimension {
            random.next() % 4 == 0 ? HealthDimension("custom-\(random.next() % 9)") : HealthDimension.builtIns[Int(random.next() % 7)]
        }

        mutating func metric() -> Metric {
            var metric = Metric(id: text() + ".m", scope: scope(), value: number(), unit: .ratio, n: Int(random.next() % 500))
            metric.value = maybe(number())
            metric.trend = maybe(number())
            metric.significant = maybe(random.next() % 2 == 0)
            metric.suppressed = maybe(SuppressionReason.secondary)
            metric.dimension = maybe(dimension())
            return metric
        }

        mutating func signal() -> HealthSignal {
            var signal = HealthSignal(dimension: dimension(), scope: scope(), score: number(), weight: number(), n: Int(random.next() % 500))
            signal.score = maybe(number())
            signal.basis = maybe(text())
            signal.suppressed = maybe(SuppressionReason.minGroupSize)
            return signal
        }

        mutating func score() -> DimensionScore {
            var score = DimensionScore(dimension: dimension(), score: maybe(number()), n: Int(random.next() % 500), trend: maybe(number()),
                                       suppressed: random.next() % 2 == 0)
            score.significant = maybe(random.next() % 2 == 0)
            score.trendBasis = maybe(text())
            score.history = (0..<Int(random.next() % 3)).map { _ in PeriodValue(period: "2026-Q\(random.next() % 4 + 1)", value: number()) }
            score.sources = (0..<Int(random.next() % 3)).map { _ in
                DimensionSource(analyzer: text(), metric: text(), weight: number(), n: Int(random.next() % 50), score: maybe(number()))
            }
            return score
        }

        mutating func scopeHealth() -> ScopeHealth {
            ScopeHealth(scope: scope(), name: text(), parent: maybe(scope()), headcount: Int(random.next() % 900),
                        healthIndex: maybe(number()), dimensions: (0..<Int(random.next() % 4)).map { _ in score() })
        }
    }

    @Test("metrics, signals and scopes, each optional present and absent, are written as JSONEncoder writes them")
    func directEqualsEncoder() throws {
        var samples = Samples()
        for _ in 0..<300 {
            let metric = samples.metric(), signal = samples.signal(), scope = samples.scopeHealth()
            #expect(try JSONStreamTests.streamed(metric) == (try JSONStreamTests.encoded(metric)))
            #expect(try JSONStreamTests.streamed(signal) == (try JSONStreamTests.encoded(signal)))
            #expect(try JSONStreamTests.streamed(scope) == (try JSONStreamTests.encoded(scope)))
        }
    }

    @Test("arrays large enough to be written in pieces on every core are JSONEncoder's bytes, in order")
    func piecesEqualEncoder() throws {
        var samples = Samples()
        struct Document: Encodable {
            var metrics: [Metric]
            var scopes: [ScopeHealth]
            var numbers: [Int]
        }
        let document = Document(
            metrics: (0..<5_000).map { _ in samples.metric() }, scopes: (0..<2_000).map { _ in samples.scopeHealth() },
            numbers: Array(0..<3_000))
        #expect(document.metrics.count >= JSONTextWriter.piecesFrom)
        #expect(try JSONStreamTests.streamed(document) == (try JSONStreamTests.encoded(document)))
    }

    @Test("a NaN in a piece fails the document, as JSONEncoder does")
    func nanInPiece() {
        var metrics = (0..<3_000).map { Metric(id: "m", scope: .org, value: Double($0), unit: .count, n: $0) }
        metrics[2_500].value = .nan
        #expect(throws: EncodingError.self) { try JSONStreamTests.streamed(metrics) }
    }

    /// The direct writers know each type's stored properties; one added to a type must be added
    /// to its writer too (or the JSON would leave it out), and this fails until it is.
    @Test("the types written directly have the stored properties their writers know")
    func storedPropertiesKnown() {
        func count(_ value: Any) -> Int { Mirror(reflecting: value).children.count }
        #expect(count(Metric(id: "m", scope: .org, value: 1, unit: .count, n: 1)) == 9)
        #expect(count(HealthSignal(dimension: .growth, scope: .org, score: 1, weight: 1, n: 1)) == 7)
        #expect(count(DimensionScore(dimension: .growth, score: 1, n: 1)) == 9)
        #expect(count(DimensionSource(analyzer: "a", metric: "m", weight: 1, n: 1, score: 1)) == 5)
        #expect(count(ScopeHealth(scope: .org, name: "o", parent: nil, headcount: 1, healthIndex: 1, dimensions: [])) == 6)
        #expect(count(PeriodValue(period: "p", value: 1)) == 2)
    }
}
