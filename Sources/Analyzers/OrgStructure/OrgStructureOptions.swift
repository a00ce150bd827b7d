import OrgHealthKit

/// The analyzer's options: the configurable span-of-control bounds (`analyzers.org-structure.narrowSpanBelow`,
/// `wideSpanAbove`; defaults 3 and 12).
struct OrgStructureOptions {
    let narrowBelow: Int
    let wideAbove: Int

    init(options: AnalyzerOptions) throws {
        narrowBelow = try options.int("narrowSpanBelow", default: 3)
        wideAbove = try options.int("wideSpanAbove", default: 12)
        guard narrowBelow >= 1, wideAbove >= narrowBelow else {
            throw AnalyzerError("analyzers.org-structure: narrowSpanBelow must be ≥ 1 and wideSpanAbove ≥ narrowSpanBelow")
        }
    }

    func isNarrow(_ reports: Int) -> Bool { reports < narrowBelow }
    func isWide(_ reports: Int) -> Bool { reports > wideAbove }
}
