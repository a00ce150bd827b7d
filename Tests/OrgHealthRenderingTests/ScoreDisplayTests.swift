import OrgHealthKit
import Testing
@testable import OrgHealthRendering

/// A score is shown as a whole number unless rounding would carry it over the band edge its
/// colour and label are judged by (60, 75): then one decimal, cut, so the text and the band agree.
@Suite("HTML: scores near a band's edge")
struct ScoreDisplayTests {
    @Test("whole numbers away from the edges, one cut decimal just under them", arguments: [
        (59.4, "59"), (59.5, "59.5"), (59.96, "59.9"), (60.0, "60"), (60.4, "60"),
        (74.49, "74"), (74.5, "74.5"), (74.99, "74.9"), (75.0, "75"), (0.2, "0"), (99.7, "100"),
    ])
    func nearEdges(value: Double, shown: String) {
        #expect(DisplayFormat.score(value) == shown)
    }

    @Test("the number shown is in the same band as the score, for every score from 0 to 100 in hundredths")
    func sameBand() throws {
        for hundredths in 0...10_000 {
            let value = Double(hundredths) / 100
            let shown = try #require(Double(DisplayFormat.score(value)))
            #expect(HealthBand(score: shown) == HealthBand(score: value), "\(value) shown as \(shown)")
        }
        #expect(DisplayFormat.score(nil) == "—")
    }
}
