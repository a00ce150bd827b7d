import OrgHealthKit

extension OrgStructureAnalyzer {
    /// The options `OrgStructureOptions` reads, declared for the host's config check.
    static let optionDeclarations: [AnalyzerOptionDeclaration] = [
        .init(name: "narrowSpanBelow", type: .integer, default: "3", doc: "A manager with fewer direct reports has a narrow span."),
        .init(name: "wideSpanAbove", type: .integer, default: "12", doc: "A manager with more direct reports has a wide span."),
        .init(name: "columns", type: .mapping, doc: "Accepted for symmetry; the roster's columns are set under columns.roster."),
    ]
}
