import OrgHealthKit

/// The rating scale of the review tool (`analyzers.review-cycles.scale`): whole-number
/// points from `min` to `max` (default 1–5), and optional labels the export may use instead
/// of numbers (`{"Exceeds expectations": 5, …}`).
struct RatingScale: Sendable, Hashable {
    /// The lowest point.
    let min: Int
    /// The highest point.
    let max: Int
    /// Label (lower-cased, trimmed) → value.
    private let labels: [String: Double]
    /// A display label per point, when one maps to it exactly.
    private let pointLabels: [Int: String]

    /// What a rating field holds.
    enum Reading: Equatable {
        /// Nothing.
        case blank
        /// A value on the scale.
        case value(Double)
        /// A number below `min` or above `max`.
        case outside
        /// Text that is neither a number nor a label of the scale.
        case unknown
    }

    /// Reads the scale from the options, or the default 1–5 without labels.
    init(options: AnalyzerOptions) throws(AnalyzerError) {
        let section = try options.section("scale")
        if let unknown = section.values.keys.sorted().first(where: { !["min", "max", "labels"].contains($0) }) {
            throw AnalyzerError("analyzers.review-cycles.scale.\(unknown) is not part of a scale; use min, max and labels")
        }
        let min: Int
        let max: Int
        do {
            min = try section.int("min", default: 1)
            max = try section.int("max", default: 5)
        } catch {
            throw AnalyzerError("analyzers.review-cycles.scale: \(error.message)")
        }
        guard min < max, max - min <= 100 else {
            throw AnalyzerError(
                "analyzers.review-cycles.scale: min must be below max, with at most 100 points between them (e.g. {min: 1, max: 5})")
        }
        var labels: [String: Double] = [:]
        var pointLabels: [Int: String] = [:]
        for (label, value) in try section.section("labels").values.sorted(by: { $0.key < $1.key }) {
            guard let number = value.doubleValue, number >= Double(min), number <= Double(max) else {
                throw AnalyzerError(
                    "analyzers.review-cycles.scale.labels: '\(label)' must map to a number from \(min) to \(max)")
            }
            labels[label.trimmedLowercased] = number
            if number == number.rounded(), pointLabels[Int(number)] == nil { pointLabels[Int(number)] = label }
        }
        self.init(min: min, max: max, labels: labels, pointLabels: pointLabels)
    }

    private init(min: Int, max: Int, labels: [String: Double], pointLabels: [Int: String]) {
        self.min = min
        self.max = max
        self.labels = labels
        self.pointLabels = pointLabels
    }

    /// The whole-number points, lowest first.
    var points: [Int] { Array(min...max) }

    /// The distance from the lowest to the highest point.
    var width: Double { Double(max - min) }

    /// The middle of the scale (3 on 1–5).
    var midpoint: Double { Double(min + max) / 2 }

    /// Reads a rating field: a number, or a label of the scale.
    func read(_ record: CSVRecord, _ column: Int) -> Reading {
        if record.isEmpty(column) { return .blank }
        if let number = record.double(column) {
            return number >= Double(min) && number <= Double(max) ? .value(number) : .outside
        }
        if let value = labels[record.trimmed(column).trimmedLowercased] { return .value(value) }
        return .unknown
    }

    /// The point a value is counted under in the distribution: the nearest whole point,
    /// halves rounded up.
    func point(of value: Double) -> Int {
        Swift.min(max, Swift.max(min, Int((value + 0.5).rounded(.down))))
    }

    /// The 9-box performance band of a rating: the lowest third of the scale's width is low,
    /// the highest third high, the rest medium (on 1–5: 1–2 low, 3 medium, 4–5 high).
    func band(of value: Double) -> NineBoxBand {
        let position = 3 * (value - Double(min))
        if position < width { return .low }
        if position > 2 * width { return .high }
        return .medium
    }

    /// How a point is shown: `4` or `4 (Exceeds expectations)` when a label maps to it.
    func displayName(of point: Int) -> String {
        pointLabels[point].map { "\(point) (\($0))" } ?? String(point)
    }

    /// How the scale is described in text: `1–5`.
    var description: String { "\(min)–\(max)" }
}

extension StringProtocol {
    /// Lower-cased, without surrounding white space.
    var trimmedLowercased: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last].lowercased()
    }
}
