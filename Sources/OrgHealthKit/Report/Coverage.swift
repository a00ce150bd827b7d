/// One measure behind a dimension score: the signals one analyzer gave from one metric for
/// that dimension and scope.
public struct DimensionSource: Codable, Sendable, Hashable {
    /// The analyzer's id (`culture-survey`).
    public var analyzer: String
    /// The metric the signal was derived from (`survey.dimension.trust`); empty when the
    /// analyzer named none.
    public var metric: String
    /// Its weight in the dimension's weighted mean.
    public var weight: Double
    /// The `n` it rests on.
    public var n: Int
    /// Its 0–100 score; `nil` when the privacy gate withheld it (it then did not count). In 8
    /// bytes (``CompactNumber``): 56 bytes a source instead of 64, for the 900,000 of 10^6
    /// people (issue 16).
    @CompactNumber public var score: Double?

    /// Creates a source.
    public init(analyzer: String, metric: String, weight: Double, n: Int, score: Double?) {
        self.analyzer = analyzer
        self.metric = metric
        self.weight = weight
        self.n = n
        self.score = score
    }

    /// The measure's identity across periods: analyzer and metric.
    public var measure: String { metric.isEmpty ? analyzer : "\(analyzer):\(metric)" }
}

/// How much of the health model the organization's health index rests on.
public struct HealthIndexCoverage: Codable, Sendable, Hashable {
    /// Dimensions with a score.
    public var dimensionsScored: Int
    /// Dimensions the model has (seven built-in, plus any an analyzer declares).
    public var dimensionsTotal: Int
    /// The fewest scored dimensions the index is shown with (`healthIndex.minimumDimensions`).
    public var minimumDimensions: Int
    /// The analyzers whose signals fed a dimension score, by id.
    public var sources: [String]
    /// Why the index is withheld, when it is.
    public var withheldReason: String?

    /// Creates a coverage record.
    public init(
        dimensionsScored: Int, dimensionsTotal: Int, minimumDimensions: Int, sources: [String],
        withheldReason: String? = nil
    ) {
        self.dimensionsScored = dimensionsScored
        self.dimensionsTotal = dimensionsTotal
        self.minimumDimensions = minimumDimensions
        self.sources = sources
        self.withheldReason = withheldReason
    }
}

/// Whether one analyzer's source gave data this period, and if not, why.
public struct SourceCoverage: Codable, Sendable, Hashable {
    /// Why a source gave no data.
    public enum Absence: String, Codable, Sendable, CaseIterable {
        /// No file is configured for it (or the analyzer is disabled).
        case noFiles = "no-files"
        /// It ran, but nothing it read fell inside the period.
        case outOfPeriod = "out-of-period"
        /// The analyzer failed.
        case failed
    }

    /// The analyzer's id.
    public var analyzer: String
    /// Its display name.
    public var name: String
    /// `nil` when the source gave data; else why not.
    public var absence: Absence?
    /// The analyzer's own words on it, when it has some.
    public var detail: String?
    /// Whether it fed the health model in the period trends compare with.
    public var fedPreviousPeriod: Bool

    /// Creates a record.
    public init(analyzer: String, name: String, absence: Absence?, detail: String? = nil, fedPreviousPeriod: Bool = false) {
        self.analyzer = analyzer
        self.name = name
        self.absence = absence
        self.detail = detail
        self.fedPreviousPeriod = fedPreviousPeriod
    }

    /// Whether it gave data.
    public var isPresent: Bool { absence == nil }

    /// The absence in words: "no files", "out of period", "failed".
    public var absenceText: String? {
        switch absence {
        case nil: return nil
        case .noFiles?: return "no files"
        case .outOfPeriod?: return "out of period"
        case .failed?: return "failed"
        }
    }
}
