import OrgHealthKit
import Yams

/// A YAML value with the line it was written on, so config errors can name the line.
indirect enum YAMLValue: Sendable {
    case scalar(String, line: Int)
    case sequence([YAMLValue], line: Int)
    case mapping([(key: String, keyLine: Int, value: YAMLValue)], line: Int)
    case null(line: Int)

    var line: Int {
        switch self {
        case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line), .null(let line): return line
        }
    }

    /// Parses YAML text into located values.
    static func parse(_ text: String, file: String) throws(ConfigError) -> YAMLValue {
        let node: Node?
        do {
            node = try BoundedYAML.compose(text)
        } catch {
            throw ConfigError(file: file, line: error.line,
                              message: error.exceedsLimit ? error.detail : "this is not valid YAML: \(error.detail)")
        }
        guard let node else { return .null(line: 1) }
        return convert(node)
    }

    private static func convert(_ node: Node) -> YAMLValue {
        let line = node.mark?.line ?? 0
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null(line: line) }
            return .scalar(scalar.string, line: line)
        case .sequence(let sequence):
            return .sequence(sequence.map(convert), line: line)
        case .mapping(let mapping):
            return .mapping(mapping.map { pair in
                (key: pair.key.string ?? "", keyLine: pair.key.mark?.line ?? line, value: convert(pair.value))
            }, line: line)
        case .alias:
            return .null(line: line)
        }
    }

    /// The value as config data for analyzers (numbers and booleans recognised as YAML does).
    var configValue: ConfigValue {
        switch self {
        case .null: return .null
        case .scalar(let text, _):
            switch text.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: break
            }
            if let number = Double(text), !text.isEmpty, text.first != "+" { return .number(number) }
            return .string(text)
        case .sequence(let items, _): return .array(items.map(\.configValue))
        case .mapping(let pairs, _):
            var object: [String: ConfigValue] = [:]
            for pair in pairs { object[pair.key] = pair.value.configValue }
            return .object(object)
        }
    }
}
