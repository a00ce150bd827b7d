import Foundation
import Testing
@testable import OrgHealthEngine

/// The two-proportion z-test against values worked out by hand.
///
/// Recipe: p = (x₁ + x₂) ÷ (n₁ + n₂); SE = √(p(1 − p)(1/n₁ + 1/n₂)); z = (p₁ − p₂) ÷ SE;
/// two-sided p-value = 2(1 − Φ(|z|)), Φ the standard normal CDF (read from a table).
@Suite("Trend: two-proportion z-test")
struct TrendProportionTests {
    @Test("45/100 against 30/100 is significant (p ≈ 0.0285)")
    func significantCase() throws {
        // p  = (45 + 30) ÷ 200 = 0.375
        // SE = √(0.375 · 0.625 · (1/100 + 1/100)) = √(0.234375 · 0.02) = √0.0046875 = 0.068465
        // z  = (0.45 − 0.30) ÷ 0.068465 = 2.19089
        // Φ(2.19) = 0.98574, Φ(2.20) = 0.98610 → Φ(2.19089) ≈ 0.98577 → p = 2 · 0.01423 ≈ 0.0285
        let test = try #require(ProportionTest(p1: 0.45, n1: 100, p2: 0.30, n2: 100))
        #expect(abs(test.pooled - 0.375) < 1e-12)
        #expect(abs(test.standardError - 0.068465) < 1e-6)
        #expect(abs(test.z - 2.19089) < 1e-5)
        #expect(abs(test.pValue - 0.02846) < 1e-4)
        #expect(test.isSignificant())
    }

    @Test("the direction of the change flips z, not the p-value")
    func symmetric() throws {
        // 30/100 against 45/100: the same SE, z = −2.19089, the same two-sided p.
        let test = try #require(ProportionTest(p1: 0.30, n1: 100, p2: 0.45, n2: 100))
        #expect(abs(test.z + 2.19089) < 1e-5)
        #expect(abs(test.pValue - 0.02846) < 1e-4)
        #expect(test.isSignificant())
    }

    @Test("50/100 against 45/100 is not significant (p ≈ 0.479)")
    func notSignificant() throws {
        // p  = 95 ÷ 200 = 0.475
        // SE = √(0.475 · 0.525 · 0.02) = √0.0049875 = 0.070622
        // z  = 0.05 ÷ 0.070622 = 0.70799
        // Φ(0.70) = 0.75804, Φ(0.71) = 0.76115 → Φ(0.70799) ≈ 0.76052 → p = 2 · 0.23948 ≈ 0.4790
        let test = try #require(ProportionTest(p1: 0.50, n1: 100, p2: 0.45, n2: 100))
        #expect(abs(test.standardError - 0.070622) < 1e-6)
        #expect(abs(test.z - 0.70799) < 1e-5)
        #expect(abs(test.pValue - 0.4790) < 1e-3)
        #expect(!test.isSignificant())
    }

    @Test("around z = 1.96: 281/500 against 250/500 is significant, 280/500 is not")
    func boundary() throws {
        // 281/500 vs 250/500: p = 531/1000 = 0.531; SE = √(0.531 · 0.469 · 0.004) = √0.000996156 = 0.031562
        //   z = 0.062 ÷ 0.031562 = 1.96439 (just above 1.95996) → p ≈ 0.0495 < 0.05
        let above = try #require(ProportionTest(p1: 0.562, n1: 500, p2: 0.500, n2: 500))
        #expect(abs(above.z - 1.96439) < 1e-4)
        #expect(abs(above.pValue - 0.04949) < 1e-4)
        #expect(above.isSignificant())
        // 280/500 vs 250/500: p = 0.53; SE = √(0.53 · 0.47 · 0.004) = √0.0009964 = 0.031566
        //   z = 0.06 ÷ 0.031566 = 1.90079 (below 1.96) → p ≈ 0.0573 ≥ 0.05
        let below = try #require(ProportionTest(p1: 0.560, n1: 500, p2: 0.500, n2: 500))
        #expect(abs(below.z - 1.90079) < 1e-4)
        #expect(abs(below.pValue - 0.05733) < 1e-4)
        #expect(!below.isSignificant())
    }

    @Test("the p-value of z = 1.959964 is 0.05, of 0 is 1")
    func normalTail() {
        #expect(abs(ProportionTest.twoSidedPValue(z: 1.959964) - 0.05) < 1e-6)
        #expect(abs(ProportionTest.twoSidedPValue(z: -2.575829) - 0.01) < 1e-6)
        #expect(ProportionTest.twoSidedPValue(z: 0) == 1)
    }

    @Test("equal shares of 0 or 1 (p(1 − p) = 0): no difference, p = 1, not significant")
    func degenerate() throws {
        let allZero = try #require(ProportionTest(p1: 0, n1: 40, p2: 0, n2: 50))
        #expect(allZero.z == 0 && allZero.pValue == 1 && allZero.standardError == 0)
        #expect(!allZero.isSignificant())
        let allOne = try #require(ProportionTest(p1: 1, n1: 40, p2: 1, n2: 50))
        #expect(allOne.pValue == 1)
    }

    @Test("no test without people on both sides or with a share outside 0–1")
    func notApplicable() {
        #expect(ProportionTest(p1: 0.5, n1: 0, p2: 0.4, n2: 100) == nil)
        #expect(ProportionTest(p1: 0.5, n1: 100, p2: 0.4, n2: 0) == nil)
        #expect(ProportionTest(p1: 1.2, n1: 100, p2: 0.4, n2: 100) == nil)
        #expect(ProportionTest(p1: .nan, n1: 100, p2: 0.4, n2: 100) == nil)
    }

    @Test("a dimension score is tested as score ÷ 100 of its n")
    func dimensionScoreAsProportion() {
        // 72.0 of n = 400 against 65.0 of n = 380: p₁ = 0.72, p₂ = 0.65
        // p = (288 + 247) ÷ 780 = 0.685897; SE = √(0.685897 · 0.314103 · (1/400 + 1/380)) = 0.033250
        // z = 0.07 ÷ 0.033250 = 2.10527 → p ≈ 0.0353 → significant; the change stays in points: +7.0
        let trend = TrendCalculator().trend(
            current: 72, n: 400, previous: 65, previousN: 380, asProportion: true, scale: 100)
        #expect(abs(trend.change - 7) < 1e-12)
        #expect(trend.significant == true)
        #expect(abs((trend.pValue ?? 1) - 0.03527) < 1e-4)
        // The same scores from 40 and 38 people: SE = 0.106047, z = 0.47149 → p ≈ 0.637 → not significant.
        let small = TrendCalculator().trend(
            current: 70, n: 40, previous: 65, previousN: 38, asProportion: true, scale: 100)
        #expect(small.significant == false)
        #expect(abs((small.pValue ?? 0) - 0.6373) < 1e-3)
    }
}
