/// The report's stylesheet: static, trusted text (never data), inlined into the page.
enum HTMLStyles {
    static let css = """
    :root { --ink: #1d2430; --muted: #5b6573; --line: #d9dee5; --bg: #ffffff; --panel: #f5f7fa;
      --healthy: #1f7a4d; --healthy-bg: #dcefe4; --watch: #8a5a00; --watch-bg: #fbecc8;
      --risk: #a3261b; --risk-bg: #f8d9d5; --none-bg: #eceff3; --accent: #2f5d9e; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--ink); background: var(--bg); }
    main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
    header.report-header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
    header.report-header h1 { margin: 0; font-size: 26px; }
    .subtitle { color: var(--muted); margin: 4px 0 0; }
    nav.toc { margin: 12px 0 0; font-size: 14px; }
    nav.toc a { color: var(--accent); margin-right: 14px; text-decoration: none; }
    h2 { font-size: 21px; margin: 36px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 17px; margin: 22px 0 8px; }
    .summary-grid { display: grid; grid-template-columns: 220px 1fr; gap: 18px; align-items: start; }
    .index-card { background: var(--panel); border-radius: 10px; padding: 16px; text-align: center; }
    .index-card .big { font-size: 56px; font-weight: 700; line-height: 1.1; }
    .index-card .label { color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .04em; }
    .dimension-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
    .dimension-card { border-radius: 8px; padding: 10px 12px; border: 1px solid var(--line); }
    .dimension-card .name { font-size: 13px; font-weight: 600; }
    .dimension-card .score { font-size: 28px; font-weight: 700; }
    .dimension-card .band, .band-text { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
    .trend { font-size: 12px; color: var(--muted); }
    .trend.significant { color: var(--ink); font-weight: 700; }
    svg.sparkline { display: block; margin-top: 4px; }
    .band-healthy { background: var(--healthy-bg); color: var(--healthy); }
    .band-watch { background: var(--watch-bg); color: var(--watch); }
    .band-at-risk { background: var(--risk-bg); color: var(--risk); }
    .band-none { background: var(--none-bg); color: var(--muted); }
    .dimension-card.band-healthy .score, .dimension-card.band-watch .score, .dimension-card.band-at-risk .score { color: inherit; }
    .two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 22px; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 14px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
    th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
    th { background: var(--panel); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.heatmap td { text-align: center; font-variant-numeric: tabular-nums; min-width: 64px; }
    table.heatmap td.cell-suppressed { background: repeating-linear-gradient(45deg, #eceff3, #eceff3 4px, #ffffff 4px, #ffffff 8px);
      color: var(--muted); font-size: 12px; }
    table.heatmap td.cell-empty { color: var(--muted); }
    table.heatmap th[scope=row] { text-align: left; white-space: nowrap; }
    .muted { color: var(--muted); }
    .finding { border-left: 5px solid var(--line); padding: 6px 12px; margin: 8px 0; background: var(--panel); border-radius: 0 6px 6px 0; }
    .finding.sev-critical { border-color: var(--risk); }
    .finding.sev-warning { border-color: #c98a00; }
    .finding.sev-info { border-color: var(--accent); }
    .finding.sev-strength { border-color: var(--healthy); }
    .finding .sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; }
    .finding .title { font-weight: 600; }
    .finding p { margin: 3px 0; }
    .finding .cross { font-size: 11px; font-weight: 700; color: var(--accent); margin-left: 6px; }
    .status { font-size: 12px; font-weight: 700; padding: 2px 8px; border-radius: 10px; margin-left: 8px; vertical-align: middle; }
    .status-ok { background: var(--healthy-bg); color: var(--healthy); }
    .status-failed { background: var(--risk-bg); color: var(--risk); }
    .status-skipped { background: var(--none-bg); color: var(--muted); }
    figure { margin: 10px 0 18px; }
    figcaption { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
    svg.chart { max-width: 100%; height: auto; }
    svg.chart text { font-size: 11px; fill: #1d2430; }
    svg.chart .axis { stroke: #9aa4b1; stroke-width: 1; }
    svg.chart .grid { stroke: #e3e7ec; stroke-width: 1; }
    details { margin: 4px 0 12px; }
    summary { cursor: pointer; color: var(--accent); font-size: 14px; }
    ul.diagnostics { font-size: 13px; padding-left: 18px; }
    ul.diagnostics li { margin: 2px 0; }
    .sev-label { font-weight: 700; text-transform: uppercase; font-size: 11px; }
    dl.definitions dt { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; font-weight: 600; margin-top: 8px; }
    dl.definitions dd { margin: 2px 0 0 16px; }
    footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
    @media (max-width: 800px) { .summary-grid, .two-col { grid-template-columns: 1fr; } }
    @media print {
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      nav.toc, summary { display: none; }
      details > *:not(summary) { display: block; }
      h2 { break-after: avoid; page-break-after: avoid; }
      section.analyzer, .finding, figure, tr { break-inside: avoid; page-break-inside: avoid; }
      section.analyzer { break-before: page; page-break-before: always; }
      .band-healthy, .band-watch, .band-at-risk, .band-none, th, .finding, .index-card, td.cell-suppressed {
        -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
