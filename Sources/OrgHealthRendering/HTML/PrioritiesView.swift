import LibXML
import OrgHealthKit

/// What to look at first: the watchlist ranked by how far each group is below the
/// organization weighted by its size, findings ranked by severity then evidence, and the
/// strengths. The first ones are shown; the rest wait in collapsed `<details>`, up to the
/// page's budget (``HTMLBudget``), past which a sentence says where the others are.
struct Priorities {
    let report: HealthReport
    /// How scopes are named in prose, built once for the page.
    let names: ScopeNames
    /// The n of every unsuppressed metric a finding of the report cites, by metric id then
    /// scope (the last such metric in report order). Keyed by the scope itself, not its id:
    /// composing the id of every metric of a cited family was a fifth of this index at 10^5
    /// people (issue 16).
    private let evidenceN: [String: [Scope: Int]]
    /// The cross-source findings.
    private let cross: Set<Finding>
    /// Findings other than strengths: by severity, cross-source first, then evidence strength, then report order.
    let rankedFindings: [Finding]
    /// Strengths, strongest evidence first.
    let strengths: [Finding]

    static let watchlistShown = 10
    static let findingsShown = 5
    static let strengthsShown = 5

    /// Indexes, once for the page, only the metrics the report's findings cite: at 1,000,000
    /// people there are millions of metrics and few findings (issue 16).
    init(report: HealthReport) {
        self.report = report
        names = ScopeNames(report)
        cross = Set(report.crossSourceFindings)
        var cited: [String: Set<Scope>] = [:]
        for finding in report.crossSourceFindings {
            for metric in finding.evidence { cited[metric, default: []].insert(finding.scope) }
        }
        for run in report.analyzers {
            for finding in run.result.findings {
                for metric in finding.evidence { cited[metric, default: []].insert(finding.scope) }
            }
        }
        var evidenceN: [String: [Scope: Int]] = [:]
        if !cited.isEmpty {
            for run in report.analyzers {
                // Read in place: a copy of each metric retained the strings in it.
                run.result.metrics.withUnsafeBufferPointer { metrics in
                    for index in metrics.indices where metrics[index].suppressed == nil {
                        guard let scopes = cited[metrics[index].id] else { continue }
                        let scope = metrics[index].scope
                        if scopes.contains(scope) { evidenceN[metrics[index].id, default: [:]][scope] = metrics[index].n }
                    }
                }
            }
        }
        self.evidenceN = evidenceN
        // Ranked once for the page, for the top findings and the strengths alike.
        let ranked = report.rankedFindings
        rankedFindings = Self.rank(ranked.filter { $0.severity != .strength }, cross: cross, evidenceN: evidenceN)
        strengths = Self.rank(ranked.filter { $0.severity == .strength }, cross: cross, evidenceN: evidenceN)
    }

    /// A watchlist entry with what ranks it.
    struct RankedEntry {
        let entry: WatchlistEntry
        let headcount: Int
        /// Organization index − the group's index, in points (0 when not below).
        let gap: Double
        /// `gap × headcount`: people-points below the organization.
        var weight: Double { gap * Double(headcount) }
    }

    /// The watchlist, largest `gap × headcount` first; ties by the engine's order.
    var rankedWatchlist: [RankedEntry] {
        let org = report.summary.healthIndex
        let ranked = report.watchlist.map { entry in
            let gap = org.flatMap { org in entry.healthIndex.map { max(0, org - $0) } } ?? 0
            return RankedEntry(entry: entry, headcount: names.headcount(of: entry.scope), gap: gap)
        }
        return ranked.enumerated().sorted { left, right in
            left.element.weight != right.element.weight ? left.element.weight > right.element.weight : left.offset < right.offset
        }.map(\.element)
    }

    /// The largest n among a finding's evidence metrics at its scope: how many people the
    /// evidence rests on.
    private static func evidenceStrength(_ finding: Finding, _ evidenceN: [String: [Scope: Int]]) -> Int {
        finding.evidence.compactMap { evidenceN[$0]?[finding.scope] }.max() ?? 0
    }

    /// `findings` by severity, cross-source first, then evidence strength, then their order.
    func rank(_ findings: [Finding]) -> [Finding] { Self.rank(findings, cross: cross, evidenceN: evidenceN) }

    private static func rank(_ findings: [Finding], cross: Set<Finding>, evidenceN: [String: [Scope: Int]]) -> [Finding] {
        // What ranks each finding, worked out once per finding rather than per comparison.
        let keys = findings.map {
            (severity: $0.severity.rank, cross: cross.contains($0), strength: evidenceStrength($0, evidenceN))
        }
        return findings.indices.sorted { left, right in
            if keys[left].severity != keys[right].severity { return keys[left].severity < keys[right].severity }
            if keys[left].cross != keys[right].cross { return keys[left].cross }
            if keys[left].strength != keys[right].strength { return keys[left].strength > keys[right].strength }
            return left < right
        }.map { findings[$0] }
    }

    func renderWatchlist(into parent: HTMLNode) {
        parent.element("h3", text: "Watchlist")
        let ranked = rankedWatchlist
        guard !ranked.isEmpty else {
            parent.element("p", [("class", "muted")], text: "No team has a health index or dimension below 60.")
            return
        }
        parent.element("p", [("class", "muted")],
                       text: "\(ranked.count) groups, ranked by how far below the organization they are, weighted by size "
                           + "(points below × headcount).")
        watchTable(parent, Array(ranked.prefix(Self.watchlistShown)))
        if ranked.count > Self.watchlistShown {
            let details = parent.element("details", [("class", "more-watchlist")])
            details.element("summary", text: "\(ranked.count - Self.watchlistShown) more groups on the watchlist")
            let more = Array(ranked.dropFirst(Self.watchlistShown).prefix(HTMLBudget.moreEntries))
            watchTable(details, more)
            HTMLBudget.leftOut(details, shown: more.count, of: ranked.count - Self.watchlistShown, what: "more groups on the watchlist",
                               whereItIs: "the XML report (the watchlist element)")
        }
    }

    private func watchTable(_ parent: HTMLNode, _ entries: [RankedEntry]) {
        let table = parent.element("table", [("class", "watchlist")])
        let head = table.element("thead").element("tr")
        head.element("th", [("scope", "col")], text: "Team or department")
        head.element("th", [("scope", "col"), ("class", "num")], text: "n")
        head.element("th", [("scope", "col"), ("class", "num")], text: "Index")
        head.element("th", [("scope", "col"), ("class", "num")], text: "Below org")
        head.element("th", [("scope", "col")], text: "At risk")
        let body = table.element("tbody")
        for ranked in entries {
            let entry = ranked.entry
            let row = body.element("tr")
            row.element("th", [("scope", "row")], text: entry.scope.name)
            row.element("td", [("class", "num")], text: String(ranked.headcount))
            row.element("td", [("class", "num \(DisplayFormat.bandClass(entry.healthIndex))")], text: DisplayFormat.score(entry.healthIndex))
            row.element("td", [("class", "num")], text: ranked.gap > 0 ? DisplayFormat.oneDecimal(ranked.gap, trimZero: false) : "—")
            row.element("td", text: entry.weakDimensions.map(\.displayName).joined(separator: ", "))
        }
    }

    func renderTopFindings(into parent: HTMLNode) {
        parent.element("h3", text: "Top findings")
        let findings = rankedFindings
        if findings.isEmpty { parent.element("p", [("class", "muted")], text: "No findings.") }
        for finding in findings.prefix(Self.findingsShown) {
            renderFinding(finding, into: parent, names: names, crossSource: cross.contains(finding))
        }
        if findings.count > Self.findingsShown {
            parent.element("p", [("class", "muted")],
                           text: "\(findings.count - Self.findingsShown) more findings, ranked, under each analyzer below.")
        }
    }

    func renderStrengths(into section: HTMLNode) {
        let strengths = strengths
        let block = section.element("div", [("class", "strengths"), ("id", "strengths")])
        block.element("h3", text: "Strengths")
        guard !strengths.isEmpty else {
            block.element("p", [("class", "muted")], text: "No analyzer reported a strength this period.")
            return
        }
        for finding in strengths.prefix(Self.strengthsShown) { renderFinding(finding, into: block, names: names) }
        if strengths.count > Self.strengthsShown {
            let details = block.element("details")
            details.element("summary", text: "\(strengths.count - Self.strengthsShown) more strengths")
            let more = strengths.dropFirst(Self.strengthsShown).prefix(HTMLBudget.moreEntries)
            for finding in more { renderFinding(finding, into: details, names: names) }
            HTMLBudget.leftOut(details, shown: more.count, of: strengths.count - Self.strengthsShown, what: "more strengths",
                               whereItIs: "the XML report (finding elements of severity strength)")
        }
    }
}
