import OrgHealthKit

/// Plans the 1:1s of one manager–report pair from the start of the previous period (history
/// that must be ignored) to the end of the reporting period: dates by the manager's cadence,
/// statuses, topics and action items carried forward until they are done.
struct MeetingPlanner {
    let chart: SampleOrgChart
    let profile: ManagerProfile

    /// The pair's meetings in date order (none when their employment never overlapped the window).
    func meetings(manager: Int, report: Int) -> [SampleMeeting] {
        let people = chart.people
        let period = chart.period
        var random = SampleRandom(seed: chart.seed, stream: "meetings", index: report)
        let historyStart = period.previous.start
        let first = max(historyStart, people[report].hireDate, people[manager].hireDate).adding(days: 3)
        var last = period.end
        if let end = people[report].endDate { last = min(last, end.adding(days: -2)) }
        guard first <= last else { return [] }

        var vacation: ClosedRange<Int>?
        if random.chance(profile.breakRate) {
            let start = period.start.dayNumber + random.int(in: 10...max(10, period.dayCount - 30))
            vacation = start...(start + random.int(in: 14...28))
        }

        var meetings: [SampleMeeting] = []
        var state = ActionItemState()
        var day = first.dayNumber + random.int(in: 0...max(0, interval(&random) - 1))
        // The nearly silent manager meets some reports once in the period, most not at all.
        var allowedInPeriod = profile.cadence == .nearlyNone ? (random.chance(0.3) ? 1 : 0) : Int.max
        while day <= last.dayNumber {
            let date = CalendarDate(dayNumber: Self.weekday(day))
            day += interval(&random)
            guard date >= first, date <= last, !(vacation?.contains(date.dayNumber) ?? false) else { continue }
            if period.contains(date) {
                guard allowedInPeriod > 0 else { continue }
                allowedInPeriod -= 1
            }
            meetings.append(meeting(on: date, manager: manager, report: report, state: &state, random: &random))
        }
        return meetings
    }

    /// One skip-level meeting inside the period, or none.
    func skipLevel(skipManager: Int, report: Int) -> SampleMeeting? {
        let period = chart.period
        var random = SampleRandom(seed: chart.seed, stream: "skip-level", index: report)
        guard random.chance(0.08) else { return nil }
        let person = chart.people[report]
        let earliest = max(period.start, person.hireDate.adding(days: 7))
        let latest = min(period.end, (person.endDate ?? period.end).adding(days: -2))
        guard earliest <= latest, chart.people[skipManager].hireDate <= earliest else { return nil }
        let date = CalendarDate(dayNumber: Self.weekday(earliest.dayNumber + random.int(in: 0...(earliest.days(to: latest)))))
        guard date <= latest else { return nil }
        var notes = [NoteLexicon.skipLevelLines[random.index(below: NoteLexicon.skipLevelLines.count)]]
        notes.append(sentinelLine(&random))
        return SampleMeeting(date: date, status: .held, durationMinutes: 30, agenda: ["Skip-level"],
                             notes: notes, actionItems: [], isSkipLevel: true)
    }

    private func meeting(
        on date: CalendarDate, manager: Int, report: Int, state: inout ActionItemState, random: inout SampleRandom
    ) -> SampleMeeting {
        let roll = random.unit()
        if roll < profile.cancellationRate + profile.noShowRate {
            let cancelled = roll < profile.cancellationRate
            let reasons = cancelled ? NoteLexicon.cancellationReasons : NoteLexicon.noShowReasons
            let reason = reasons[random.index(below: reasons.count)] + " " + privateMarker(&random)
            return SampleMeeting(date: date, status: cancelled ? .cancelled : .noShow,
                                 durationMinutes: profile.durationMinutes, agenda: [], notes: [reason], actionItems: [])
        }
        var agenda: [String] = []
        var notes: [String] = []
        for topic in NoteTopic.allCases where random.chance(profile.topicRates[topic.rawValue]) {
            let lines = NoteLexicon.lines(for: topic)
            agenda.append(NoteLexicon.agendaLabel(for: topic))
            notes.append(lines[random.index(below: lines.count)])
        }
        agenda.append(NoteLexicon.neutralAgenda[random.index(below: NoteLexicon.neutralAgenda.count)])
        var neutral = NoteLexicon.neutralLines
        for _ in 0..<random.int(in: 1...2) {
            notes.append(neutral.remove(at: random.index(below: neutral.count)))
        }
        notes.insert(sentinelLine(&random), at: random.index(below: notes.count + 1))

        let owners = [chart.people[report].id, chart.people[manager].id]
        let items = state.advance(on: date, profile: profile, owners: owners, random: &random)
        return SampleMeeting(date: date, status: .held, durationMinutes: profile.durationMinutes,
                             agenda: agenda, notes: notes, actionItems: items)
    }

    private func sentinelLine(_ random: inout SampleRandom) -> String {
        NoteLexicon.privateLines[random.index(below: NoteLexicon.privateLines.count)] + " " + privateMarker(&random)
    }

    private func privateMarker(_ random: inout SampleRandom) -> String {
        "(private: \(NoteLexicon.sentinel) \(random.int(in: 1_000...9_999)))"
    }

    private func interval(_ random: inout SampleRandom) -> Int {
        switch profile.cadence {
        case .weekly: return 7 + random.int(in: -1...1)
        case .biweekly: return 14 + random.int(in: -2...2)
        case .monthly: return random.int(in: 27...33)
        case .sporadic: return random.int(in: 6...45)
        case .rare: return random.int(in: 35...55)
        case .nearlyNone: return random.int(in: 25...35)
        }
    }

    /// The day moved off the weekend (Saturday → Friday, Sunday → Monday).
    static func weekday(_ dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday: (dayNumber + 4) mod 7 gives 0 = Sunday … 6 = Saturday.
        let weekday = ((dayNumber + 4) % 7 + 7) % 7
        switch weekday {
        case 6: return dayNumber - 1
        case 0: return dayNumber + 1
        default: return dayNumber
        }
    }
}

/// The open action items of a pair, copied forward from meeting to meeting until checked, or
/// until people stop copying them (after a few meetings), as happens in real docs.
struct ActionItemState {
    private var open: [(item: SampleActionItem, carried: Int)] = []
    private var used: Set<String> = []
    private static let maximumCarries = 4

    /// The items to show in a held meeting: every open item (some now checked) plus new ones.
    mutating func advance(
        on date: CalendarDate, profile: ManagerProfile, owners: [String], random: inout SampleRandom
    ) -> [SampleActionItem] {
        var shown: [SampleActionItem] = []
        var stillOpen: [(item: SampleActionItem, carried: Int)] = []
        for var entry in open {
            if random.chance(profile.completionRate) {
                entry.item.done = true
            } else if entry.carried < Self.maximumCarries {
                stillOpen.append((entry.item, entry.carried + 1))
            }
            shown.append(entry.item)
        }
        var newCount = 0
        var budget = profile.newItemsPerMeeting
        while budget > 0, newCount < 3 {
            if random.chance(min(1, budget)) { newCount += 1 }
            budget -= 1
        }
        for _ in 0..<newCount {
            let verb = NoteLexicon.actionVerbs[random.index(below: NoteLexicon.actionVerbs.count)]
            let project = NoteLexicon.projects[random.index(below: NoteLexicon.projects.count)]
            let text = "\(verb) for \(project)"
            guard !used.contains(text) else { continue }
            used.insert(text)
            let owner = owners[random.chance(0.7) ? 0 : 1]
            let due = random.chance(0.7) ? date.adding(days: random.int(in: 3...14)) : nil
            let item = SampleActionItem(owner: owner, text: text, due: due, done: random.chance(0.1))
            if !item.done { stillOpen.append((item, 0)) }
            shown.append(item)
        }
        open = stillOpen
        return shown
    }
}
