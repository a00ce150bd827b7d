import OrgHealthKit

/// The attribute scopes of the config's `cuts:` (`attribute:location=Berlin`…) as indices,
/// for counting the survey per attribute value. Only a response whose person is known (an
/// employee id or email looked up in the roster) can be cut: a team mixes locations, levels
/// and tenures. The id finds the person's values and is dropped at once.
struct SurveyAttributes: Sendable {
    /// Every attribute scope with members, sorted (the roster's order).
    let scopes: [Scope]
    /// Values per response: one per cut (a person has at most one value of each).
    let width: Int
    private let indexByScope: [Scope: Int]

    /// `nil` without cuts.
    init?(roster: Roster) {
        guard !roster.cuts.isEmpty else { return nil }
        scopes = roster.attributeScopes
        width = roster.cuts.count
        var index: [Scope: Int] = [:]
        for (position, scope) in scopes.enumerated() { index[scope] = position }
        indexByScope = index
    }

    /// Writes the person's attribute indices into `slots` (`width` entries: one per value the
    /// person has, at most one per cut, then −1 for the rest).
    func fill(_ slots: inout [Int32], for person: Person, in roster: Roster) {
        for position in slots.indices { slots[position] = -1 }
        for (position, scope) in roster.attributeScopes(of: person).prefix(width).enumerated() {
            slots[position] = indexByScope[scope].map(Int32.init) ?? -1
        }
    }

    /// The cuts' names, for messages ("location, level, tenure").
    static func names(_ roster: Roster) -> String { roster.cuts.map(\.name).joined(separator: ", ") }
}
