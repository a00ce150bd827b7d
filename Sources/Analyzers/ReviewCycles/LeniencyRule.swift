/// The calibration rule for managers' ratings (METRICS.md "Review cycles"): a manager's
/// leniency is the mean rating they gave minus the org mean; it is significant when the
/// manager gave at least `minGroupSize` ratings and |z| ≥ the threshold (default 2), with
/// z = difference ÷ (org sd ÷ √n) and the org sd the sample standard deviation (n − 1) of
/// every manager rating in the organization.
///
/// The decision compares z² with the threshold² on sums of the ratings, so that with
/// whole-number ratings it is exact: a z of exactly 2 is flagged, not lost to rounding.
struct LeniencyRule: Sendable {
    /// The organization's manager ratings: count, sum and sum of squares.
    let count: Int
    let sum: Double
    let sumOfSquares: Double
    /// The |z| at which a manager is flagged.
    let threshold: Double
    /// The fewest ratings a manager must have given to be flagged.
    let minGroupSize: Int

    /// Which way a manager's ratings lean, when significantly.
    enum Direction: String, Sendable {
        case lenient, severe
    }

    /// One manager's figures.
    struct Assessment: Sendable, Equatable {
        /// The ratings the manager gave.
        let n: Int
        /// The mean rating they gave.
        let mean: Double
        /// Their mean minus the org mean.
        let difference: Double
        /// The z score, when the org has a spread (≥ 2 ratings, not all equal).
        let z: Double?
        /// Set when the manager is a calibration candidate.
        let flag: Direction?
    }

    /// The org's mean manager rating.
    var mean: Double { sum / Double(count) }

    /// N·Σx² − (Σx)², which is N(N − 1) times the sample variance.
    private var scaledVariance: Double {
        let total = Double(count)
        return total * sumOfSquares - sum * sum
    }

    /// The sample standard deviation of the org's manager ratings; `nil` under 2 ratings.
    var standardDeviation: Double? {
        guard count >= 2 else { return nil }
        let total = Double(count)
        return (Swift.max(0, scaledVariance) / (total * (total - 1))).squareRoot()
    }

    /// Assesses the manager who gave `n` ratings summing to `givenSum`.
    func assess(givenSum: Double, n: Int) -> Assessment {
        let total = Double(count)
        let given = Double(n)
        let managerMean = givenSum / given
        let difference = managerMean - mean
        guard let sd = standardDeviation, sd > 0, scaledVariance > 0 else {
            return Assessment(n: n, mean: managerMean, difference: difference, z: nil, flag: nil)
        }
        let z = difference / (sd / given.squareRoot())
        // z² = (N·Σm − n·Σx)² · (N − 1) ÷ (n · N · (N·Σx² − (Σx)²)); compared without dividing.
        let numerator = total * givenSum - given * sum
        let significant = numerator * numerator * (total - 1) >= threshold * threshold * given * total * scaledVariance
        let flag: Direction? = n >= minGroupSize && significant ? (difference > 0 ? .lenient : .severe) : nil
        return Assessment(n: n, mean: managerMean, difference: difference, z: z, flag: flag)
    }
}
