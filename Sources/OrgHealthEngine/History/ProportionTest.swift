import Foundation

/// The two-proportion z-test: is the difference between two shares larger than chance would
/// make it?
///
/// With shares p₁ of n₁ and p₂ of n₂, the pooled share is p = (p₁n₁ + p₂n₂) ÷ (n₁ + n₂), the
/// standard error of the difference SE = √(p(1 − p)(1/n₁ + 1/n₂)), z = (p₁ − p₂) ÷ SE, and the
/// two-sided p-value is P(|Z| ≥ |z|) = erfc(|z| ÷ √2) for a standard normal Z.
public struct ProportionTest: Sendable, Hashable {
    /// The pooled share p.
    public var pooled: Double
    /// The standard error of the difference (0 when both shares are 0 or both are 1).
    public var standardError: Double
    /// The test statistic z (positive when the first share is the larger).
    public var z: Double
    /// The two-sided p-value.
    public var pValue: Double

    /// Tests share `p1` of `n1` against share `p2` of `n2`; `nil` when the test does not apply
    /// (an `n` of 0 or less, or a share outside 0–1).
    ///
    /// When the pooled share is 0 or 1 both shares are equal (all 0 or all 1): there is no
    /// difference to test, so z = 0 and the p-value is 1.
    public init?(p1: Double, n1: Int, p2: Double, n2: Int) {
        guard n1 > 0, n2 > 0, p1.isFinite, p2.isFinite, (0...1).contains(p1), (0...1).contains(p2) else { return nil }
        let size1 = Double(n1)
        let size2 = Double(n2)
        let pooled = (p1 * size1 + p2 * size2) / (size1 + size2)
        let variance = pooled * (1 - pooled) * (1 / size1 + 1 / size2)
        self.pooled = pooled
        guard variance > 0 else {
            standardError = 0
            z = 0
            pValue = 1
            return
        }
        standardError = variance.squareRoot()
        z = (p1 - p2) / standardError
        pValue = Self.twoSidedPValue(z: z)
    }

    /// Whether the p-value is below `level` (0.05 by default).
    public func isSignificant(at level: Double = 0.05) -> Bool { pValue < level }

    /// P(|Z| ≥ |z|) for a standard normal Z: 2(1 − Φ(|z|)) = erfc(|z| ÷ √2).
    public static func twoSidedPValue(z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }
}
