import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The gate asks the metrics' plan, for each signal, whether its basis metric is withheld,
/// through a cursor that numbers a scope once and recalls families by their place. Whatever
/// the order of the questions, the answers must be those of asking each one afresh.
@Suite("Privacy gate: look-ups through a cursor")
struct SuppressionPlanCursorTests {
    @Test("questions scope by scope, reordered, with unknown families and scopes: the plain look-up's answers")
    func againstPlainLookUp() {
        var generator = SplitMix64(seed: 1206)
        let families = ["m.a", "m.b", "m.c", "m.d", "m.e"]
        // Teams of two departments, with n from 0 to 11 so that some are withheld (minimum 5)
        // and secondary suppression hides more.
        var plan = SuppressionPlan()
        let teams = (0..<60).map { Scope.team("T\($0)") }
        for team in teams {
            for family in families where generator.next() % 5 != 0 {
                plan.add(family: family, scope: team, n: Int(generator.next() % 12), reason: nil)
            }
        }
        for department in ["D0", "D1"] {
            for family in families { plan.add(family: family, scope: .department(department), n: 30, reason: nil) }
        }
        plan.resolve(minGroupSize: 5) { scope in
            guard case .team(let name) = scope, let number = Int(name.dropFirst()) else { return scope == .org ? nil : .org }
            return .department(number < 30 ? "D0" : "D1")
        }

        var cursor = SuppressionPlan.Cursor()
        var asked = 0, withheld = 0
        for team in teams + [.team("unknown"), .department("D0")] {
            // Most scopes are asked in the same order; some reorder, drop or add an unknown family.
            var questions = families
            switch generator.next() % 5 {
            case 0: questions.shuffle(using: &generator)
            case 1: questions.remove(at: Int(generator.next() % UInt64(questions.count)))
            case 2: questions.insert("m.unknown", at: Int(generator.next() % UInt64(questions.count)))
            default: break
            }
            for family in questions {
                let plain = plan.lookUp(family, team), throughCursor = plan.lookUp(family, team, cursor: &cursor)
                #expect(plain == throughCursor, "\(family) of \(team)")
                asked += 1
                if case .some(.some) = plain { withheld += 1 }
            }
        }
        // The questions must have met withheld and visible figures alike.
        #expect(withheld > 20 && withheld < asked - 20)
    }
}
