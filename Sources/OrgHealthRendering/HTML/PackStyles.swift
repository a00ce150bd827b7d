/// Styles of the quarterly pack's views (headline cards, movers, change columns), kept apart
/// from ``HTMLStyles`` so each stays small. Static, trusted text, appended to the page's stylesheet.
enum PackStyles {
    static let css = """

    .headline-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 14px 0 4px; }
    .headline-card { border-radius: 8px; padding: 10px 12px; border: 1px solid var(--line); background: var(--panel); }
    .headline-card .name { font-size: 13px; font-weight: 600; }
    .headline-card .score { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
    table.movers td.num { white-space: nowrap; }
    details.more-movers > summary { margin: 4px 0; }
    svg.chart text.on-dark { fill: #ffffff; }
    """
}

extension PackStyles {
    /// The heatmap's departments and baseline rows.
    static let heatmapCSS = """

    details.heatmap-department > summary { font-weight: 600; margin: 6px 0 2px; }
    table.heatmap tr.baseline th, table.heatmap tr.baseline td { border-bottom: 2px solid var(--ink); font-weight: 700; }
    table.heatmap td.num { text-align: right; min-width: 40px; }
    """
}
