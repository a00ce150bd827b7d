import LibXML
import OrgHealthKit

/// What the headline rests on: the data-coverage line and warning at the top of the summary,
/// the health index's coverage, and the measures behind each dimension score.
struct CoverageView {
    let report: HealthReport

    /// The data-coverage line (which sources gave data, which did not and why), and a warning
    /// when a source that fed the previous period gives none now.
    func renderCoverageLine(into section: HTMLNode) {
        let sources = report.summary.sources
        guard !sources.isEmpty else { return }
        let lost = sources.filter { $0.fedPreviousPeriod && !$0.isPresent }
        if !lost.isEmpty {
            let names = lost.map { "\($0.name) (\($0.absenceText ?? "absent"))" }.joined(separator: ", ")
            section.element("p", [("class", "coverage-warning"), ("role", "alert")],
                            text: "Warning: \(names) fed \(report.summary.previousPeriod ?? "the previous period") "
                                + "but \(lost.count == 1 ? "gives" : "give") no data in this period. "
                                + "The health index is withheld and affected trends are like-for-like or not shown.")
        }
        let present = sources.filter(\.isPresent).map(\.name)
        let absent = sources.filter { !$0.isPresent }.map { "\($0.name) (\($0.absenceText ?? "absent"))" }
        var text = "Data coverage: " + (present.isEmpty ? "no source gave data" : "present: " + present.joined(separator: ", "))
        if !absent.isEmpty { text += "; absent: " + absent.joined(separator: ", ") }
        section.element("p", [("class", absent.isEmpty ? "coverage" : "coverage coverage-gaps")], text: text + ".")
    }

    /// Under the health index: how many dimensions it covers and from which sources, or why
    /// it is withheld.
    func renderIndexCoverage(into card: HTMLNode) {
        guard let coverage = report.summary.coverage else { return }
        if let reason = coverage.withheldReason {
            card.element("div", [("class", "coverage-note")], text: "Withheld: \(reason).")
            return
        }
        let names = coverage.sources.map { id in report.summary.sources.first { $0.analyzer == id }?.name ?? id }
        card.element("div", [("class", "coverage-note")],
                     text: "\(coverage.dimensionsScored) of \(coverage.dimensionsTotal) dimensions scored, from "
                        + (names.isEmpty ? "no source" : names.joined(separator: ", ")) + ".")
    }

    /// Under a dimension card: the sources behind the score (each measure in the title), and
    /// how its trend was compared when the measures differ between the periods.
    func renderSources(of score: DimensionScore, into box: HTMLNode) {
        if let basis = score.trendBasis {
            let short = basis.hasPrefix("not comparable") ? "Trend not comparable" : "Trend like-for-like"
            box.element("div", [("class", "trend-basis"), ("title", "Trend \(basis).")], text: short + ".")
        }
        guard !score.sources.isEmpty else { return }
        var order: [String] = []
        var largestN: [String: Int] = [:]
        for source in score.sources {
            if largestN[source.analyzer] == nil { order.append(source.analyzer) }
            largestN[source.analyzer] = max(largestN[source.analyzer] ?? 0, source.score == nil ? 0 : source.n)
        }
        let names = order.map { id in
            let name = report.summary.sources.first { $0.analyzer == id }?.name ?? id
            return largestN[id] == 0 ? "\(name) (withheld)" : "\(name) (n = \(largestN[id] ?? 0))"
        }
        box.element("div", [("class", "sources"), ("title", "Measures: " + Self.sourcesText(score.sources))],
                    text: "From " + names.joined(separator: ", "))
    }

    /// `survey.dimension.trust (culture-survey, n = 120)`, withheld ones marked.
    static func sourcesText(_ sources: [DimensionSource]) -> String {
        sources.map { source in
            let name = source.metric.isEmpty ? source.analyzer : source.metric
            guard source.score != nil else { return "\(name) (\(source.analyzer), withheld)" }
            let weight = source.weight == 1 ? "" : ", weight \(DisplayFormat.oneDecimal(source.weight, trimZero: true))"
            return "\(name) (\(source.analyzer), n = \(source.n)\(weight))"
        }.joined(separator: "; ")
    }
}

extension CoverageView {
    /// The styles of the coverage line, the warning and the source notes.
    static let css = """
        .coverage { font-size: 13px; color: var(--muted); margin: 0 0 10px; }
        .coverage-warning { border-left: 4px solid #b3261e; background: #fdecea; padding: 8px 12px; font-weight: 600; }
        .coverage-note, .trend-basis, .sources { font-size: 11px; color: var(--muted); margin-top: 4px; overflow-wrap: anywhere; }

        """
}
