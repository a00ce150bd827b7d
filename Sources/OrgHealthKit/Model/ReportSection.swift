/// A titled part of an analyzer's section of the report, made of generic blocks that every
/// renderer knows how to draw: text, tables and charts.
public struct ReportSection: Codable, Sendable, Hashable {
    /// The heading.
    public var title: String
    /// The content, in order.
    public var blocks: [ReportBlock]

    /// Creates a section.
    public init(title: String, blocks: [ReportBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

/// One block of a report section. Encoded as `{"text": …}`, `{"table": …}` or `{"chart": …}`.
public enum ReportBlock: Codable, Sendable, Hashable {
    /// A paragraph of plain text (never markup; renderers escape it).
    case text(String)
    /// A table with a header row.
    case table(ReportTable)
    /// A chart, drawn as inline SVG in HTML and as data in XML/JSON.
    case chart(ReportChart)

    private enum CodingKeys: String, CodingKey { case text, table, chart }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let table = try container.decodeIfPresent(ReportTable.self, forKey: .table) {
            self = .table(table)
        } else if let chart = try container.decodeIfPresent(ReportChart.self, forKey: .chart) {
            self = .chart(chart)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "a block needs one of text, table or chart"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .table(let table): try container.encode(table, forKey: .table)
        case .chart(let chart): try container.encode(chart, forKey: .chart)
        }
    }
}

/// Ties a table row or chart point to the metric it shows, so the privacy gate can hide it
/// together with that metric. A row or point with a reference whose metric is suppressed at
/// that scope — or whose own `n` is under the minimum group size — is withheld.
public struct DataReference: Codable, Sendable, Hashable {
    /// The scope the row or point describes.
    public var scope: Scope
    /// The metric it shows, if any.
    public var metric: String?
    /// Further metrics of the same scope the row or point shows; it is withheld when any of
    /// them is.
    public var also: [String]?
    /// The group size behind it, if known.
    public var n: Int?

    /// Creates a reference.
    public init(scope: Scope, metric: String? = nil, also: [String]? = nil, n: Int? = nil) {
        self.scope = scope
        self.metric = metric
        self.also = also
        self.n = n
    }
}

/// A table: column headings and rows of display text.
public struct ReportTable: Codable, Sendable, Hashable {
    /// A caption describing the table (used as its accessible name).
    public var caption: String?
    /// The column headings.
    public var columns: [String]
    /// The rows; each has one cell per column.
    public var rows: [Row]

    /// One row of a table. Encoded as a plain array of cells, or as
    /// `{"cells": […], "ref": {…}}` when tied to a metric.
    public struct Row: Codable, Sendable, Hashable {
        /// The cells' display text.
        public var cells: [String]
        /// What the row shows, for the privacy gate.
        public var ref: DataReference?
        /// Whether the gate withheld the row's values (the first cell, its label, stays).
        public var suppressed: SuppressionReason?

        /// Creates a row.
        public init(_ cells: [String], ref: DataReference? = nil) {
            self.cells = cells
            self.ref = ref
            self.suppressed = nil
        }

        private enum CodingKeys: String, CodingKey { case cells, ref, suppressed }

        public init(from decoder: any Decoder) throws {
            // Not a plain list means the keyed form, decoded below with its own errors.
            if let plain = try? decoder.singleValueContainer().decode([String].self) {
                cells = plain
                ref = nil
                suppressed = nil
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            cells = try container.decode([String].self, forKey: .cells)
            ref = try container.decodeIfPresent(DataReference.self, forKey: .ref)
            suppressed = try container.decodeIfPresent(SuppressionReason.self, forKey: .suppressed)
        }

        public func encode(to encoder: any Encoder) throws {
            if ref == nil && suppressed == nil {
                var container = encoder.singleValueContainer()
                try container.encode(cells)
                return
            }
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cells, forKey: .cells)
            try container.encodeIfPresent(ref, forKey: .ref)
            try container.encodeIfPresent(suppressed, forKey: .suppressed)
        }
    }

    /// Creates a table.
    public init(caption: String? = nil, columns: [String], rows: [Row]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

/// A chart: one or more named series of labelled values.
public struct ReportChart: Codable, Sendable, Hashable {
    /// The kinds of chart every renderer draws.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Horizontal bars, one per label (grouped when there are several series).
        case bar
        /// Bars stacked from the series, one bar per label (e.g. favorable/neutral/unfavorable).
        case stackedBar
        /// Counts per bin, bins in order.
        case histogram
        /// Values over ordered labels, e.g. periods.
        case line
    }

    /// A labelled value.
    public struct Point: Codable, Sendable, Hashable {
        /// The label on the axis.
        public var label: String
        /// The value; `nil` once suppressed.
        public var value: Double?
        /// What the point shows, for the privacy gate.
        public var ref: DataReference?
        /// Whether the gate withheld the value.
        public var suppressed: SuppressionReason?

        /// Creates a point.
        public init(label: String, value: Double, ref: DataReference? = nil) {
            self.label = label
            self.value = value
            self.ref = ref
            self.suppressed = nil
        }
    }

    /// A named series of points.
    public struct Series: Codable, Sendable, Hashable {
        /// The series name (legend).
        public var name: String
        /// The points, in display order.
        public var points: [Point]

        /// Creates a series.
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// The kind of chart.
    public var kind: Kind
    /// The chart's title, also its text alternative's first words.
    public var title: String
    /// The unit of the values.
    public var unit: MetricUnit
    /// The data.
    public var series: [Series]

    /// Creates a chart.
    public init(kind: Kind, title: String, unit: MetricUnit, series: [Series]) {
        self.kind = kind
        self.title = title
        self.unit = unit
        self.series = series
    }
}
