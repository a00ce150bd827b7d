import Foundation
import ReviewCycleAnalyzer
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// Tries to recover the figures of a location under the minimum group size from the
/// organization's and the other locations' — after the real review-cycle analyzer and the
/// real privacy gate, with `cuts: [location]` — and fails to. Also: no team × attribute scope
/// can be asked for.
@Suite("Attribute cuts: the subtraction attack")
struct AttributeCutPrivacyTests {
    /// One team (Web, department Eng, managed by M1) of Berlin (6 people), Lisbon (5) and
    /// Austin (4 = minGroupSize − 1), plus `blank` people with no location. Each has a self
    /// review due 2026-09-15 (in 2026-Q3); `submitted` says whose is submitted.
    static func run(blank: Int = 0) async throws -> AnalyzerResult {
        let groups: [(prefix: String, location: String, people: Int, submitted: Int)] = [
            ("B", "Berlin", 6, 3), ("L", "Lisbon", 5, 4), ("A", "Austin", 4, 4), ("X", "", blank, blank),
        ]
        var roster = ["employee_id,manager_id,team,department,location", "M1,,Exec,Leadership,"]
        var reviews = ["cycle_id,reviewee_id,reviewer_id,relationship,status,due_date,submitted_at,rating,comment"]
        for group in groups {
            for index in 0..<group.people {
                let id = "\(group.prefix)\(index + 1)"
                roster.append("\(id),M1,Web,Eng,\(group.location)")
                let done = index < group.submitted
                reviews.append("c1,\(id),\(id),self,\(done ? "submitted" : "not_started"),2026-09-15,\(done ? "2026-09-10" : ""),\(done ? "4" : ""),")
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cut-attack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Removing a scratch folder: a leftover in the temporary directory harms nothing.
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("reviews.csv")
        try Data((reviews.joined(separator: "\n") + "\n").utf8).write(to: file)
        var options = RosterOptions()
        options.cuts = [RosterCut("location")]
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let read = try RosterReader(options: options).read(csv: roster.joined(separator: "\n") + "\n")
        let cut = read.roster.cut(by: options.cuts, on: period.end)
        let context = AnalysisContext(
            organization: "Attack", period: period, roster: cut, inputs: ["review-cycles": [file]],
            privacy: PrivacyPolicy(minGroupSize: 5))
        let result = try await ReviewCycleAnalyzer().analyze(context)
        return PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: cut).apply(to: result).result
    }

    static let rate = "reviews.completionRate.self"

    @Test("the small location is hidden, and so is a second one: org minus the shown ones gives only a mix")
    func attackFails() async throws {
        let result = try await Self.run()
        func metric(_ scope: Scope) -> Metric? { result.metrics.first { $0.id == Self.rate && $0.scope == scope } }
        let berlin = try #require(metric(.attribute("location", "Berlin")))
        let lisbon = try #require(metric(.attribute("location", "Lisbon")))
        let austin = try #require(metric(.attribute("location", "Austin")))
        let org = try #require(metric(.org))
        // By hand: Austin 4 of 4 submitted, n 4 < 5 → withheld.
        #expect(austin.value == nil && austin.suppressed == .minGroupSize)
        // Exactly one location hidden while the org is shown: the next-smallest (Lisbon, n 5) goes too.
        #expect(lisbon.value == nil && lisbon.suppressed == .secondary)
        // Berlin 3 of 6 = 0.5; the org 11 of 15.
        #expect(berlin.value == 0.5 && berlin.n == 6)
        #expect(org.value.map { abs($0 - 11.0 / 15.0) < 1e-12 } == true && org.n == 15)
        // The attack: org × n − every shown location × n, over the n left = 8 of 9 — Lisbon and
        // Austin together, not Austin's 4 of 4.
        let shown = result.metrics.filter { $0.id == Self.rate && $0.scope.kind == .attribute && $0.value != nil }
        let left = (org.value ?? 0) * Double(org.n) - shown.reduce(0) { $0 + ($1.value ?? 0) * Double($1.n) }
        let leftN = org.n - shown.reduce(0) { $0 + $1.n }
        #expect(leftN == 9)
        #expect(abs(left / Double(leftN) - 8.0 / 9.0) < 1e-9)
        #expect(abs(left / Double(leftN) - 1.0) > 0.1)
    }

    @Test("people with no location are a hidden group too: with 2 of them, one location is hidden besides")
    func blanksAreProtected() async throws {
        let result = try await Self.run(blank: 2)
        func metric(_ scope: Scope) -> Metric? { result.metrics.first { $0.id == Self.rate && $0.scope == scope } }
        // No value called "": the blanks are in no group.
        #expect(!result.metrics.contains { $0.scope.attribute?.value.isEmpty ?? false })
        // By hand: org n 17 = Berlin 6 + Lisbon 5 + Austin 4 + 2 blanks. Austin (4 < 5) is hidden;
        // the 2 blanks are never shown, so two groups are unknown already: org minus Berlin and
        // Lisbon gives Austin and the blanks together (6 people), neither alone.
        #expect(metric(.org)?.n == 17)
        #expect(metric(.attribute("location", "Austin"))?.suppressed == .minGroupSize)
        #expect(metric(.attribute("location", "Berlin"))?.value == 0.5)
        #expect(metric(.attribute("location", "Lisbon"))?.value == 0.8)
        let shown = result.metrics.filter { $0.id == Self.rate && $0.scope.kind == .attribute && $0.value != nil }
        #expect(17 - shown.reduce(0) { $0 + $1.n } == 6)
    }

    @Test("a remainder of blanks alone, with every location large, hides the smallest location")
    func remainderAlone() throws {
        // Gate only, figures by hand: org n 13 = Berlin 6 + Lisbon 5 + 2 with no location.
        let gate = PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: Roster(people: []))
        let result = gate.apply(to: AnalyzerResult(metrics: [
            Metric(id: "x.rate", scope: .org, value: 0.5, unit: .ratio, n: 13),
            Metric(id: "x.rate", scope: .attribute("location", "Berlin"), value: 0.5, unit: .ratio, n: 6),
            Metric(id: "x.rate", scope: .attribute("location", "Lisbon"), value: 0.4, unit: .ratio, n: 5),
            // Another attribute is a partition of its own: unaffected (org 13 = 7 + 6).
            Metric(id: "x.rate", scope: .attribute("level", "L3"), value: 0.5, unit: .ratio, n: 7),
            Metric(id: "x.rate", scope: .attribute("level", "L4"), value: 0.5, unit: .ratio, n: 6),
        ])).result
        #expect(result.metrics.map(\.suppressed) == [nil, nil, .secondary, nil, nil])
    }

    @Test("team, department and manager can't be cuts: the config refuses them")
    func noIntersection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cut-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Removing a scratch folder: a leftover in the temporary directory harms nothing.
        defer { try? FileManager.default.removeItem(at: folder) }
        try "employee_id,team\n".write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let loader = ConfigurationLoader(knownAnalyzers: [])
        let file = folder.appendingPathComponent("orghealth.yml")
        func load(_ cuts: String) throws(ConfigError) -> Configuration {
            try loader.parse("organization: A\nperiod: 2026-Q3\nroster: roster.csv\ncuts: \(cuts)\n", file: file)
        }
        #expect(try load("[location, Level, tenure, Remote]").cuts.map(\.name) == ["location", "level", "tenure", "Remote"])
        for refused in ["[location, team]", "[department]", "[manager_id]", "[email]", "[hire_date]", "[location=Berlin]",
                        "[location, location]"] {
            do {
                _ = try load(refused)
                Issue.record("cuts: \(refused) must be refused")
            } catch {
                #expect(error.key == "cuts")
                #expect(error.line == 4)
            }
        }
        do { _ = try load("[team]") } catch { #expect(error.message.contains("single people out")) }
    }
}
