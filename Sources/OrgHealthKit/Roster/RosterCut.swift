/// A roster attribute results are also given by (the config's `cuts:`): `location`, `level`,
/// `tenure` (derived from the hire date), or any other roster column by its header.
///
/// Each cut partitions the people who have a value: one attribute scope per value
/// (`attribute:location=Berlin`). People with a blank value, or no hire date for `tenure`,
/// go to no group — never to a value called "". A cut is never crossed with a team,
/// department or manager: see ``Scope/attribute(_:_:)``.
public struct RosterCut: Sendable, Hashable, CustomStringConvertible {
    /// The attribute's name as written in the config and in scope ids (`location`).
    public let name: String

    /// Creates a cut by name.
    public init(_ name: String) { self.name = name }

    /// The cuts read from the canonical roster fields rather than an extra column.
    public static let builtInNames: Set<String> = ["location", "level", "tenure"]

    /// Roster columns that must never be cuts: they place people in teams, departments or
    /// management lines (crossing them with a cut is the intersection attack), or they
    /// identify a person.
    public static let refusedNames: Set<String> = [
        "employee_id", "team", "department", "manager_id", "manager_email", "manager_name", "name", "first_name",
        "last_name", "email", "hire_date", "end_date", "status",
    ]

    /// Whether the value comes from an extra roster column (not location, level or tenure).
    public var isExtraColumn: Bool { !Self.builtInNames.contains(name) }

    /// The person's value of this attribute on `date` (the period's last day), or `nil` when
    /// the roster leaves it blank.
    public func value(of person: Person, on date: CalendarDate) -> String? {
        let text: String?
        switch name {
        case "location": text = person.location
        case "level": text = person.level
        case "tenure": return person.hireDate.flatMap { TenureBand(hired: $0, on: date)?.rawValue }
        default: text = person.attributes?[name]
        }
        guard let trimmed = text?.trimmingSpaces, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    public var description: String { name }

    /// `; did you mean 'x'?` for the column closest to `name` (case, spaces and punctuation
    /// ignored, then at most a third of the letters different), or nothing when none is close.
    public static func suggestion(for name: String, among names: [String]) -> String {
        func folded(_ text: String) -> [Character] { Array(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let target = folded(name)
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
            var previous = Array(0...b.count)
            for i in 1...a.count {
                var current = [i] + Array(repeating: 0, count: b.count)
                for j in 1...b.count {
                    current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                previous = current
            }
            return previous[b.count]
        }
        let best = names.map { ($0, distance(target, folded($0))) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best, best.1 <= Swift.max(1, target.count / 3) else { return "" }
        return "; did you mean '\(best.0)'?"
    }
}

/// Tenure on a day, in the bands of the `tenure` cut (docs/CONFIGURATION.md#cuts):
/// `0-1y` (under one full year), `1-2y`, `2-5y`, `5y+`.
///
/// Full years are counted by anniversaries: someone hired on 2025-09-30 has one full year on
/// 2026-09-30 and is in `1-2y` from that day. A 29 February hire's anniversary in a common
/// year is 1 March (28 February comes before 29 February).
public enum TenureBand: String, Sendable, CaseIterable {
    case underOne = "0-1y"
    case oneToTwo = "1-2y"
    case twoToFive = "2-5y"
    case fiveOrMore = "5y+"

    /// The band of someone hired on `hired`, on `date`; `nil` when hired after `date`.
    public init?(hired: CalendarDate, on date: CalendarDate) {
        guard hired <= date else { return nil }
        var years = date.year - hired.year
        if (date.month, date.day) < (hired.month, hired.day) { years -= 1 }
        switch years {
        case ..<1: self = .underOne
        case 1: self = .oneToTwo
        case 2..<5: self = .twoToFive
        default: self = .fiveOrMore
        }
    }
}
