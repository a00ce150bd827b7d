/// What an analyzer is: its id, name, version, the inputs it reads, the dimensions it feeds
/// and the definitions of the metrics it reports.
public struct AnalyzerDescriptor: Codable, Sendable, Hashable {
    /// A stable id, e.g. `one-on-ones`; also the key of its options in the config.
    public var id: String
    /// A display name, e.g. "One-on-ones".
    public var name: String
    /// The analyzer's version (semantic versioning).
    public var version: String
    /// One sentence on what it measures.
    public var summary: String
    /// The input kinds it reads.
    public var inputs: [InputRequirement]
    /// The health dimensions it contributes signals to.
    public var dimensions: [HealthDimension]
    /// The definitions of its metrics, for the report's methodology section.
    public var metrics: [MetricDefinition]
    /// The options it reads from `analyzers.<id>`; `nil` when it declares none (an external
    /// analyzer written before declarations: its options are then not checked).
    public var options: [AnalyzerOptionDeclaration]?
    /// The free text it reads (notes, comments) and whether any of it is shown; `nil` when it
    /// declares none. The report's methodology lists the rule for each.
    public var freeText: [FreeTextDeclaration]?

    /// Creates a descriptor.
    public init(
        id: String, name: String, version: String, summary: String,
        inputs: [InputRequirement] = [], dimensions: [HealthDimension] = [], metrics: [MetricDefinition] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.summary = summary
        self.inputs = inputs
        self.dimensions = dimensions
        self.metrics = metrics
    }

    /// The descriptor with its options declared.
    public func declaring(_ options: [AnalyzerOptionDeclaration]) -> AnalyzerDescriptor {
        var descriptor = self
        descriptor.options = options
        return descriptor
    }

    private enum CodingKeys: String, CodingKey { case id, name, version, summary, inputs, dimensions, metrics, options, freeText }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? "0.0.0"
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
        inputs = try container.decodeIfPresent([InputRequirement].self, forKey: .inputs) ?? []
        dimensions = try container.decodeIfPresent([HealthDimension].self, forKey: .dimensions) ?? []
        metrics = try container.decodeIfPresent([MetricDefinition].self, forKey: .metrics) ?? []
        options = try container.decodeIfPresent([AnalyzerOptionDeclaration].self, forKey: .options)
        freeText = try container.decodeIfPresent([FreeTextDeclaration].self, forKey: .freeText)
    }
}

/// An input kind an analyzer reads, and whether it cannot run without it.
public struct InputRequirement: Codable, Sendable, Hashable {
    /// The input kind, as named under `sources:` in the config (`one-on-ones`).
    public var kind: InputKind
    /// Whether the analyzer is skipped (with a note) when the input is not configured.
    public var required: Bool

    /// Creates a requirement.
    public init(kind: InputKind, required: Bool = true) {
        self.kind = kind
        self.required = required
    }

    private enum CodingKeys: String, CodingKey { case kind, required }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(InputKind.self, forKey: .kind)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? true
    }
}

/// The documented definition of a metric, shown in the report's methodology section.
public struct MetricDefinition: Codable, Sendable, Hashable {
    /// The metric id (a prefix ending in `.` covers a family, e.g. `survey.item.`).
    public var id: String
    /// How it is computed, in plain words.
    public var definition: String
    /// How it becomes a signal score, if it does.
    public var signal: String?

    /// Creates a definition.
    public init(id: String, definition: String, signal: String? = nil) {
        self.id = id
        self.definition = definition
        self.signal = signal
    }
}

/// A kind of input, as named under `sources:` in the config (`review-cycles`). A source given
/// as a mapping (`culture-survey: {responses: …, definition: …}`) yields one kind per role,
/// `culture-survey.responses` and `culture-survey.definition`; an analyzer that declares
/// `culture-survey` receives both.
public struct InputKind: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The kind's name.
    public let rawValue: String
    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Whether `other` is this kind or one of its roles (`culture-survey.responses` for `culture-survey`).
    public func covers(_ other: InputKind) -> Bool {
        other.rawValue == rawValue || other.rawValue.hasPrefix(rawValue + ".")
    }

    public var description: String { rawValue }
    public static func < (lhs: InputKind, rhs: InputKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
