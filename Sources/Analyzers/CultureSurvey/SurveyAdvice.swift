import OrgHealthKit

/// What to do about a weak dimension: short, practical recommendations from the management
/// literature behind the built-in dimensions.
enum SurveyAdvice {
    static func recommendation(for dimension: String) -> String {
        switch dimension {
        case HealthDimension.direction.rawValue:
            return "Revisit the team's goals together, make the priorities explicit and show how the work ties to the company's goals."
        case HealthDimension.leadership.rawValue:
            return "Have the manager's manager hold skip-level conversations, and coach the manager on keeping people informed and backing them when things go wrong."
        case HealthDimension.trust.rawValue:
            return "Make speaking up safe: review recent mistakes without blame and close the loop visibly on every concern raised."
        case HealthDimension.feedback.rawValue:
            return "Restore regular one-on-ones with feedback in each, and recognise good work specifically and soon."
        case HealthDimension.growth.rawValue:
            return "Hold a career conversation with everyone in the team this quarter and agree one development step each."
        case HealthDimension.wellbeing.rawValue:
            return "Review workload and on-call load with the team, and cut or defer work rather than asking for more hours."
        case HealthDimension.execution.rawValue:
            return "Clarify who decides what, remove blockers in tools and resources, and review commitments in a short weekly routine."
        default:
            return "Discuss the results with the team, agree one or two concrete actions and check progress in the next survey."
        }
    }

    /// A whole percentage for finding texts: `0.4166` → `42%`.
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// A number with two decimals for finding texts: `0.5831` → `0.58`.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }

    /// The display name of a survey dimension.
    static func name(_ dimension: String) -> String { HealthDimension(dimension).displayName }
}
