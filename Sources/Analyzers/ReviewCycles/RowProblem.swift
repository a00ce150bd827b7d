import OrgHealthKit

/// Something wrong with one review row. Messages say what is wrong and what to do, and never
/// quote the row's content (ratings and comments are personal).
enum RowProblem: Error, Hashable, Sendable {
    case raggedRow(expected: Int, found: Int)
    case dueDate
    case relationship
    case status
    case revieweeMissing
    case revieweeUnknown(String)
    case reviewerMissing
    case submittedWithoutDate
    case submittedDate
    case ratingOutsideScale(RatingScale)
    case ratingUnknown(RatingScale)
    case potential
    case promotion

    /// Whether the row was skipped (otherwise only the value was ignored).
    var skipsRow: Bool {
        switch self {
        case .potential, .promotion: return false
        default: return true
        }
    }

    /// The kind of problem, for counting repeats (the reviewee's id aside).
    var kind: String {
        switch self {
        case .raggedRow: return "ragged"
        case .revieweeUnknown: return "reviewee-unknown"
        case .ratingOutsideScale: return "rating-outside"
        case .ratingUnknown: return "rating-unknown"
        default: return String(describing: self)
        }
    }

    var message: String {
        let skipped = "; the row was skipped"
        switch self {
        case .raggedRow(let expected, let found):
            return "the row has \(found) fields but the header has \(expected)\(skipped) "
                + "(quote fields that contain commas or line breaks)"
        case .dueDate:
            return "due_date is missing or not an ISO date (YYYY-MM-DD)\(skipped)"
        case .relationship:
            return "relationship is not self, manager, peer or upward\(skipped) "
                + "(map the export's own values with analyzers.review-cycles.relationships)"
        case .status:
            return "status is not submitted, in_progress, not_started or declined\(skipped) "
                + "(map the export's own values with analyzers.review-cycles.statuses)"
        case .revieweeMissing:
            return "reviewee_id is empty\(skipped)"
        case .revieweeUnknown(let id):
            return "reviewee \(id) is not in the roster\(skipped) (add the person to the roster, or correct the id)"
        case .reviewerMissing:
            return "reviewer_id is empty (only a self review may leave it empty)\(skipped)"
        case .submittedWithoutDate:
            return "the review is submitted but submitted_at is empty\(skipped) (export the submission date)"
        case .submittedDate:
            return "submitted_at is not an ISO date or timestamp (2026-09-14 or 2026-09-14T10:30:00Z)\(skipped)"
        case .ratingOutsideScale(let scale):
            return "the rating is outside the scale \(scale.description)\(skipped) "
                + "(set analyzers.review-cycles.scale if the tool uses another scale)"
        case .ratingUnknown(let scale):
            return "the rating is neither a number on the scale \(scale.description) nor one of its labels\(skipped) "
                + "(add the tool's labels under analyzers.review-cycles.scale.labels)"
        case .potential:
            return "potential is not low, medium or high; the value was ignored (the rest of the row was used)"
        case .promotion:
            return "promotion is not yes or no; the value was ignored (the rest of the row was used)"
        }
    }
}
