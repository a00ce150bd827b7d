import LibXML
import OrgHealthKit

/// A small line of a score over the last periods (0–100 scale), with the values as its
/// accessible label, and the change from the previous period — an arrow only when the change
/// is statistically significant.
struct Sparkline {
    let points: [PeriodValue]

    func draw(into parent: HTMLNode) {
        guard points.count >= 2 else { return }
        let width = 120.0, height = 28.0, step = width / Double(points.count - 1)
        let values = points.map(\.value)
        let low = min(values.min() ?? 0, 100), high = max(values.max() ?? 100, low + 1)
        func y(_ value: Double) -> String {
            DisplayFormat.oneDecimal(height - 3 - (height - 6) * (value - low) / (high - low), trimZero: true)
        }
        let coordinates = points.enumerated().map { "\(DisplayFormat.oneDecimal(Double($0.offset) * step, trimZero: true)),\(y($0.element.value))" }
        let label = "Over \(points.count) periods: " + points.map { "\($0.period) \(DisplayFormat.score($0.value))" }.joined(separator: ", ")
        let svg = parent.element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", "sparkline"), ("role", "img"), ("aria-label", label),
            ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("width", String(Int(width))), ("height", String(Int(height))),
        ])
        svg.element("title", text: label)
        svg.element("polyline", [("points", coordinates.joined(separator: " ")), ("fill", "none"), ("stroke", "#2f5d9e"), ("stroke-width", "1.5")])
        if let last = coordinates.last?.split(separator: ",") , last.count == 2 {
            svg.element("circle", [("cx", String(last[0])), ("cy", String(last[1])), ("r", "2.5"), ("fill", "#2f5d9e")])
        }
    }
}

/// The change from the previous period in words: "▲ +4.1 vs 2026-Q2" when significant,
/// "+1.0 vs 2026-Q2, not significant" otherwise (no arrow: the change may be noise).
enum TrendText {
    static func describe(_ change: Double, significant: Bool?, previous: String?) -> String {
        let against = previous.map { " vs \($0)" } ?? " vs previous period"
        switch significant {
        case .some(true): return "\(change > 0 ? "▲" : "▼") \(DisplayFormat.change(change))\(against), significant"
        case .some(false): return "\(DisplayFormat.change(change))\(against), not significant"
        case .none: return "\(DisplayFormat.change(change))\(against)"
        }
    }
}
