/// Sample covariances of several variables, accumulated one observation at a time in
/// constant memory: the count, the sums and the sums of products of the values shifted by a
/// fixed constant (the scale's midpoint).
///
/// Shifting keeps the sums small, so `Σxy − ΣxΣy/n` loses almost no precision (the classic
/// shifted-data algorithm); with whole-number answers every sum is an exact integer in a
/// `Double` and only the final division rounds. Accumulators over parts of the data merge by
/// adding their sums, so a large run can be split and combined.
struct CovarianceAccumulator: Sendable {
    /// The number of variables.
    let width: Int
    /// The constant subtracted from every value before it is summed.
    let shift: Double
    /// Observations added.
    private(set) var count = 0
    /// Σ (x_i − shift) for each variable, then Σ (x_i − shift)(x_j − shift) for i ≤ j, row by
    /// row of the upper triangle — one array, so an observation touches one buffer.
    private var sums: [Double]

    /// Creates an empty accumulator of `width` variables.
    init(width: Int, shift: Double) {
        self.width = width
        self.shift = shift
        sums = Array(repeating: 0, count: width + width * (width + 1) / 2)
    }

    /// Adds one observation: `values[0..<width]`.
    mutating func add(_ values: [Double]) {
        values.withUnsafeBufferPointer { add($0) }
    }

    /// Adds one observation: `values[0..<width]`.
    mutating func add(_ values: UnsafeBufferPointer<Double>) {
        count += 1
        let width = self.width, shift = self.shift
        sums.withUnsafeMutableBufferPointer { sums in
            var position = width
            for i in 0..<width {
                let x = values[i] - shift
                sums[i] += x
                for j in i..<width {
                    sums[position] += x * (values[j] - shift)
                    position += 1
                }
            }
        }
    }

    /// Adds the observations of another accumulator of the same width and shift (one of
    /// another shape is ignored).
    mutating func merge(_ other: CovarianceAccumulator) {
        guard other.width == width, other.shift == shift else { return }
        count += other.count
        for index in sums.indices { sums[index] += other.sums[index] }
    }

    /// The sample covariance (divisor n − 1) of variables `i` and `j`; `nil` under two observations.
    func covariance(_ i: Int, _ j: Int) -> Double? {
        guard count >= 2 else { return nil }
        let (low, high) = i <= j ? (i, j) : (j, i)
        // Index of (low, high) in the row-by-row upper triangle.
        let position = width + low * width - low * (low - 1) / 2 + (high - low)
        let n = Double(count)
        return (sums[position] - sums[low] * sums[high] / n) / (n - 1)
    }

    /// Cronbach's α of the variables as the items of one scale:
    /// k/(k−1) · (1 − Σ var(item) ÷ var(sum of items)), sample variances.
    /// `nil` with fewer than two items or two observations, or when the sum does not vary.
    var cronbachAlpha: Double? {
        guard width >= 2, count >= 2 else { return nil }
        var itemVariances = 0.0
        var totalVariance = 0.0
        for i in 0..<width {
            for j in 0..<width {
                guard let covariance = covariance(i, j) else { return nil }
                totalVariance += covariance
                if i == j { itemVariances += covariance }
            }
        }
        guard totalVariance > 0 else { return nil }
        let k = Double(width)
        return k / (k - 1) * (1 - itemVariances / totalVariance)
    }
}

/// The Pearson correlation of two variables over the observations where both are present,
/// accumulated as shifted sums and sums of products (see ``CovarianceAccumulator``).
struct PairAccumulator: Sendable {
    /// Observations added.
    private(set) var count = 0
    private var sumX = 0.0
    private var sumY = 0.0
    private var sumXX = 0.0
    private var sumYY = 0.0
    private var sumXY = 0.0

    /// Adds one pair of already shifted values.
    @inline(__always)
    mutating func add(_ x: Double, _ y: Double) {
        count += 1
        sumX += x
        sumY += y
        sumXX += x * x
        sumYY += y * y
        sumXY += x * y
    }

    /// Adds the observations of another accumulator (with the same shifts).
    mutating func merge(_ other: PairAccumulator) {
        count += other.count
        sumX += other.sumX
        sumY += other.sumY
        sumXX += other.sumXX
        sumYY += other.sumYY
        sumXY += other.sumXY
    }

    /// Pearson's r; `nil` under three pairs or when either variable does not vary.
    var correlation: Double? {
        guard count >= 3 else { return nil }
        let n = Double(count)
        let covariance = sumXY - sumX * sumY / n
        let varianceX = sumXX - sumX * sumX / n
        let varianceY = sumYY - sumY * sumY / n
        guard varianceX > 0, varianceY > 0 else { return nil }
        return max(-1, min(1, covariance / (varianceX * varianceY).squareRoot()))
    }
}
