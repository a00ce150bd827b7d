import OrgHealthKit

/// Turns CSV records into ``ReviewRow``s: checks every field, keeps the rows of cycles due in
/// the period, and reports what is wrong with a row instead of guessing.
struct ReviewRowParser: Sendable {
    /// What became of a record.
    enum Outcome {
        /// A row of the period.
        case row(ReviewRow)
        /// A row of a cycle due outside the period: not analysed.
        case outsidePeriod
        /// A row that was skipped for a problem.
        case skipped(RowProblem)
    }

    let columns: ReviewColumns
    let options: ReviewCycleOptions
    let period: ReportingPeriod
    private(set) var reviewers: ReviewerDirectory
    private var cycles: [String: Int] = [:]
    private var lastReviewee: (bytes: [UInt8], index: Int)?
    private var lastCycle: (bytes: [UInt8], number: Int)?

    init(columns: ReviewColumns, options: ReviewCycleOptions, period: ReportingPeriod, reviewers: ReviewerDirectory) {
        self.columns = columns
        self.options = options
        self.period = period
        self.reviewers = reviewers
    }

    /// The reviewee's roster index. Rows come grouped by reviewee in most exports, so the last
    /// id found is remembered and compared byte for byte before any look-up.
    private mutating func lookUpReviewee(_ record: CSVRecord) -> Result<Int, RowProblem> {
        let cached = record.withTrimmedField(columns.reviewee) { bytes -> Int? in
            guard let last = lastReviewee, bytes.elementsEqual(last.bytes) else { return nil }
            return last.index
        }
        if let cached { return .success(cached) }
        let id = record.trimmed(columns.reviewee)
        guard !id.isEmpty else { return .failure(.revieweeMissing) }
        guard let index = reviewers.rosterIndex(of: id) else { return .failure(.revieweeUnknown(id)) }
        lastReviewee = (Array(id.utf8), index)
        return .success(index)
    }

    /// The cycle's number, by order of first appearance (the last one is remembered, as rows
    /// of one cycle come together).
    private mutating func cycleNumber(_ record: CSVRecord) -> Int {
        let cached = record.withTrimmedField(columns.cycle) { bytes -> Int? in
            guard let last = lastCycle, bytes.elementsEqual(last.bytes) else { return nil }
            return last.number
        }
        if let cached { return cached }
        let id = record.trimmed(columns.cycle)
        let number = cycles[id] ?? cycles.count
        cycles[id] = number
        lastCycle = (Array(id.utf8), number)
        return number
    }

    /// The cycles seen so far, to carry over to the next file.
    var cycleNumbers: [String: Int] {
        get { cycles }
        set { cycles = newValue }
    }

    /// Reads one record. Problems that only void one value (potential, promotion) are
    /// added to `log`; the row is still used.
    mutating func parse(_ record: CSVRecord, log: inout DiagnosticCollector) -> Outcome {
        guard let due = record.withTrimmedField(columns.due, CalendarDate.init(isoBytes:)) else {
            return .skipped(.dueDate)
        }
        guard period.contains(due) else { return .outsidePeriod }
        guard let relationship = options.vocabulary.relationship(record, columns.relationship) else {
            return .skipped(.relationship)
        }
        guard let status = options.vocabulary.status(record, columns.status) else { return .skipped(.status) }
        let reviewee: Int
        switch lookUpReviewee(record) {
        case .success(let index): reviewee = index
        case .failure(let problem): return .skipped(problem)
        }
        let reviewerID = relationship == .self ? "" : record.trimmed(columns.reviewer)
        if relationship != .self, reviewerID.isEmpty { return .skipped(.reviewerMissing) }

        var row = ReviewRow(
            cycle: 0, reviewee: reviewee, reviewer: 0, relationship: relationship, status: status, onTime: false)
        if status == .submitted {
            guard !record.isEmpty(columns.submitted) else { return .skipped(.submittedWithoutDate) }
            guard let submitted = record.withTrimmedField(columns.submitted, CalendarDate.init(isoBytes:)) else {
                return .skipped(.submittedDate)
            }
            row.onTime = submitted <= due
            switch options.scale.read(record, columns.rating) {
            case .blank: row.rating = nil
            case .value(let value): row.rating = value
            case .outside: return .skipped(.ratingOutsideScale(options.scale))
            case .unknown: return .skipped(.ratingUnknown(options.scale))
            }
            if let column = columns.comment, relationship == .manager || relationship == .peer {
                let words = record.withField(column) {
                    ReviewFieldScanner.wordCount($0, limit: options.substantialCommentWords)
                }
                row.substantial = words >= options.substantialCommentWords
            }
            if let column = columns.potential, relationship == .manager {
                switch options.vocabulary.potential(record, column) {
                case .none: break
                case .some(.none): log.record(.potential, line: record.line)
                case .some(.some(let band)): row.potential = band
                }
            }
            if let column = columns.promotion, relationship == .manager {
                switch options.vocabulary.promotion(record, column) {
                case .none: break
                case .some(.none): log.record(.promotion, line: record.line)
                case .some(.some(let flag)): row.promotion = flag
                }
            }
        }
        // A self review's reviewer is the reviewee, whatever the column says.
        row.reviewer = relationship == .self ? reviewee : reviewers.number(of: reviewerID)
        row.cycle = cycleNumber(record)
        return .row(row)
    }
}
