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

extension PackStyles {
    /// Print: A4 pages with margins, page numbers and a standing note in the bottom margin,
    /// a running title (organization and period) on every page, page breaks before major
    /// sections, table headers repeated, charts and rows kept whole, collapsed `<details>`
    /// printed open. The margin boxes hold static text only — the organization and period are
    /// data, data never goes into the stylesheet, and Chromium has no `string-set` — so the
    /// running title is an element of the page (`.running-title`), fixed to the top of every
    /// printed page (Chromium repeats fixed elements on each page), with room kept for it by
    /// the main element's top padding, cloned onto every page it spans.
    static let printCSS = """

    .running-title { display: none; }
    @page { size: A4; margin: 20mm 14mm 18mm;
      @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #5b6573; }
      @bottom-left { content: "HR data: share on a need-to-know basis"; font: 9pt system-ui, sans-serif; color: #5b6573; } }
    @media print {
      .running-title { display: block; position: fixed; top: 0; left: 0; right: 0; font: 9pt system-ui, sans-serif; color: #5b6573; }
      main { padding-top: 9mm; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
      #movers, #heatmap, #data-quality, #methodology { break-before: page; page-break-before: always; }
      thead { display: table-header-group; }
      tr, figure, svg, .headline-card, .dimension-card { break-inside: avoid; page-break-inside: avoid; }
      details { display: block; }
      details > summary { display: block; color: var(--ink); font-weight: 600; }
      details > summary::marker { content: ""; }
      .headline-card, tr.baseline td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
