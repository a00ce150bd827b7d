/// The group a figure describes: the whole organization, a department, a team, the
/// direct reports of one manager, a manager's whole reporting line, or everyone with one
/// value of a roster attribute (a cut).
///
/// Written as `org`, `department:<name>`, `team:<name>`, `manager:<employee_id>`,
/// `line:<employee_id>`, `attribute:<attribute>=<value>` (`attribute:location=Berlin`, `attribute:tenure=1–2y`).
/// An attribute scope is never crossed with a team, department or manager: there is no
/// scope for "the Berlin people of team Platform" (the intersection attack).
public enum Scope: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The whole organization.
    case org
    /// A department, by name.
    case department(String)
    /// A team, by name.
    case team(String)
    /// The direct reports of a manager, by the manager's employee id.
    case manager(String)
    /// Everyone below a manager, directly or not (not the manager themself), by the
    /// manager's employee id: see `ReportingLines`.
    case line(String)
    /// Everyone whose roster attribute (a configured cut: `location`, `level`, `tenure`, …)
    /// has this value. Boxed (`indirect`): its two names would otherwise make every scope 33
    /// bytes instead of 17, in each of the millions of figures and signals that carry one.
    indirect case attribute(String, String)

    /// The kind of scope.
    public enum Kind: String, Codable, Sendable, CaseIterable, Comparable {
        case org, department, team, manager, line, attribute

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }

        /// The place in declaration order (`allCases`), by a switch: scopes are sorted by the
        /// million, and a search of a stored array costs a lazy-global check and a scan each time.
        private var rank: Int {
            switch self {
            case .org: 0
            case .department: 1
            case .team: 2
            case .manager: 3
            case .line: 4
            case .attribute: 5
            }
        }
    }

    /// A scope's text did not parse.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        /// The text that did not parse.
        public let text: String
        public var description: String {
            "'\(text)' is not a scope; use org, department:<name>, team:<name>, manager:<employee_id>, line:<employee_id> or attribute:<attribute>=<value>"
        }
    }

    /// Parses `org`, `department:X`, `team:X`, `manager:X`, `line:X` or `attribute:A=V`.
    public init(parsing text: String) throws(ParseError) {
        if text == "org" { self = .org; return }
        guard let colon = text.firstIndex(of: ":") else { throw ParseError(text: text) }
        let name = String(text[text.index(after: colon)...])
        guard !name.isEmpty else { throw ParseError(text: text) }
        switch text[..<colon] {
        case "department": self = .department(name)
        case "team": self = .team(name)
        case "manager": self = .manager(name)
        case "line": self = .line(name)
        case "attribute":
            guard let equals = name.firstIndex(of: "="), equals != name.startIndex,
                  name.index(after: equals) != name.endIndex else { throw ParseError(text: text) }
            self = .attribute(String(name[..<equals]), String(name[name.index(after: equals)...]))
        default: throw ParseError(text: text)
        }
    }

    /// The scope's kind.
    public var kind: Kind {
        switch self {
        case .org: return .org
        case .department: return .department
        case .team: return .team
        case .manager: return .manager
        case .line: return .line
        case .attribute: return .attribute
        }
    }

    /// The name after the colon (`Platform` for `team:Platform`, `location=Berlin` for
    /// `attribute:location=Berlin`); `Organization` for `org`.
    public var name: String {
        switch self {
        case .org: return "Organization"
        case .department(let name), .team(let name), .manager(let name), .line(let name): return name
        case .attribute(let attribute, let value): return "\(attribute)=\(value)"
        }
    }

    /// For an attribute scope, the attribute and the value (`("location", "Berlin")`).
    public var attribute: (name: String, value: String)? {
        guard case .attribute(let name, let value) = self else { return nil }
        return (name, value)
    }

    /// The scope's id as written in reports (`team:Platform`).
    public var id: String {
        switch self {
        case .org: return "org"
        default: return "\(kind.rawValue):\(name)"
        }
    }

    public var description: String { id }

    /// Orders by kind (org, departments, teams, managers, lines, attributes), then by name.
    public static func < (lhs: Scope, rhs: Scope) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.name < rhs.name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try Scope(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
