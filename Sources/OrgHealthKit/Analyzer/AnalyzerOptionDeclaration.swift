/// One option an analyzer reads from its section of the config (`analyzers.<id>.<name>`):
/// its name, type, default and what it does. The host checks the config against these
/// declarations: an option no declaration names is an error for a built-in analyzer (with a
/// "did you mean" suggestion) and a warning for an external one.
///
/// External analyzers declare theirs in `describe` (protocol v1, optional field `options`):
///
/// ```json
/// "options": [{"name": "minKudos", "type": "integer", "default": "3",
///              "doc": "Fewest kudos a team needs to be compared."}]
/// ```
public struct AnalyzerOptionDeclaration: Codable, Sendable, Hashable {
    /// The value's type.
    public enum ValueType: String, Codable, Sendable, CaseIterable {
        /// A whole number.
        case integer
        /// Any number.
        case number
        /// Text.
        case text
        /// `true` or `false`.
        case boolean
        /// A list of text.
        case list
        /// A nested mapping.
        case mapping
    }

    /// The key under `analyzers.<id>`.
    public var name: String
    /// The value's type.
    public var type: ValueType
    /// The default, as it would be written in the config; `nil` when there is none to show.
    public var defaultValue: String?
    /// One line on what it does.
    public var doc: String

    /// Creates a declaration.
    public init(name: String, type: ValueType, default defaultValue: String? = nil, doc: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, doc
        case defaultValue = "default"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decodeIfPresent(ValueType.self, forKey: .type) ?? .text
        defaultValue = try container.decodeIfPresent(String.self, forKey: .defaultValue)
        doc = try container.decodeIfPresent(String.self, forKey: .doc) ?? ""
    }

    /// Keys the host accepts for every analyzer: `enabled` and `timeoutSeconds`.
    public static let hostKeys: Set<String> = ["enabled", "timeoutSeconds"]
}
