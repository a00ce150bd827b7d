import LibXML
import OrgHealthKit

/// Draws a ``ReportChart`` as inline SVG with `role="img"`, a title and a text alternative
/// (the same data as a table in a `<details>` element). Suppressed points are drawn as a
/// hatched placeholder labelled "suppressed", never as an empty bar.
struct SVGChart {
    let chart: ReportChart
    /// Per series, worked out once per chart rather than per bar (issue 16: per bar, a series'
    /// unit looked at all its points and its colour searched its name, and a point was found
    /// by a walk through the series — hundreds of bars made each chart quadratic): its points
    /// by label (the first of a label), its colour and the unit its values are shown in.
    private let pointsByLabel: [[String: ReportChart.Point]]
    private let colours: [String]
    private let units: [MetricUnit]

    static let palette = ["#2f5d9e", "#c98a00", "#1f7a4d", "#a3261b", "#6b4fa0", "#2b8a99"]

    init(chart: ReportChart) {
        self.chart = chart
        pointsByLabel = chart.series.map { series in
            var points: [String: ReportChart.Point] = [:]
            for point in series.points where points[point.label] == nil { points[point.label] = point }
            return points
        }
        let tones = chart.series.map { SeriesTone(seriesName: $0.name) }
        colours = chart.series.indices.map { tones[$0]?.colour ?? Self.palette[$0 % Self.palette.count] }
        // A share of favorable (or neutral, unfavorable) answers is a percentage even in a
        // chart of another unit (the drivers chart pairs r with favorability), so percentages
        // read the same everywhere on the page.
        units = chart.series.indices.map { index in
            tones[index] != nil && chart.series[index].points.allSatisfy({ ($0.value ?? 0) >= 0 && ($0.value ?? 0) <= 1 })
                ? .ratio : chart.unit
        }
    }

    func draw(into parent: HTMLNode) {
        let figure = parent.element("figure")
        figure.element("figcaption", text: chart.title)
        let svgParent = figure
        switch chart.kind {
        case .bar: drawBars(svgParent)
        case .stackedBar: drawStacked(svgParent)
        case .histogram: drawColumns(svgParent)
        case .line: drawLine(svgParent)
        }
        dataTable(figure)
    }

    private var labels: [String] {
        var seen: Set<String> = []
        var ordered: [String] = []
        for series in chart.series {
            for point in series.points where seen.insert(point.label).inserted { ordered.append(point.label) }
        }
        return ordered
    }

    /// The first point of series `index` with the label.
    private func value(_ index: Int, _ label: String) -> ReportChart.Point? {
        pointsByLabel[index][label]
    }

    private func svg(_ parent: HTMLNode, width: Int, height: Int) -> HTMLNode {
        let node = parent.element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("role", "img"),
            ("viewBox", "0 0 \(width) \(height)"), ("width", String(width)), ("height", String(height)),
            ("aria-label", altText),
        ])
        node.element("title", text: altText)
        return node
    }

    /// A one-sentence description for screen readers; the table below holds the data.
    private var altText: String {
        let points = chart.series.reduce(0) { $0 + $1.points.count }
        return "\(chart.title): \(chartKindName) of \(points) values; the data is in the table that follows."
    }

    private var chartKindName: String {
        switch chart.kind {
        case .bar: return "bar chart"
        case .stackedBar: return "stacked bar chart"
        case .histogram: return "histogram"
        case .line: return "line chart"
        }
    }

    private func maxValue() -> Double {
        let values = chart.series.flatMap { $0.points.compactMap(\.value) }
        let top = values.max() ?? 0
        if chart.unit == .ratio { return max(top, 1e-9) > 1 ? top : 1 }
        return top > 0 ? top : 1
    }

    private func drawBars(_ parent: HTMLNode) {
        let labels = labels
        let seriesCount = max(chart.series.count, 1)
        let barHeight = 14
        let labelWidth = 190, plotWidth = 420, valueWidth = 90
        let wrapped = labels.map { SVGTextWrap.lines($0, maxWidth: Double(labelWidth - 10)) }
        let rowHeights = wrapped.map { max(barHeight * seriesCount + 8, $0.count * SVGTextWrap.lineHeight + 6) }
        let tops = rowHeights.reduce(into: [0]) { $0.append(($0.last ?? 0) + $1) }
        let height = (tops.last ?? 0) + (labels.isEmpty ? barHeight * seriesCount + 8 : 0) + 24
        let canvas = svg(parent, width: labelWidth + plotWidth + valueWidth, height: height)
        let minimum = min(0, chart.series.flatMap { $0.points.compactMap(\.value) }.min() ?? 0)
        let maximum = maxValue()
        let span = max(maximum - minimum, 1e-9)
        let zeroX = Double(labelWidth) + Double(plotWidth) * (-minimum / span)
        for (row, label) in labels.enumerated() {
            let top = tops[row] + 4
            let lines = wrapped[row]
            wrappedLabel(canvas, lines, x: labelWidth - 6,
                         firstBaseline: top + (rowHeights[row] - lines.count * SVGTextWrap.lineHeight) / 2 + 7)
            for (index, series) in chart.series.enumerated() {
                let y = top + index * barHeight
                guard let point = value(index, label) else { continue }
                guard let value = point.value else {
                    suppressedMark(canvas, x: labelWidth, y: y, width: 90, height: barHeight - 2)
                    continue
                }
                let x0 = zeroX, x1 = Double(labelWidth) + Double(plotWidth) * ((value - minimum) / span)
                canvas.element("rect", [
                    ("x", fmt(min(x0, x1))), ("y", String(y)), ("width", fmt(max(abs(x1 - x0), 1))),
                    ("height", String(barHeight - 2)), ("fill", colour(index)),
                ]).element("title", text: "\(series.name): \(DisplayFormat.value(value, unit: unit(of: index)))")
                canvas.element("text", [("x", fmt(max(x0, x1) + 4)), ("y", String(y + barHeight - 4))],
                               text: DisplayFormat.value(value, unit: unit(of: index)))
            }
        }
        canvas.element("line", [("class", "axis"), ("x1", fmt(zeroX)), ("x2", fmt(zeroX)), ("y1", "0"), ("y2", String(height - 20))])
        legend(canvas, y: height - 8, x: labelWidth)
    }

    private func drawStacked(_ parent: HTMLNode) {
        let labels = labels
        let labelWidth = 210, plotWidth = 470
        let wrapped = labels.map { SVGTextWrap.lines($0, maxWidth: Double(labelWidth - 10)) }
        let rowHeights = wrapped.map { max(22, $0.count * SVGTextWrap.lineHeight + 8) }
        let tops = rowHeights.reduce(into: [0]) { $0.append(($0.last ?? 0) + $1) }
        let height = (tops.last ?? 0) + (labels.isEmpty ? 22 : 0) + 28
        let canvas = svg(parent, width: labelWidth + plotWidth + 20, height: height)
        for (row, label) in labels.enumerated() {
            let rowHeight = rowHeights[row]
            let lines = wrapped[row]
            let y = tops[row] + 4 + (rowHeight - 22) / 2
            wrappedLabel(canvas, lines, x: labelWidth - 6,
                         firstBaseline: tops[row] + 4 + (rowHeight - 6 - lines.count * SVGTextWrap.lineHeight) / 2 + 10)
            let points = chart.series.indices.map { value($0, label) }
            if points.contains(where: { $0?.suppressed != nil }) {
                suppressedMark(canvas, x: labelWidth, y: y, width: 120, height: rowHeight - 6)
                continue
            }
            let total = points.compactMap { $0?.value }.reduce(0, +)
            guard total > 0 else { continue }
            var x = Double(labelWidth)
            for (index, point) in points.enumerated() {
                guard let value = point?.value, value > 0 else { continue }
                let width = Double(plotWidth) * value / total
                canvas.element("rect", [
                    ("x", fmt(x)), ("y", String(y)), ("width", fmt(width)), ("height", String(rowHeight - 6)),
                    ("fill", colour(index)),
                ]).element("title", text: "\(chart.series[index].name): \(DisplayFormat.value(value, unit: chart.unit))")
                if width > 30 {
                    canvas.element("text", [("x", fmt(x + 3)), ("y", String(y + 12)), ("class", SeriesTone.textClass(on: colour(index)))],
                                   text: chart.unit == .ratio ? DisplayFormat.value(value, unit: .ratio)
                                       : DisplayFormat.value(value, unit: chart.unit))
                }
                x += width
            }
        }
        legend(canvas, y: height - 8, x: labelWidth)
    }

    private func drawColumns(_ parent: HTMLNode) {
        let labels = labels
        let plotHeight = 160
        let columnWidth = max(12, min(40, 600 / max(labels.count, 1)))
        let left = 40
        let width = left + columnWidth * labels.count + 20
        let height = plotHeight + 40
        let canvas = svg(parent, width: max(width, 200), height: height)
        let maximum = maxValue()
        canvas.element("line", [("class", "axis"), ("x1", String(left)), ("x2", String(width)),
                                ("y1", String(plotHeight + 10)), ("y2", String(plotHeight + 10))])
        canvas.element("text", [("x", String(left - 4)), ("y", "14"), ("text-anchor", "end")],
                       text: DisplayFormat.value(maximum, unit: chart.unit))
        let hasSeries = !chart.series.isEmpty
        for (index, label) in labels.enumerated() {
            let x = left + index * columnWidth
            canvas.element("text", [("x", String(x + columnWidth / 2)), ("y", String(plotHeight + 24)), ("text-anchor", "middle")],
                           text: truncated(label, 8))
            guard hasSeries, let point = value(0, label) else { continue }
            guard let value = point.value else {
                suppressedMark(canvas, x: x + 1, y: plotHeight - 20, width: columnWidth - 2, height: 30)
                continue
            }
            let barHeight = Double(plotHeight) * value / maximum
            canvas.element("rect", [
                ("x", String(x + 1)), ("y", fmt(Double(plotHeight + 10) - barHeight)), ("width", String(columnWidth - 2)),
                ("height", fmt(max(barHeight, value > 0 ? 1 : 0))), ("fill", Self.palette[0]),
            ])
        }
    }

    private func drawLine(_ parent: HTMLNode) {
        let labels = labels
        let plotHeight = 140, left = 44, step = max(30, min(90, 600 / max(labels.count, 1)))
        let width = left + step * max(labels.count - 1, 1) + 30
        let canvas = svg(parent, width: width, height: plotHeight + 44)
        let values = chart.series.flatMap { $0.points.compactMap(\.value) }
        let low = min(values.min() ?? 0, 0), high = max(values.max() ?? 1, low + 1e-9)
        func y(_ value: Double) -> Double { Double(plotHeight + 10) - Double(plotHeight) * (value - low) / (high - low) }
        for (index, label) in labels.enumerated() {
            canvas.element("text", [("x", String(left + index * step)), ("y", String(plotHeight + 28)), ("text-anchor", "middle")],
                           text: truncated(label, 10))
        }
        for seriesIndex in chart.series.indices {
            var points: [String] = []
            for (index, label) in labels.enumerated() {
                guard let value = value(seriesIndex, label)?.value else { continue }
                points.append("\(left + index * step),\(fmt(y(value)))")
                canvas.element("circle", [("cx", String(left + index * step)), ("cy", fmt(y(value))), ("r", "3"),
                                          ("fill", colour(seriesIndex))])
            }
            canvas.element("polyline", [("points", points.joined(separator: " ")), ("fill", "none"),
                                        ("stroke", colour(seriesIndex)), ("stroke-width", "2")])
        }
        legend(canvas, y: plotHeight + 42, x: left)
    }

    private func legend(_ canvas: HTMLNode, y: Int, x: Int) {
        guard chart.series.count > 1 else { return }
        var offset = x
        for (index, series) in chart.series.enumerated() {
            canvas.element("rect", [("x", String(offset)), ("y", String(y - 9)), ("width", "10"), ("height", "10"),
                                    ("fill", colour(index))])
            canvas.element("text", [("x", String(offset + 14)), ("y", String(y))], text: series.name)
            offset += 24 + series.name.count * 7
        }
    }

    /// A label right-aligned at `x`, one `<tspan>` per wrapped line.
    private func wrappedLabel(_ canvas: HTMLNode, _ lines: [String], x: Int, firstBaseline: Int) {
        let text = canvas.element("text", [("x", String(x)), ("y", String(firstBaseline)), ("text-anchor", "end")])
        for (index, line) in lines.enumerated() {
            text.element("tspan", [("x", String(x)), ("dy", index == 0 ? "0" : String(SVGTextWrap.lineHeight))], text: line)
        }
    }

    /// The unit a series' values are shown in.
    private func unit(of index: Int) -> MetricUnit {
        units.indices.contains(index) ? units[index] : chart.unit
    }

    /// A series' colour: favorable green, neutral grey, unfavorable red-orange when its name
    /// says which (``SeriesTone``), else the palette in order.
    private func colour(_ index: Int) -> String {
        colours.indices.contains(index) ? colours[index] : Self.palette[index % Self.palette.count]
    }

    private func suppressedMark(_ canvas: HTMLNode, x: Int, y: Int, width: Int, height: Int) {
        canvas.element("rect", [("x", String(x)), ("y", String(y)), ("width", String(width)), ("height", String(height)),
                                ("fill", "#eceff3"), ("stroke", "#9aa4b1"), ("stroke-dasharray", "3 2")])
        canvas.element("text", [("x", String(x + 4)), ("y", String(y + height - 3))], text: "suppressed")
    }

    private func dataTable(_ figure: HTMLNode) {
        let details = figure.element("details")
        details.element("summary", text: "Data for “\(truncated(chart.title, 60))”")
        let table = details.element("table")
        let head = table.element("thead").element("tr")
        head.element("th", [("scope", "col")], text: "Label")
        for series in chart.series { head.element("th", [("scope", "col"), ("class", "num")], text: series.name) }
        let body = table.element("tbody")
        for label in labels {
            let row = body.element("tr")
            row.element("th", [("scope", "row")], text: label)
            for index in chart.series.indices {
                let point = value(index, label)
                let text = point?.suppressed != nil ? "suppressed" : DisplayFormat.value(point?.value, unit: unit(of: index))
                row.element("td", [("class", "num")], text: text)
            }
        }
    }

    private func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    private func fmt(_ value: Double) -> String { DisplayFormat.oneDecimal(value, trimZero: true) }
}
