import LibXML
import OrgHealthKit

/// How the figures were made: privacy rules, the health model, every metric's definition.
struct MethodologyView {
    let report: HealthReport

    func render(into main: HTMLNode) {
        let section = main.element("section", [("id", "methodology"), ("aria-labelledby", "methodology-heading")])
        section.element("h2", [("id", "methodology-heading")], text: "Methodology")
        let privacy = report.methodology.privacy
        section.element("h3", text: "Privacy")
        let rules = section.element("ul")
        rules.element("li", text: "No figure is shown for a group of fewer than \(privacy.minGroupSize) people or responses.")
        rules.element("li", text: "When exactly one group under a parent is withheld, the next-smallest sibling is withheld too, "
            + "so a hidden figure cannot be worked out by subtraction from the parent.")
        if let freeText = freeTextRule(privacy) { rules.element("li", text: freeText) }
        section.element("h3", text: "Health model")
        let model = section.element("ul")
        for rule in report.methodology.healthModel { model.element("li", text: rule) }
        section.element("h3", text: "Metric definitions")
        let list = section.element("dl", [("class", "definitions")])
        for definition in report.methodology.metrics {
            list.element("dt", text: definition.id)
            let description = list.element("dd", text: definition.definition)
            if let signal = definition.signal {
                description.element("br")
                description.element("span", [("class", "muted")], text: "Signal: \(signal)")
            }
        }
    }

    /// What happens to the free text the analyzers declare: "Survey comments: never shown.
    /// One-on-one notes and review comments never appear."; `nil` when none declares any.
    private func freeTextRule(_ privacy: PrivacyPolicy) -> String? {
        let declared = report.analyzers.flatMap { $0.descriptor.freeText ?? [] }
        var sentences = declared.filter(\.followsCommentPolicy).map { "\(capitalized($0.name)): \(commentRule(privacy))." }
        let hidden = declared.filter { !$0.followsCommentPolicy }.map(\.name)
        if let last = hidden.last {
            let list = hidden.count == 1 ? last : hidden.dropLast().joined(separator: ", ") + " and " + last
            sentences.append(capitalized(list) + " never appear.")
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    private func commentRule(_ privacy: PrivacyPolicy) -> String {
        switch privacy.comments {
        case .exclude: return "never shown"
        case .themes: return "shown only as theme counts, for groups of at least \(privacy.minGroupSize)"
        case .include: return "shown verbatim only for groups with at least \(privacy.minCommentGroupSize) comments"
        }
    }
}
