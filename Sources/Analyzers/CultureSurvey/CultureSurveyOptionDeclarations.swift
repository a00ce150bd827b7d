import OrgHealthKit

extension CultureSurveyOptions {
    /// The options `init(_:)` reads, declared for the host's config check (defaults as in the
    /// properties above).
    static let declarations: [AnalyzerOptionDeclaration] = [
        .init(name: "lowParticipation", type: .number, default: "0.6", doc: "Participation below this is a finding."),
        .init(name: "dimensionGap", type: .number, default: "0.15",
              doc: "A team trailing the organization's favorability by at least this much (0–1) is a finding."),
        .init(name: "departmentGap", type: .number, default: "0.10", doc: "The same gap for a department."),
        .init(name: "unreliableAlpha", type: .number, default: "0.6",
              doc: "Cronbach's alpha below this flags a dimension's measurement as unreliable."),
        .init(name: "maxTeamFindings", type: .integer, default: "25", doc: "The most per-team findings."),
        .init(name: "teamItemDetail", type: .text, default: "auto", doc: "Per-team item and theme metrics: auto, on or off."),
        .init(name: "teamDetailBudget", type: .integer, default: "500000",
              doc: "The most per-team item and theme metrics under auto."),
        .init(name: "threads", type: .integer, default: "2", doc: "Threads for large exports (1 or 2)."),
        .init(name: "parallelAboveBytes", type: .integer, default: "4000000",
              doc: "Exports smaller than this are read on one thread."),
        .init(name: "commentThemes", type: .mapping, doc: "Theme → keywords, replacing the default comment lexicon."),
        .init(name: "columns", type: .mapping, doc: "Canonical column → the export's header (set from columns.culture-survey)."),
    ]
}
