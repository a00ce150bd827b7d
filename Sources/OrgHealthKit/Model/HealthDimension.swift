/// One dimension of organizational health, such as trust or growth.
///
/// Dimensions are open: the seven built-ins below come from the leadership and management
/// literature, and a custom analyzer may contribute to them or declare its own
/// (`HealthDimension("inclusion")`). Encoded as its bare id string.
public struct HealthDimension: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The stable id used in configs and reports (`trust`).
    public let rawValue: String

    /// Creates a dimension from its id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a dimension from its id.
    public init(_ id: String) { self.rawValue = id }
    /// Creates a dimension from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Direction & Clarity: people know where the organization is going and what is expected of them.
    public static let direction = HealthDimension("direction")
    /// Leadership: managers are trusted, heard and effective.
    public static let leadership = HealthDimension("leadership")
    /// Trust & Safety: people can speak up; commitments are kept.
    public static let trust = HealthDimension("trust")
    /// Feedback & Recognition: people hear how they are doing, often and with substance.
    public static let feedback = HealthDimension("feedback")
    /// Growth & Development: careers are discussed and developed.
    public static let growth = HealthDimension("growth")
    /// Well-being & Workload: the pace is sustainable.
    public static let wellbeing = HealthDimension("wellbeing")
    /// Execution & Accountability: the management routines happen, on time.
    public static let execution = HealthDimension("execution")

    /// The seven built-in dimensions, in report order.
    public static let builtIns: [HealthDimension] = [
        .direction, .leadership, .trust, .feedback, .growth, .wellbeing, .execution,
    ]

    /// A human-readable name: the built-ins have theirs; others are derived from the id.
    public var displayName: String {
        switch rawValue {
        case "direction": return "Direction & Clarity"
        case "leadership": return "Leadership"
        case "trust": return "Trust & Safety"
        case "feedback": return "Feedback & Recognition"
        case "growth": return "Growth & Development"
        case "wellbeing": return "Well-being & Workload"
        case "execution": return "Execution & Accountability"
        default:
            let words = rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
            return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
    }

    /// Built-ins sort in report order, then custom dimensions by id.
    public static func < (lhs: HealthDimension, rhs: HealthDimension) -> Bool {
        let left = builtIns.firstIndex(of: lhs) ?? Int.max
        let right = builtIns.firstIndex(of: rhs) ?? Int.max
        return left != right ? left < right : lhs.rawValue < rhs.rawValue
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
