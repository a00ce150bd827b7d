import OrgHealthKit

/// The attribute scopes of the config's `cuts:` (`attribute:location=Berlin`…) as indices,
/// for counting the survey per attribute value. Only a response whose person is known (an
/// employee id or email looked up in the roster) can be cut: a team mixes locations, levels
/// and tenures. The id finds the person's values and is dropped at once.
///
/// Reporting lines (`line:<id>`, see `ReportingLines`) are counted the same way, after the
/// attribute values: a response counts in every line above its person, which only a named
/// person gives (a team can span lines).
struct SurveyAttributes: Sendable {
    /// Every attribute scope with members, sorted (the roster's order), then every line scope.
    let scopes: [Scope]
    /// Values per response: one per cut (a person has at most one value of each), then one per
    /// line of the person with the most lines above them.
    let width: Int
    private let indexByScope: [Scope: Int]
    private let lines: ReportingLines?

    /// `nil` without cuts and without reporting lines.
    init?(roster: Roster, lines: ReportingLines? = nil) {
        let lines = lines.flatMap { $0.scopes.isEmpty ? nil : $0 }
        guard !roster.cuts.isEmpty || lines != nil else { return nil }
        scopes = roster.attributeScopes + (lines?.scopes ?? [])
        width = roster.cuts.count + (lines?.widestChain ?? 0)
        var index: [Scope: Int] = [:]
        for (position, scope) in scopes.enumerated() { index[scope] = position }
        indexByScope = index
        self.lines = lines
    }

    /// Writes the person's attribute and line indices into `slots` (`width` entries: one per
    /// value the person has, at most one per cut, one per line above them, then −1 for the rest).
    func fill(_ slots: inout [Int32], for person: Person, in roster: Roster) {
        for position in slots.indices { slots[position] = -1 }
        var position = 0
        for scope in roster.attributeScopes(of: person) + (lines?.lineScopes(of: person) ?? []) where position < width {
            slots[position] = indexByScope[scope].map(Int32.init) ?? -1
            position += 1
        }
    }

    /// The cuts' names, for messages ("location, level, tenure").
    static func names(_ roster: Roster) -> String { roster.cuts.map(\.name).joined(separator: ", ") }
}
