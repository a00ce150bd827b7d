import OrgHealthKit

extension OrgStructureAnalyzer {
    /// The documented definition of every metric this analyzer reports.
    static let definitions: [MetricDefinition] = [
        MetricDefinition(id: OrgStructureMetric.headcount, definition: "People employed on the period's last day (hired on or before it, not left before it)."),
        MetricDefinition(
            id: OrgStructureMetric.spanOfControl,
            definition: "Median number of employed direct reports over the managers of the scope (people with at least one employed direct report).",
            signal: "Execution score = 100 × share of managers whose span is within the healthy bounds (org and department scopes)."),
        MetricDefinition(id: OrgStructureMetric.narrowSpanRate, definition: "Share of managers with fewer direct reports than the narrow bound (default 3)."),
        MetricDefinition(id: OrgStructureMetric.wideSpanRate, definition: "Share of managers with more direct reports than the wide bound (default 12)."),
        MetricDefinition(id: OrgStructureMetric.layers, definition: "The longest manager chain from the top of the organization to anyone in the scope; the top is layer 1."),
        MetricDefinition(id: OrgStructureMetric.newHireRate, definition: "Share of headcount hired within the last 90 days of the period (last day included)."),
        MetricDefinition(id: OrgStructureMetric.attritionRate, definition: "People whose end date falls in the period, divided by the average of the headcount on the period's first and last day."),
        MetricDefinition(id: OrgStructureMetric.directReports, definition: "Per manager: the number of employed direct reports on the period's last day."),
    ]
}
