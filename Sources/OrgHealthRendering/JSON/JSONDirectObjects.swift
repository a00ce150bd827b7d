import OrgHealthKit

/// The figures and scores — ``Metric``, ``HealthSignal``, ``ScopeHealth``, ``DimensionScore``,
/// ``DimensionSource`` and ``PeriodValue``, five million of them at 10^6 people — written
/// straight into the JSON, byte for byte as their synthesized `Codable` through
/// ``JSONTextWriter``'s encoder path writes them: the members their `encode(to:)` gives (an
/// absent optional and an absent ``CompactNumber`` leave the key out), in sorted key order
/// (issue 16: through the encoder, each figure took a dozen allocations and the JSON at 10^6
/// people 20 s). `JSONDirectTests` holds both paths to `JSONEncoder`'s bytes and fails when
/// one of the types gains a stored property, so that one is added here too.
extension JSONTextWriter {
    /// Writes a metric: `dimension`, `id`, `n`, `scope`, `significant`, `suppressed`, `trend`,
    /// `unit`, `value`.
    mutating func writeDirect(_ metric: Metric, level: Int) throws {
        var object = DirectObject(level: level)
        if let dimension = metric.dimension { object.key("dimension", &self); writeString(dimension.rawValue) }
        object.key("id", &self); writeString(metric.id)
        object.key("n", &self); writeLiteral(String(metric.n))
        object.key("scope", &self); writeScope(metric.scope)
        if let significant = metric.significant { object.key("significant", &self); writeLiteral(significant ? "true" : "false") }
        if let suppressed = metric.suppressed { object.key("suppressed", &self); writeString(suppressed.rawValue) }
        if let trend = metric.trend { object.key("trend", &self); try writeNumber(trend) }
        object.key("unit", &self); writeString(metric.unit.rawValue)
        if let value = metric.value { object.key("value", &self); try writeNumber(value) }
        object.close(&self)
    }

    /// Writes a health signal: `basis`, `dimension`, `n`, `scope`, `score`, `suppressed`, `weight`.
    mutating func writeDirect(_ signal: HealthSignal, level: Int) throws {
        var object = DirectObject(level: level)
        if let basis = signal.basis { object.key("basis", &self); writeString(basis) }
        object.key("dimension", &self); writeString(signal.dimension.rawValue)
        object.key("n", &self); writeLiteral(String(signal.n))
        object.key("scope", &self); writeScope(signal.scope)
        if let score = signal.score { object.key("score", &self); try writeNumber(score) }
        if let suppressed = signal.suppressed { object.key("suppressed", &self); writeString(suppressed.rawValue) }
        object.key("weight", &self); try writeNumber(signal.weight)
        object.close(&self)
    }

    /// Writes a scope's health: `dimensions`, `headcount`, `healthIndex`, `name`, `parent`, `scope`.
    mutating func writeDirect(_ scope: ScopeHealth, level: Int) throws {
        var object = DirectObject(level: level)
        object.key("dimensions", &self); try scope.dimensions.writeJSONElements(to: &self, level: level + 1)
        object.key("headcount", &self); writeLiteral(String(scope.headcount))
        if let index = scope.healthIndex { object.key("healthIndex", &self); try writeNumber(index) }
        object.key("name", &self); writeString(scope.name)
        if let parent = scope.parent { object.key("parent", &self); writeScope(parent) }
        object.key("scope", &self); writeScope(scope.scope)
        object.close(&self)
    }

    /// Writes a dimension score: `dimension`, `history`, `n`, `score`, `significant`, `sources`,
    /// `suppressed`, `trend`, `trendBasis`.
    mutating func writeDirect(_ score: DimensionScore, level: Int) throws {
        var object = DirectObject(level: level)
        object.key("dimension", &self); writeString(score.dimension.rawValue)
        object.key("history", &self); try score.history.writeJSONElements(to: &self, level: level + 1)
        object.key("n", &self); writeLiteral(String(score.n))
        if let value = score.score { object.key("score", &self); try writeNumber(value) }
        if let significant = score.significant { object.key("significant", &self); writeLiteral(significant ? "true" : "false") }
        object.key("sources", &self); try score.sources.writeJSONElements(to: &self, level: level + 1)
        object.key("suppressed", &self); writeLiteral(score.suppressed ? "true" : "false")
        if let trend = score.trend { object.key("trend", &self); try writeNumber(trend) }
        if let basis = score.trendBasis { object.key("trendBasis", &self); writeString(basis) }
        object.close(&self)
    }

    /// Writes a dimension score's source: `analyzer`, `metric`, `n`, `score`, `weight`.
    mutating func writeDirect(_ source: DimensionSource, level: Int) throws {
        var object = DirectObject(level: level)
        object.key("analyzer", &self); writeString(source.analyzer)
        object.key("metric", &self); writeString(source.metric)
        object.key("n", &self); writeLiteral(String(source.n))
        if let score = source.score { object.key("score", &self); try writeNumber(score) }
        object.key("weight", &self); try writeNumber(source.weight)
        object.close(&self)
    }

    /// Writes a point of a history: `period`, `value`.
    mutating func writeDirect(_ point: PeriodValue, level: Int) throws {
        var object = DirectObject(level: level)
        object.key("period", &self); writeString(point.period)
        object.key("value", &self); try writeNumber(point.value)
        object.close(&self)
    }
}

/// An object being written member by member, in the layout of ``JSONTextWriter``: `{`, each
/// member on its own line one level in (`"key" : value`, a comma before all but the first), the
/// closing brace on a line of its own. Every figure has members, so no empty object arises.
private struct DirectObject {
    let level: Int
    private var first = true

    init(level: Int) { self.level = level }

    /// Starts the member `key` (plain ASCII, no escapes): its separator, indent, key and ` : `.
    mutating func key(_ key: StaticString, _ writer: inout JSONTextWriter) {
        if first {
            writer.writeLiteral("{\n")
            first = false
        } else {
            writer.writeLiteral(",\n")
        }
        writer.writeIndent(level + 1)
        writer.writeKey(key)
    }

    func close(_ writer: inout JSONTextWriter) {
        writer.writeLiteral("\n")
        writer.writeIndent(level)
        writer.writeLiteral("}")
    }
}
