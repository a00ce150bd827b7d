import OrgHealthKit
import Testing

/// Scopes sort by kind in declaration order (org, department, team, manager, line, attribute),
/// then by name: the order of the report's scope list and every table built from it.
@Suite("Scope order")
struct ScopeOrderTests {
    @Test("kinds compare in the order they are declared")
    func kindsInDeclarationOrder() {
        let kinds = Scope.Kind.allCases
        for (i, left) in kinds.enumerated() {
            for (j, right) in kinds.enumerated() {
                #expect((left < right) == (i < j), "\(left) < \(right)")
            }
        }
    }

    @Test("scopes sort by kind first, then by name")
    func scopesByKindThenName() {
        let scopes: [Scope] = [
            .attribute("location", "Berlin"), .line("E2"), .team("Alpha"), .manager("E1"), .team("Zeta"),
            .department("Sales"), .org, .department("Engineering"), .line("E1"),
        ]
        #expect(scopes.sorted() == [
            .org, .department("Engineering"), .department("Sales"), .team("Alpha"), .team("Zeta"), .manager("E1"),
            .line("E1"), .line("E2"), .attribute("location", "Berlin"),
        ])
    }
}
