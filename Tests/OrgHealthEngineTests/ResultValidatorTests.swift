import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The validator refuses a result that gives one metric twice for one scope, and names the
/// first repeat in metric order, at any size (the search is shared over the cores past 50,000
/// metrics; issue 16).
@Suite("Result validator: repeated metrics")
struct ResultValidatorTests {
    static func metric(_ id: String, _ scope: Scope) -> Metric {
        Metric(id: id, scope: scope, value: 1, unit: .count, n: 5)
    }

    /// `count` distinct metrics: ids m0…m9 over teams T0, T1, …
    static func distinct(_ count: Int) -> [Metric] {
        (0..<count).map { metric("m\($0 % 10)", .team("T\($0 / 10)")) }
    }

    /// The first repeat as one `Set` filled in order finds it: the reference.
    static func reference(_ metrics: [Metric]) -> Int? {
        struct Key: Hashable { let id: String; let scope: Scope }
        var seen = Set<Key>()
        for (index, metric) in metrics.enumerated() where !seen.insert(Key(id: metric.id, scope: metric.scope)).inserted {
            return index
        }
        return nil
    }

    @Test("a repeated metric is refused with its id and scope")
    func refusesARepeat() {
        var metrics = Self.distinct(20)
        metrics.append(Self.metric("m3", .team("T1")))
        let result = AnalyzerResult(metrics: metrics)
        #expect(throws: AnalyzerError("invalid result: metric m3 appears twice for team:T1")) {
            try ResultValidator().validate(result)
        }
        #expect(throws: Never.self) { try ResultValidator().validate(AnalyzerResult(metrics: Self.distinct(20))) }
    }

    /// Every small count, where the hashing's pieces do not divide the metrics evenly (5
    /// metrics in 4 pieces of 2 left the last piece starting past the end, and the run crashed).
    @Test("every count from 0 to 64: no repeat among distinct metrics, and a last repeat found")
    func smallCounts() {
        for count in 0...64 {
            let metrics = Self.distinct(count)
            #expect(MetricKeys.firstRepeated(in: metrics) == nil, "\(count)")
            guard count > 0 else { continue }
            let repeated = metrics + [metrics[count / 2]]
            #expect(MetricKeys.firstRepeated(in: repeated) == count, "\(count)")
        }
    }

    @Test("the same id at another scope, or another id at the same scope, is no repeat")
    func neighboursAreNoRepeat() {
        let metrics = [Self.metric("a", .org), Self.metric("a", .team("org")), Self.metric("b", .org), Self.metric("a", .department("a"))]
        #expect(MetricKeys.firstRepeated(in: metrics) == nil)
    }

    @Test("past 50,000 metrics the first repeat in order is found, whichever core meets it")
    func firstRepeatAtScale() {
        var metrics = Self.distinct(120_000)
        // Three repeats of earlier metrics (keys far apart in the hash); the earliest repeat in
        // metric order is at 70,001, though the key it repeats is later than the others'.
        metrics[90_000] = metrics[5]
        metrics[70_001] = metrics[60_000]
        metrics[110_000] = metrics[100]
        // Ten more after it, so that the cores' tables almost surely each meet some repeat.
        for k in 0..<10 { metrics[80_000 + k * 3_000] = metrics[k * 7 + 1] }
        #expect(Self.reference(metrics) == 70_001)
        #expect(MetricKeys.firstRepeated(in: metrics) == 70_001)
        #expect(MetricKeys.firstRepeated(in: Self.distinct(120_000)) == nil)
    }

    @Test("ids equal as Strings (composed and decomposed é) are one key, as a Set has them")
    func canonicalEquivalence() {
        var metrics = Self.distinct(60_000)
        metrics[100] = Self.metric("caf\u{E9}", .team("Z"))
        metrics[59_000] = Self.metric("cafe\u{301}", .team("Z"))
        #expect(Self.reference(metrics) == 59_000)
        #expect(MetricKeys.firstRepeated(in: metrics) == 59_000)
    }
}
