/// A JSON-like value: what a config section holds.
public enum ConfigValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ConfigValue])
    case object([String: ConfigValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        // Each type is tried in turn: a mismatch is how the next one gets its chance.
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([ConfigValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: ConfigValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value as text, when it is a string or a number.
    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): return String(value)
        default: return nil
        }
    }

    /// The value as a number, when it is one (or a string holding one).
    public var doubleValue: Double? {
        switch self {
        case .number(let value): return value
        case .string(let value): return Double(value.trimmingSpaces)
        default: return nil
        }
    }
}

/// An analyzer's options: its section of the config (`analyzers.<id>`), as given.
///
/// Read typed values with the accessors; a value of the wrong type throws an
/// ``AnalyzerError`` that names the key.
public struct AnalyzerOptions: Codable, Sendable, Hashable {
    /// The raw values by key.
    public var values: [String: ConfigValue]

    /// Creates options from values.
    public init(_ values: [String: ConfigValue] = [:]) { self.values = values }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: ConfigValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// A whole number, or `default` when absent.
    public func int(_ key: String, default fallback: Int) throws(AnalyzerError) -> Int {
        guard let value = values[key] else { return fallback }
        guard let number = value.doubleValue, number == number.rounded(), abs(number) < 1e12 else {
            throw AnalyzerError("option '\(key)' must be a whole number")
        }
        return Int(number)
    }

    /// A number, or `default` when absent.
    public func double(_ key: String, default fallback: Double) throws(AnalyzerError) -> Double {
        guard let value = values[key] else { return fallback }
        guard let number = value.doubleValue else { throw AnalyzerError("option '\(key)' must be a number") }
        return number
    }

    /// A string, or `default` when absent.
    public func string(_ key: String, default fallback: String) throws(AnalyzerError) -> String {
        guard let value = values[key] else { return fallback }
        guard let text = value.stringValue else { throw AnalyzerError("option '\(key)' must be text") }
        return text
    }

    /// A boolean, or `default` when absent.
    public func bool(_ key: String, default fallback: Bool) throws(AnalyzerError) -> Bool {
        guard let value = values[key] else { return fallback }
        guard case .bool(let flag) = value else { throw AnalyzerError("option '\(key)' must be true or false") }
        return flag
    }

    /// A nested section, or empty options when absent.
    public func section(_ key: String) throws(AnalyzerError) -> AnalyzerOptions {
        guard let value = values[key] else { return AnalyzerOptions() }
        guard case .object(let object) = value else { throw AnalyzerError("option '\(key)' must be a mapping") }
        return AnalyzerOptions(object)
    }

    /// A list of strings, or `default` when absent.
    public func strings(_ key: String, default fallback: [String]) throws(AnalyzerError) -> [String] {
        guard let value = values[key] else { return fallback }
        guard case .array(let items) = value else { throw AnalyzerError("option '\(key)' must be a list") }
        var texts: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw AnalyzerError("option '\(key)' must be a list of text") }
            texts.append(text)
        }
        return texts
    }
}
