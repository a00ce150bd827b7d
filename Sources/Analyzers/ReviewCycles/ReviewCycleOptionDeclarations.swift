import OrgHealthKit

extension ReviewCycleOptions {
    /// The options `init(_:)` reads (`keys`), declared for the host's config check.
    static let declarations: [AnalyzerOptionDeclaration] = [
        .init(name: "scale", type: .mapping, default: "{min: 1, max: 5}", doc: "The rating scale: min, max and labels."),
        .init(name: "relationships", type: .mapping, doc: "The export's own relationship labels → self, manager, peer, upward."),
        .init(name: "statuses", type: .mapping, doc: "The export's own status labels → submitted, in_progress, …"),
        .init(name: "substantialCommentWords", type: .integer, default: "25",
              doc: "A comment with at least this many words has substance."),
        .init(name: "lowCompletionBelow", type: .number, default: "0.8", doc: "A team's completion below this is a finding."),
        .init(name: "lowOnTimeBelow", type: .number, default: "0.8", doc: "A team's on-time rate below this is a finding."),
        .init(name: "largeGapAtLeast", type: .number, default: "1",
              doc: "A mean self–manager gap of at least this many scale points is a finding."),
        .init(name: "lowUpwardScoreBelow", type: .number, default: "the scale's midpoint",
              doc: "An upward score below this is a finding."),
        .init(name: "leniencyZ", type: .number, default: "2", doc: "The |z| at which a manager's ratings are a calibration candidate."),
        .init(name: "columns", type: .mapping, doc: "Canonical column → the export's header (set from columns.review-cycles)."),
    ]
}
