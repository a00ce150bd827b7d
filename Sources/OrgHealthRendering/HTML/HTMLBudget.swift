import LibXML

/// The HTML page's fixed budget (issue 16): however large the organization, the page lists at
/// most these many rows in each place that grows with it, in the order the page already uses
/// (worst first, largest first, by rank), and says in a sentence how many are left out and
/// where they are. The XML, JSON and CSV reports carry every figure. At the demo's size and
/// any organization of a few thousand people nothing is left out.
enum HTMLBudget {
    /// Team rows of the heatmap, over all departments together.
    static let heatmapTeamRows = 1_000
    /// The fewest teams shown for a department once the team rows are shared out.
    static let heatmapTeamsPerDepartmentAtLeast = 3
    /// Departments in the heatmap (rows of the department table, and department groups).
    static let heatmapDepartments = 250
    /// Entries of each "more …" list (findings of an analyzer, strengths, movers, watchlist).
    static let moreEntries = 200

    /// The sentence under a list that was cut: `Showing 200 of 4512 teams; the other 4312 are
    /// in the XML report (scope elements) and the CSV.`
    static func leftOut(_ parent: HTMLNode, shown: Int, of total: Int, what: String, whereItIs: String) {
        guard total > shown else { return }
        parent.element("p", [("class", "muted budget")],
                       text: "Showing \(shown) of \(total) \(what) to keep this page readable; "
                           + "the other \(total - shown) are in \(whereItIs).")
    }
}
