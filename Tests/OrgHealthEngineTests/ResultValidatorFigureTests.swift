import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The validator's checks of each figure's numbers: each problem is refused with its own
/// message, naming the first figure in order that has any (the figures are checked in place,
/// numbers first, and read whole only to be reported; issue 16).
@Suite("Result validator: figures")
struct ResultValidatorFigureTests {
    static func metric(_ id: String, _ n: Int = 5, value: Double = 0.5) -> Metric {
        Metric(id: id, scope: .team("T"), value: value, unit: .ratio, n: n)
    }

    static func signal(_ score: Double, weight: Double = 1, n: Int = 5, scope: Scope = .team("T")) -> HealthSignal {
        HealthSignal(dimension: .trust, scope: scope, score: score, weight: weight, n: n)
    }

    static func refusal(_ result: AnalyzerResult) -> String? {
        do {
            try ResultValidator().validate(result)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("each problem of a metric, with the first metric in order that has one")
    func metrics() {
        let fine = (0..<5).map { Self.metric("m\($0)") }
        #expect(Self.refusal(AnalyzerResult(metrics: fine)) == nil)
        #expect(Self.refusal(AnalyzerResult(metrics: fine + [Self.metric("late", -1)]))
            == "invalid result: metric late has a negative n")
        #expect(Self.refusal(AnalyzerResult(metrics: fine + [Self.metric("inf", value: .infinity)]))
            == "invalid result: metric inf at team:T is not a finite number")
        #expect(Self.refusal(AnalyzerResult(metrics: [Self.metric("nan", value: .nan)] + fine))
            == "invalid result: metric nan at team:T is not a finite number")
        #expect(Self.refusal(AnalyzerResult(metrics: fine + [Self.metric("")])) == "invalid result: a metric has an empty id")
        // Two bad metrics: the earlier is named, whatever its problem.
        #expect(Self.refusal(AnalyzerResult(metrics: fine + [Self.metric("first", value: .nan), Self.metric("second", -3)]))
            == "invalid result: metric first at team:T is not a finite number")
    }

    @Test("each problem of a signal, with the first signal in order that has one")
    func signals() {
        let fine = (0...4).map { Self.signal(Double($0 * 25)) }
        #expect(Self.refusal(AnalyzerResult(signals: fine)) == nil)
        #expect(Self.refusal(AnalyzerResult(signals: fine + [Self.signal(100.5)]))
            == "invalid result: signal trust at team:T has score 100.5, outside 0–100")
        #expect(Self.refusal(AnalyzerResult(signals: fine + [Self.signal(50, weight: 0)]))
            == "invalid result: signal trust at team:T needs a positive weight")
        #expect(Self.refusal(AnalyzerResult(signals: fine + [Self.signal(50, weight: .nan)]))
            == "invalid result: signal trust at team:T needs a positive weight")
        #expect(Self.refusal(AnalyzerResult(signals: fine + [Self.signal(50, n: -1)]))
            == "invalid result: signal trust has a negative n")
        #expect(Self.refusal(AnalyzerResult(signals: [Self.signal(-1, scope: .org), Self.signal(50, weight: -2)] + fine))
            == "invalid result: signal trust at org has score -1.0, outside 0–100")
    }
}
