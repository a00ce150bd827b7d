import OrgHealthKit

/// Findings about the shape of the organization: spans too wide or too narrow, and people
/// without a manager below the top.
struct OrgStructureFindings {
    let snapshot: OrgSnapshot
    let bounds: OrgStructureOptions

    func findings() -> [Finding] {
        // Without manager information there are no spans to judge and everyone is "at the top".
        guard snapshot.roster.hasManagerInformation else { return [] }
        var findings: [Finding] = []
        let managers = snapshot.managers(in: .org).sorted { $0.person.id < $1.person.id }
        for (person, reports) in managers where bounds.isWide(reports) {
            findings.append(Finding(
                id: "org-structure.wide-span.\(person.id)", severity: reports > bounds.wideAbove * 3 / 2 ? .critical : .warning,
                scope: .manager(person.id), dimension: .execution,
                title: "\(label(person)) has \(reports) direct reports",
                detail: "A span above \(bounds.wideAbove) leaves little time for one-on-ones, feedback and coaching with each report.",
                recommendation: "Split the group under a new team lead, or move part of it to a peer manager.",
                evidence: [OrgStructureMetric.directReports]))
        }
        let narrow = managers.filter { bounds.isNarrow($0.reports) }
        if !narrow.isEmpty {
            let share = Double(narrow.count) / Double(managers.count)
            findings.append(Finding(
                id: "org-structure.narrow-spans", severity: share > 0.25 ? .warning : .info, scope: .org,
                dimension: .execution,
                title: "\(narrow.count) of \(managers.count) managers have fewer than \(bounds.narrowBelow) direct reports",
                detail: "Narrow spans add layers and cost without adding leadership capacity: "
                    + narrow.prefix(12).map { "\(label($0.person)) (\($0.reports))" }.joined(separator: ", ")
                    + (narrow.count > 12 ? ", and \(narrow.count - 12) more." : "."),
                recommendation: "Review whether these teams can merge, or whether the role is a player-coach one by design.",
                evidence: [OrgStructureMetric.narrowSpanRate]))
        }
        let tops = snapshot.employedWithoutManager
        if tops.count > 1 {
            let unattached = tops.dropFirst()
            findings.append(Finding(
                id: "org-structure.without-manager", severity: .warning, scope: .org, dimension: .execution,
                title: unattached.count == 1 ? "1 person has no manager in the roster" : "\(unattached.count) people have no manager in the roster",
                detail: "Besides the top of the organization (\(label(tops[0]))), these people have no valid manager: "
                    + unattached.prefix(12).map(label).joined(separator: ", ")
                    + (unattached.count > 12 ? ", and \(unattached.count - 12) more." : ".")
                    + " Unknown manager ids and manager cycles in the roster end up here; see data quality.",
                recommendation: "Correct manager_id in the HR system so everyone has a manager; until then they are missing from manager-level figures.",
                evidence: [OrgStructureMetric.headcount]))
        }
        return findings
    }

    private func label(_ person: Person) -> String {
        person.name.map { "\($0) (\(person.id))" } ?? person.id
    }
}
