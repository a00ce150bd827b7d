import OrgHealthKit

extension OneOnOneOptions {
    /// The options `init(options:)` reads, declared for the host's config check.
    static let declarations: [AnalyzerOptionDeclaration] = [
        .init(name: "expectedCadenceDays", type: .integer, default: "14", doc: "The cadence a pair should keep, in days."),
        .init(name: "maxGapDays", type: .integer, default: "30",
              doc: "A stretch without a held meeting longer than this is a long gap."),
        .init(name: "topics", type: .mapping, doc: "Topic → keywords; replaces a default topic's keywords or adds a topic."),
        .init(name: "columns", type: .mapping, doc: "Canonical field → the export's name (set from columns.one-on-ones)."),
    ]
}
