/// One response, decoded: what the tally needs from a row, and nothing that identifies anyone.
struct ResponseRow: Sendable {
    /// Per plan item: the answer after reverse coding, as `value − scale.min` (0…100); −1 when
    /// missing.
    var values: [Int8]
    /// The eNPS answer 0–10; −1 when missing.
    var enps: Int8 = -1
    /// Whether the respondent wrote any comment.
    var commented = false
    /// The comment themes touched (bit i = theme i).
    var themes: UInt64 = 0
    /// The comments themselves, kept only when verbatim comments may be shown.
    var comments: [String] = []

    init(itemCount: Int) { values = Array(repeating: -1, count: itemCount) }

    /// Clears the row for the next response.
    mutating func reset() {
        values.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        enps = -1
        commented = false
        themes = 0
        if !comments.isEmpty { comments.removeAll(keepingCapacity: true) }
    }
}

/// Decoded responses on their way from the reading task to the counting task: fixed-size
/// arrays, reused batch after batch, so the hand-over allocates nothing per response. A value:
/// the pass hands each batch over and gets it back empty, so one side holds it at a time.
struct RowBatch: Sendable {
    /// Rows held.
    private(set) var count = 0
    /// The most rows a batch holds.
    let capacity: Int
    private let width: Int
    private(set) var values: [Int8]
    private(set) var teams: [Int]
    /// Per row: ``attributeWidth`` attribute indices (−1 = none); empty without cuts.
    private(set) var attributes: [Int32]
    let attributeWidth: Int
    private(set) var enps: [Int8]
    private(set) var commented: [Bool]
    private(set) var themes: [UInt64]
    /// Per row, when verbatims are kept; empty otherwise.
    private(set) var comments: [[String]]
    private let keepsComments: Bool

    init(capacity: Int, itemCount: Int, keepsComments: Bool, attributeWidth: Int = 0) {
        self.attributeWidth = attributeWidth
        attributes = Array(repeating: -1, count: capacity * attributeWidth)
        self.capacity = capacity
        width = itemCount
        self.keepsComments = keepsComments
        values = Array(repeating: -1, count: capacity * itemCount)
        teams = Array(repeating: 0, count: capacity)
        enps = Array(repeating: -1, count: capacity)
        commented = Array(repeating: false, count: capacity)
        themes = Array(repeating: 0, count: capacity)
        comments = keepsComments ? Array(repeating: [], count: capacity) : []
    }

    var isFull: Bool { count == capacity }

    /// Appends a row of a team, with its attribute indices; the batch must not be full.
    mutating func append(_ row: ResponseRow, team: Int, attributes rowAttributes: [Int32]) {
        for position in 0..<attributeWidth { attributes[count * attributeWidth + position] = rowAttributes[position] }
        let base = count * width
        values.withUnsafeMutableBufferPointer { values in
            row.values.withUnsafeBufferPointer { source in
                for item in 0..<width { values[base + item] = source[item] }
            }
        }
        teams[count] = team
        enps[count] = row.enps
        commented[count] = row.commented
        themes[count] = row.themes
        if keepsComments { comments[count] = row.comments }
        count += 1
    }

    /// Empties the batch for reuse.
    mutating func clear() {
        count = 0
        if keepsComments { for index in comments.indices { comments[index] = [] } }
    }
}
