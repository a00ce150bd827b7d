/// Sentences for synthetic review comments. Long comments (≥ 25 words) combine several;
/// short ones are a single phrase. Every comment carries `REVIEW-SENTINEL`.
enum ReviewLexicon {
    static let sentinel = "REVIEW-SENTINEL"

    static let sentences = [
        "Delivered the migration on time and kept stakeholders informed at every step of the rollout.",
        "Takes ownership of ambiguous problems, writes clear proposals, and brings people along with the decision.",
        "Could delegate more; the team sometimes waits on reviews that others could do.",
        "Strong \"owner\" mindset: follows incidents through to the root cause, not just the fix.",
        "Communication in large meetings is improving, though written updates are still the strongest channel.",
        "Mentored two new hires this cycle, and both ramped up faster than we expected.",
        "Needs to push back earlier when scope grows, instead of absorbing the extra work quietly.",
        "Customers mention the quality of the onboarding sessions, which is rare and worth celebrating.",
        "Planning estimates were off by a wide margin twice; let us work on breaking work down.",
        "A reliable partner for other teams, generous with time, and careful with commitments.",
    ]

    /// One-line comments, by the rating they go with (low 1–2, middle 3, high 4–5).
    static func shortComments(rating: Int) -> [String] {
        switch rating {
        case ...2: return ["Needs more focus, discussed.", "Below the bar this cycle; plan agreed.", "See our 1:1 notes."]
        case 3: return ["Meets expectations.", "Good work, see notes in our 1:1.", "Solid, steady quarter."]
        default: return ["Keep it up!", "Great collaborator, thanks!", "Excellent quarter."]
        }
    }

    static let upwardComments = [
        "Clear priorities, and always makes time for questions.",
        "Would like more frequent feedback, and fewer cancelled 1:1s.",
        "Shields the team from churn; sometimes too much, we lack context.",
        "Supportive, fair, and honest.",
    ]
}
