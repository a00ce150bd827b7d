#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OrgHealthKit
import ReviewCycleAnalyzer

/// Measures the review-cycle analyzer on a generated review export of a large organization:
/// `roster.csv` (default 100,000 people; every manager has up to 7 direct reports, who form a
/// team; teams spread over 20 departments) and `reviews.csv` with this period's cycle (due
/// 2026-09-10: a self, a manager, two peer and the upward reviews of every person — about
/// 5 rows per person, 500,000 for 100,000 people — with comments of 3–60 words, 9-box and
/// promotion columns) and the previous cycle (due 2026-03-10: self and manager only), which the
/// analyzer must skip. The data is deterministic (a fixed seed). Files are generated once into
/// `--folder` (kept) or a temporary folder (removed).
///
/// Reports the analyzer's wall and CPU time (best of `--runs`), rows/s and MB/s over the whole
/// file, the figure counts, and the process's peak resident memory before and after the runs
/// (the roster is read before the first measurement).
///
/// Arguments: `--employees N` (default 100000), `--runs N` (default 3), `--folder PATH`,
/// `--generate-only`. Run it from a release build: `orghealth-benchmarks review-cycles`.
func runReviewCycleBenchmark(arguments: [String]) throws {
    let options = try ReviewBenchmarkOptions(arguments)
    let folder = options.folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        .appendingPathComponent("orghealth-review-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
    let reviews = folder.appendingPathComponent("reviews.csv")
    if !FileManager.default.fileExists(atPath: reviews.path) {
        let started = ContinuousClock.now
        let generated = try ReviewBenchmarkData(employees: options.employees).write(to: folder)
        print("generated \(generated.people) people, \(generated.rows) review rows (\(generated.rowsInPeriod) in the "
            + "period, \(generated.bytes / 1_000_000) MB) in \(reviewBenchmarkFormat(benchmarkSeconds(ContinuousClock.now - started))) s "
            + "into \(folder.path)")
    }
    defer { if options.folder == nil { try? FileManager.default.removeItem(at: folder) } }
    if options.generateOnly { return }

    let rosterStarted = ContinuousClock.now
    let roster = try RosterReader().read(folder.appendingPathComponent("roster.csv")).roster
    print("roster: \(roster.people.count) people read in "
        + "\(reviewBenchmarkFormat(benchmarkSeconds(ContinuousClock.now - rosterStarted))) s; "
        + "peak resident memory so far \(peakResidentMegabytes()) MB")
    let context = AnalysisContext(
        organization: "Benchmark", period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster,
        inputs: ["review-cycles": [reviews]])
    var best: (wall: Double, cpu: Double)?
    var result = AnalyzerResult()
    for _ in 1...options.runs {
        result = AnalyzerResult()  // so that the peak memory is one run's, not two results at once
        let cpuStart = processCPUSeconds()
        let wallStart = ContinuousClock.now
        result = try runBlocking { try await ReviewCycleAnalyzer().analyze(context) }
        let wall = benchmarkSeconds(ContinuousClock.now - wallStart)
        let cpu = processCPUSeconds() - cpuStart
        if best.map({ wall < $0.wall }) ?? true { best = (wall, cpu) }
    }
    guard let best else { return }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: reviews.path))?[.size] as? Int ?? 0
    let rows = try reviewBenchmarkDataRows(reviews)
    print("review-cycles analyzer: \(reviewBenchmarkFormat(best.wall)) s wall, \(reviewBenchmarkFormat(best.cpu)) s CPU "
        + "(best of \(options.runs)) for \(rows) rows, \(bytes / 1_000_000) MB: "
        + "\(reviewBenchmarkFormat(Double(rows) / best.wall, places: 0)) rows/s, "
        + "\(reviewBenchmarkFormat(Double(bytes) / 1e6 / best.wall, places: 0)) MB/s; "
        + "\(result.metrics.count) metrics, \(result.signals.count) signals, \(result.findings.count) findings, "
        + "\(result.diagnostics.count) diagnostics; peak resident memory \(peakResidentMegabytes()) MB")
    let org = { (id: String) in result.metrics.first { $0.id == id && $0.scope == .org } }
    if let completion = org("reviews.completionRate"), let mean = org("reviews.ratingMean") {
        print("organization: completion \(reviewBenchmarkFormat(completion.value ?? .nan, places: 3)) over "
            + "\(completion.n) people, mean rating \(reviewBenchmarkFormat(mean.value ?? .nan, places: 3)); "
            + "\(result.findings.filter { $0.id.contains("-ratings.") }.count) calibration candidates")
    }
}

/// The data rows of a CSV file (records after the header), counted with the CSV reader so
/// that line breaks inside quoted comments do not count.
private func reviewBenchmarkDataRows(_ url: URL) throws -> Int {
    var reader = try CSVReader(contentsOf: url)
    var rows = -1
    while try reader.next() != nil { rows += 1 }
    return max(0, rows)
}

/// The generated organization and its review export.
private struct ReviewBenchmarkData {
    let employees: Int
    /// Direct reports per manager.
    let span = 7
    let departments = 20

    struct Written {
        var people = 0
        var rows = 0
        var rowsInPeriod = 0
        var bytes = 0
    }

    private static let lexicon = [
        "delivered", "the", "migration", "on", "time", "and", "helped", "others", "with", "reviews", "needs", "to",
        "share", "context", "earlier", "strong", "ownership", "of", "incidents", "mentored", "two", "new", "hires",
        "communication", "could", "be", "clearer", "in", "planning", "great", "collaboration", "across", "teams",
    ]

    func write(to folder: URL) throws -> Written {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = Written(people: employees)
        var roster = "employee_id,manager_id,team,department,name\n"
        for person in 0..<employees {
            let manager = managerOf(person)
            roster += "\(id(person)),\(manager.map(id) ?? ""),\(team(of: person)),\(department(of: person)),Person \(person)\n"
        }
        try Data(roster.utf8).write(to: folder.appendingPathComponent("roster.csv"))

        let url = folder.appendingPathComponent("reviews.csv")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = "cycle_id,reviewee_id,reviewer_id,relationship,status,due_date,submitted_at,rating,comment,potential,promotion\n"
        var random = ReviewBenchmarkRandom(seed: 2026)
        func flush(force: Bool = false) throws {
            guard force || buffer.utf8.count > 1 << 20 else { return }
            let data = Data(buffer.utf8)
            written.bytes += data.count
            try handle.write(contentsOf: data)
            buffer = ""
        }
        // The previous cycle first (outside the period), then this period's.
        for person in 0..<employees {
            buffer += row("perf-2026-H1", person, person, "self", due: "2026-03-10", random: &random)
            if let manager = managerOf(person) {
                buffer += row("perf-2026-H1", person, manager, "manager", due: "2026-03-10", random: &random)
                written.rows += 1
            }
            written.rows += 1
            try flush()
        }
        for person in 0..<employees {
            var lines = [row("perf-2026-H2", person, person, "self", due: "2026-09-10", random: &random)]
            if let manager = managerOf(person) {
                lines.append(row("perf-2026-H2", person, manager, "manager", due: "2026-09-10", random: &random))
                let first = 1 + (person - 1) / span * span
                let siblings = (first..<min(first + span, employees)).filter { $0 != person }
                for peer in siblings.prefix(2) {
                    lines.append(row("perf-2026-H2", person, peer, "peer", due: "2026-09-10", random: &random))
                }
            }
            for report in reports(of: person) {
                lines.append(row("perf-2026-H2", person, report, "upward", due: "2026-09-10", random: &random))
            }
            written.rows += lines.count
            written.rowsInPeriod += lines.count
            buffer += lines.joined()
            try flush()
        }
        try flush(force: true)
        return written
    }

    private func id(_ person: Int) -> String { "P\(person)" }

    private func managerOf(_ person: Int) -> Int? { person == 0 ? nil : (person - 1) / span }

    private func reports(of person: Int) -> Range<Int> {
        let first = person * span + 1
        return min(first, employees)..<min(first + span, employees)
    }

    private func team(of person: Int) -> String { "Team \(managerOf(person) ?? 0)" }

    private func department(of person: Int) -> String { "Department \((managerOf(person) ?? 0) % departments)" }

    private func row(
        _ cycle: String, _ reviewee: Int, _ reviewer: Int, _ relationship: String, due: String,
        random: inout ReviewBenchmarkRandom
    ) -> String {
        let prefix = "\(cycle),\(id(reviewee)),\(id(reviewer)),\(relationship),"
        let roll = random.next(100)
        let declinable = relationship == "peer" || relationship == "upward"
        if roll < 5 { return prefix + "in_progress,\(due),,,,,\n" }
        if roll < 10 { return prefix + "not_started,\(due),,,,,\n" }
        if declinable, roll < 15 { return prefix + "declined,\(due),,,,,\n" }
        // Submitted: up to 25 days early or 3 days late (about 1 in 10 late), at a working hour.
        let submitted = CalendarDate(iso: due)?.adding(days: random.next(29) - 25).description ?? due
        let bias = reviewer % 97 == 0 ? 1 : reviewer % 89 == 0 ? -1 : 0  // a few lenient and severe raters
        let rating = max(1, min(5, 2 + random.next(3) + (random.next(4) == 0 ? 1 : 0) + (relationship == "manager" ? bias : 0)))
        var comment = ""
        if relationship != "self" {
            let words = 3 + random.next(58)
            comment = (0..<words).map { _ in Self.lexicon[random.next(Self.lexicon.count)] }.joined(separator: " ")
        }
        var extra = ","
        if relationship == "manager" {
            extra = ["low", "medium", "high"][random.next(3)] + "," + (rating == 5 && random.next(2) == 0 ? "yes" : "no")
        }
        return prefix + "submitted,\(due),\(submitted)T\(9 + random.next(9)):15:00Z,\(rating),\(comment),\(extra)\n"
    }
}

/// A small deterministic generator (SplitMix64).
private struct ReviewBenchmarkRandom {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
}

private func reviewBenchmarkFormat(_ value: Double, places: Int = 2) -> String {
    String(format: "%.\(places)f", value)
}

/// The benchmark's command-line options.
private struct ReviewBenchmarkOptions {
    var employees = 100_000
    var runs = 3
    var folder: String?
    var generateOnly = false

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--employees", "--runs", "--folder":
                guard let value = remaining.popFirst() else { throw ReviewBenchmarkUsage("\(argument) needs a value") }
                if argument == "--folder" {
                    folder = value
                } else {
                    guard let number = Int(value), number >= 1 else {
                        throw ReviewBenchmarkUsage("\(argument) needs a whole number of at least 1")
                    }
                    if argument == "--employees" { employees = number } else { runs = number }
                }
            case "--generate-only":
                generateOnly = true
            default:
                throw ReviewBenchmarkUsage(
                    "unknown option \(argument); use --employees N, --runs N, --folder PATH, --generate-only")
            }
        }
    }
}

/// A wrong command-line option.
private struct ReviewBenchmarkUsage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
