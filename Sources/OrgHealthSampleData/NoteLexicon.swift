/// The topics a 1:1 can touch, matching the analyzer's default keyword lexicon.
enum NoteTopic: Int, CaseIterable, Sendable {
    case career, feedback, wellbeing, priorities
}

/// The free text of synthetic 1:1 notes. Each topic's lines carry that topic's keywords
/// (career/promotion/growth, feedback, workload/stress/wellbeing/vacation,
/// priorities/goals/roadmap); the neutral lines carry none, so topic rates stay meaningful.
enum NoteLexicon {
    /// The marker every note body carries, so tests can prove note text never reaches a report.
    static let sentinel = "NOTE-SENTINEL"

    static func lines(for topic: NoteTopic) -> [String] {
        switch topic {
        case .career:
            return [
                "Career: what the next level looks like and which projects would show it",
                "Talked about promotion timing; agreed to collect examples before the next cycle",
                "Growth plan: wants to mentor the new hire and run a design session",
                "Asked about a stretch assignment for career growth",
                "Discussed the promotion packet and who could sponsor it",
                "Interested in the staff track; career path document shared",
            ]
        case .feedback:
            return [
                "Feedback: the write-up was clear; next time share it a day earlier",
                "Asked me for feedback on how standups run",
                "Gave feedback on the customer demo: strong opening, rushed ending",
                "Peer feedback from the incident retro was positive",
                "Shared feedback on my delegation: wants more context before plans change",
            ]
        case .wellbeing:
            return [
                "Workload is heavy this sprint; stress is up because of on-call",
                "Planning vacation for two weeks; handover to be agreed",
                "Wellbeing check-in after a tough week, sleeping better now",
                "Workload feels sustainable again after the new hires started",
                "Feeling stretched thin; agreed to drop one project to reduce stress",
            ]
        case .priorities:
            return [
                "Priorities for the next two weeks: finish the migration, then the API work",
                "Went through the quarterly goals; two are at risk",
                "Roadmap change: the mobile launch moves to next quarter",
                "Goals for the half: agreed on three measurable outcomes",
                "Re-ordered priorities after the planning meeting",
            ]
        }
    }

    /// A short agenda label per topic.
    static func agendaLabel(for topic: NoteTopic) -> String {
        switch topic {
        case .career: return "Career conversation"
        case .feedback: return "Feedback, both ways"
        case .wellbeing: return "Workload and wellbeing check-in"
        case .priorities: return "Priorities and roadmap"
        }
    }

    static let neutralLines = [
        "Project status: the migration is about 70% done",
        "Hiring loop for the backend role: two candidates this week",
        "Tooling: CI has been flaky again, ticket filed",
        "Customer escalation from last Friday is resolved",
        "Team offsite logistics, venue options shared",
        "Walked through the incident timeline and the follow-ups",
        "Pull requests are being merged faster since the new rotation",
        "On-call handover checklist updated",
        "Q&A session with the platform team went well",
        "Budget for conference tickets submitted to finance",
    ]

    static let neutralAgenda = ["Project updates", "Team news", "Open questions", "Hiring"]

    static let privateLines = [
        "Personal context, kept between us",
        "Shared something in confidence about family plans",
        "Side conversation kept off the record",
        "Mentioned a personal matter; follow up privately",
    ]

    static let cancellationReasons = [
        "Cancelled: conflicting customer call",
        "Cancelled: offsite day",
        "Cancelled: manager travelling",
        "Moved, then dropped: release day",
    ]

    static let noShowReasons = [
        "No-show: stuck in another meeting",
        "No-show: forgot, calendar invite was declined by accident",
        "No-show: no message",
    ]

    static let actionVerbs = [
        "share the design doc", "set up a meeting with the platform lead", "write the migration plan",
        "book the training course", "send the customer summary", "update the on-call runbook",
        "draft the promotion packet", "schedule the retro", "pair with the new hire on the deploy pipeline",
        "check the hiring rubric", "file the expense report", "prepare the demo for Thursday",
        "clean up the dashboard alerts", "ask finance about the budget", "write up the incident timeline",
        "check in with legal on the contract", "plan the vacation handover", "collect peer feedback examples",
    ]

    static let projects = [
        "Atlas", "Beacon", "Comet", "Delta", "Ember", "Falcon", "Glacier", "Harbor", "Iris", "Juniper",
        "Kestrel", "Lumen", "Meridian", "Nimbus", "Orion",
    ]

    static let skipLevelLines = [
        "Skip-level: how the team is doing and what gets in the way",
        "Skip-level: career interests and feedback on the team's direction",
        "Skip-level: what the manager could do more of",
    ]
}
