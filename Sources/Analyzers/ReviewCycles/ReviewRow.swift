import OrgHealthKit

/// One review assignment of the period, as the tallies need it: people as numbers, codes as
/// enums, the comment reduced to whether it has substance. No text of the row survives.
struct ReviewRow: Sendable {
    /// The cycle, numbered in order of appearance.
    var cycle: Int
    /// The reviewee's index in the roster.
    var reviewee: Int
    /// The reviewer's number (see ``ReviewerDirectory``).
    var reviewer: Int
    var relationship: ReviewRelationship
    var status: ReviewStatus
    /// Submitted on or before the due date (only for submitted reviews).
    var onTime: Bool
    /// The rating of a submitted review, when it has one.
    var rating: Double?
    /// Whether the comment of a submitted manager or peer review has substance; `nil` for
    /// other reviews or when the file has no comment column.
    var substantial: Bool?
    /// The potential given in a submitted manager review, if any.
    var potential: NineBoxBand?
    /// The promotion recommendation of a submitted manager review, if any.
    var promotion: Bool?
}
