import OrgHealthKit

/// Who wrote a review, relative to the person reviewed.
enum ReviewRelationship: Int, CaseIterable, Sendable {
    /// The reviewee about themselves.
    case `self` = 0
    /// The reviewee's manager.
    case manager
    /// A colleague.
    case peer
    /// A direct report about their manager (anonymous).
    case upward

    /// The canonical value in the file, also the suffix of `reviews.completionRate.<name>`.
    var name: String {
        switch self {
        case .self: return "self"
        case .manager: return "manager"
        case .peer: return "peer"
        case .upward: return "upward"
        }
    }

    /// A display name.
    var displayName: String {
        switch self {
        case .self: return "Self"
        case .manager: return "Manager"
        case .peer: return "Peer"
        case .upward: return "Upward"
        }
    }
}

/// Where a review assignment stands.
enum ReviewStatus: Int, CaseIterable, Sendable {
    case submitted = 0
    case inProgress
    case notStarted
    case declined

    /// The canonical value in the file.
    var name: String {
        switch self {
        case .submitted: return "submitted"
        case .inProgress: return "in_progress"
        case .notStarted: return "not_started"
        case .declined: return "declined"
        }
    }
}

/// A 9-box band: the manager's view of performance (from the rating) or of potential.
enum NineBoxBand: Int, CaseIterable, Sendable {
    case low = 0
    case medium
    case high

    var name: String {
        switch self {
        case .low: return "low"
        case .medium: return "medium"
        case .high: return "high"
        }
    }
}

/// Reads the coded values of the file (relationship, status, potential, promotion), matched
/// case-insensitively with spaces and hyphens read as underscores (`In progress` is
/// `in_progress`), plus the export's own labels from the options.
struct ReviewVocabulary: Sendable {
    private let relationships: [String: ReviewRelationship]
    private let statuses: [String: ReviewStatus]

    /// Builds the vocabulary: the canonical values plus `relationships:` and `statuses:`
    /// label mappings from the options (export text → canonical value).
    init(options: AnalyzerOptions) throws(AnalyzerError) {
        var relationships: [String: ReviewRelationship] = [:]
        for relationship in ReviewRelationship.allCases { relationships[relationship.name] = relationship }
        var statuses: [String: ReviewStatus] = [:]
        for status in ReviewStatus.allCases { statuses[status.name] = status }
        for (label, value) in try Self.labels(options, key: "relationships") {
            guard let relationship = relationships[Self.normalize(value)] else {
                throw AnalyzerError(
                    "analyzers.review-cycles.relationships: '\(label)' must map to self, manager, peer or upward")
            }
            relationships[Self.normalize(label)] = relationship
        }
        for (label, value) in try Self.labels(options, key: "statuses") {
            guard let status = statuses[Self.normalize(value)] else {
                throw AnalyzerError(
                    "analyzers.review-cycles.statuses: '\(label)' must map to submitted, in_progress, not_started or declined")
            }
            statuses[Self.normalize(label)] = status
        }
        self.relationships = relationships
        self.statuses = statuses
    }

    func relationship(_ record: CSVRecord, _ column: Int) -> ReviewRelationship? {
        let canonical = record.withTrimmedField(column) { field in
            return ReviewRelationship.allCases.first { ReviewFieldScanner.matches(field, code: Self.relationshipCodes[$0.rawValue]) }
        }
        return canonical ?? relationships[Self.normalized(record, column)]
    }

    func status(_ record: CSVRecord, _ column: Int) -> ReviewStatus? {
        let canonical = record.withTrimmedField(column) { field in
            return ReviewStatus.allCases.first { ReviewFieldScanner.matches(field, code: Self.statusCodes[$0.rawValue]) }
        }
        return canonical ?? statuses[Self.normalized(record, column)]
    }

    private static let relationshipCodes = ReviewRelationship.allCases.map { Array($0.name.utf8) }
    private static let statusCodes = ReviewStatus.allCases.map { Array($0.name.utf8) }

    /// `low`, `medium` or `high` (also `med`); `nil` when blank, `.some(nil)` when unknown.
    func potential(_ record: CSVRecord, _ column: Int) -> NineBoxBand?? {
        record.withTrimmedField(column) { field -> NineBoxBand?? in
            if field.isEmpty { return .none }
            for (band, codes) in Self.potentialCodes where codes.contains(where: { ReviewFieldScanner.matches(field, code: $0) }) {
                return .some(band)
            }
            return .some(nil)
        }
    }

    /// `yes`/`no` (also `true`/`false`, `y`/`n`, `1`/`0`); `nil` when blank, `.some(nil)`
    /// when unknown.
    func promotion(_ record: CSVRecord, _ column: Int) -> Bool?? {
        record.withTrimmedField(column) { field -> Bool?? in
            if field.isEmpty { return .none }
            for (flag, codes) in Self.promotionCodes where codes.contains(where: { ReviewFieldScanner.matches(field, code: $0) }) {
                return .some(flag)
            }
            return .some(nil)
        }
    }

    private static let potentialCodes: [(NineBoxBand, [[UInt8]])] = [
        (.low, [Array("low".utf8)]), (.medium, [Array("medium".utf8), Array("med".utf8)]), (.high, [Array("high".utf8)]),
    ]
    private static let promotionCodes: [(Bool, [[UInt8]])] = [
        (true, ["yes", "y", "true", "1"].map { Array($0.utf8) }),
        (false, ["no", "n", "false", "0"].map { Array($0.utf8) }),
    ]

    private static func labels(_ options: AnalyzerOptions, key: String) throws(AnalyzerError) -> [(String, String)] {
        let section = try options.section(key)
        var pairs: [(String, String)] = []
        for (label, value) in section.values.sorted(by: { $0.key < $1.key }) {
            guard let text = value.stringValue else {
                throw AnalyzerError("analyzers.review-cycles.\(key): the value of '\(label)' must be text")
            }
            pairs.append((label, text))
        }
        return pairs
    }

    private static func normalized(_ record: CSVRecord, _ column: Int) -> String {
        normalize(record.trimmed(column))
    }

    /// Lower case, with spaces and hyphens as underscores.
    static func normalize(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSeparator = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\t" {
                pendingSeparator = !result.isEmpty
                continue
            }
            if pendingSeparator { result.unicodeScalars.append("_") }
            pendingSeparator = false
            result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return result
    }
}
