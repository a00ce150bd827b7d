import Foundation
import OrgHealthKit

/// Measures the roster alone (issue 16): reads a roster CSV with ``RosterReader`` and prints
/// the people, teams and departments read, the CPU time (user + system) and wall time of the
/// read, and the process's peak resident memory after it; then the CPU time of the look-ups
/// the analyzers make — every person through `people`, every team's headcount through the
/// index, and every employee id matched case-insensitively (`person(matching:)`).
///
/// Arguments: `--file PATH` (a roster CSV, e.g. the `roster.csv` of `orghealth-benchmarks report
/// --generate-only`; required). Run it from a release build, one process per measurement (peak
/// memory is the process's).
func runRosterBenchmark(arguments: [String]) throws {
    guard arguments.count == 2, arguments[0] == "--file" else {
        throw RosterBenchmarkUsage(description: "usage: orghealth-benchmarks roster --file PATH")
    }
    let url = URL(fileURLWithPath: arguments[1])
    let cpu = processCPUSeconds()
    let started = ContinuousClock.now
    let output = try RosterReader().read(url)
    let readCPU = processCPUSeconds() - cpu
    let wall = benchmarkSeconds(ContinuousClock.now - started)
    let roster = output.roster
    let teams = roster.teams
    print("roster: \(roster.people.count) people, \(teams.count) teams, \(roster.departments.count) departments, "
        + "\(output.diagnostics.count) diagnostics; read in \(format(readCPU)) s CPU, \(format(wall)) s wall; "
        + "peak resident memory \(peakResidentMegabytes()) MB")

    var cpuBefore = processCPUSeconds()
    var employed = 0
    let day = try CalendarDate(parsingISO: "2026-09-30")
    for person in roster.people where person.isEmployed(on: day) { employed += 1 }
    let walkCPU = processCPUSeconds() - cpuBefore
    cpuBefore = processCPUSeconds()
    var counted = 0
    for team in teams { counted += roster.headcount(of: .team(team), on: day) }
    let teamCPU = processCPUSeconds() - cpuBefore
    cpuBefore = processCPUSeconds()
    var matched = 0
    for person in roster.people where roster.person(matching: person.id.lowercased()) != nil { matched += 1 }
    let matchCPU = processCPUSeconds() - cpuBefore
    print("look-ups: every person \(format(walkCPU)) s CPU (\(employed) employed); every team's headcount "
        + "\(format(teamCPU)) s CPU (\(counted)); every id matched \(format(matchCPU)) s CPU (\(matched)); "
        + "peak resident memory \(peakResidentMegabytes()) MB")
}

/// The roster benchmark's arguments were not understood.
struct RosterBenchmarkUsage: Error, CustomStringConvertible {
    let description: String
}

private extension CalendarDate {
    /// A date from an ISO text known to be valid (a constant of this benchmark).
    init(parsingISO text: String) throws {
        guard let date = CalendarDate(iso: text) else { throw RosterBenchmarkUsage(description: "not a date: \(text)") }
        self = date
    }
}

private func format(_ value: Double) -> String { String(format: "%.2f", value) }
