import OrgHealthKit

/// Where each field of a review row is, found from the header (with the config's re-mapping).
struct ReviewColumns: Sendable {
    /// The columns every file must have, by canonical name.
    static let required = [
        "cycle_id", "reviewee_id", "reviewer_id", "relationship", "status", "due_date", "submitted_at", "rating",
    ]

    let cycle: Int
    let reviewee: Int
    let reviewer: Int
    let relationship: Int
    let status: Int
    let due: Int
    let submitted: Int
    let rating: Int
    /// Optional: without it, comment substance is not reported.
    let comment: Int?
    /// Optional (9-box): `low`, `medium`, `high`.
    let potential: Int?
    /// Optional: `yes` or `no`.
    let promotion: Int?

    /// Finds the columns.
    /// - Throws: an ``AnalyzerError`` naming every missing required column and the mapping key to set.
    init(header: CSVHeader, source: String, line: Int) throws(AnalyzerError) {
        let missing = Self.required.filter { !header.contains($0) }
        if !missing.isEmpty {
            let names = missing.map { "'\(header.expectedHeader(for: $0))'" }.joined(separator: ", ")
            let keys = missing.map { "columns.review-cycles.\($0)" }.joined(separator: ", ")
            let noun = missing.count == 1 ? "column" : "columns"
            throw AnalyzerError(
                "the review file has no \(noun) \(names); add \(missing.count == 1 ? "it" : "them"), "
                    + "or map the export's own header with \(keys) in the config"
                    + (header.delimiterHint.map { "; \($0)" } ?? ""),
                source: source, line: line)
        }
        func index(_ name: String) -> Int { header.index(of: name) ?? 0 }
        cycle = index("cycle_id")
        reviewee = index("reviewee_id")
        reviewer = index("reviewer_id")
        relationship = index("relationship")
        status = index("status")
        due = index("due_date")
        submitted = index("submitted_at")
        rating = index("rating")
        comment = header.index(of: "comment")
        potential = header.index(of: "potential")
        promotion = header.index(of: "promotion")
    }
}
