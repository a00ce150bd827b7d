#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CultureSurveyAnalyzer
import Foundation
import OrgHealthKit

/// Measures the culture-survey analyzer on a generated survey of a large organization:
/// `roster.csv` (default 1,000,000 people in teams of 4–16 and departments of about 5,000),
/// `responses.csv` (about 80% answer: 40 items on the 1–5 scale, eNPS and a comment column;
/// ~80 MB), `survey.yml`, `survey-benchmark.json` (the same definition for the Python
/// scripts in Benchmarks/survey/) and an `orghealth.yml` for the full CLI run. The files
/// are generated once into `--folder` (kept) or a temporary folder (removed).
///
/// Reports the time to read the roster, then the analyzer's wall and CPU time (best of
/// `--runs`), its figure counts and the process's peak resident memory.
///
/// Arguments: `--employees N` (default 1000000), `--runs N` (default 1), `--threads N` (the
/// analyzer's worker threads; default: the cores), `--folder PATH`, `--generate-only`. Run it from a release build: `orghealth-benchmarks survey`.
func runSurveyBenchmark(arguments: [String]) throws {
    let options = try SurveyBenchmarkOptions(arguments)
    let folder = options.folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        .appendingPathComponent("orghealth-survey-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
    let responses = folder.appendingPathComponent("responses.csv")
    if !FileManager.default.fileExists(atPath: responses.path) {
        let started = ContinuousClock.now
        let generated = try SurveyBenchmarkData(employees: options.employees).write(to: folder)
        print("generated \(generated.people) people in \(generated.teams) teams, \(generated.responses) responses "
            + "(\(generated.bytes / 1_000_000) MB) in \(benchmarkSeconds(ContinuousClock.now - started)) s into \(folder.path)")
    }
    defer { if options.folder == nil { try? FileManager.default.removeItem(at: folder) } }
    if options.generateOnly { return }

    let rosterStarted = ContinuousClock.now
    let roster = try RosterReader().read(folder.appendingPathComponent("roster.csv")).roster
    print("roster: \(roster.people.count) people read in \(benchmarkSeconds(ContinuousClock.now - rosterStarted)) s; "
        + "peak resident memory so far \(peakResidentMegabytes()) MB")
    let context = AnalysisContext(
        organization: "Benchmark", period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster,
        inputs: [InputKind(rawValue: "culture-survey.responses"): [responses],
                 InputKind(rawValue: "culture-survey.definition"): [folder.appendingPathComponent("survey.yml")]],
        options: AnalyzerOptions(options.threads.map { ["threads": .number(Double($0))] } ?? [:]))
    var best: (wall: Double, cpu: Double)?
    var result = AnalyzerResult()
    for _ in 1...options.runs {
        let cpuStart = processCPUSeconds()
        let wallStart = ContinuousClock.now
        result = try runBlocking { try await CultureSurveyAnalyzer().analyze(context) }
        let wall = benchmarkSeconds(ContinuousClock.now - wallStart)
        let cpu = processCPUSeconds() - cpuStart
        if best.map({ wall < $0.wall }) ?? true { best = (wall, cpu) }
    }
    guard let best else { return }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: responses.path)[.size] as? Int) ?? 0
    print("culture-survey analyzer: \(String(format: "%.2f", best.wall)) s wall, \(String(format: "%.2f", best.cpu)) s CPU "
        + "(best of \(options.runs)) for \(bytes / 1_000_000) MB, \(String(format: "%.0f", Double(bytes) / 1e6 / best.wall)) MB/s; "
        + "\(result.metrics.count) metrics, \(result.signals.count) signals, \(result.findings.count) findings, "
        + "\(result.diagnostics.count) diagnostics; peak resident memory \(peakResidentMegabytes()) MB")
    if let responses = result.metrics.first(where: { $0.id == "survey.responses" && $0.scope == .org }) {
        print("organization: \(responses.n) responses; engagement "
            + "\(result.metrics.first { $0.id == "survey.engagement" && $0.scope == .org }?.value ?? .nan), eNPS "
            + "\(result.metrics.first { $0.id == "survey.enps" && $0.scope == .org }?.value ?? .nan)")
    }
    let alphas = result.metrics.filter { $0.scope == .org && $0.id.hasPrefix("survey.alpha.") }
        .map { "\($0.id.dropFirst("survey.alpha.".count)) \(String(format: "%.4f", $0.value ?? .nan))" }
    print("alpha: " + alphas.joined(separator: ", "))
}

/// The benchmark's command-line options.
private struct SurveyBenchmarkOptions {
    var employees = 1_000_000
    var runs = 1
    var folder: String?
    var generateOnly = false
    var threads: Int?

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--generate-only" {
                generateOnly = true
                continue
            }
            guard let value = remaining.popFirst() else { throw Invalid(description: "\(flag) needs a value") }
            switch flag {
            case "--folder": folder = value
            case "--employees", "--runs", "--threads":
                guard let number = Int(value), number > 0 else { throw Invalid(description: "\(flag) needs a positive number") }
                switch flag {
                case "--employees": employees = number
                case "--runs": runs = number
                default: threads = number
                }
            default:
                throw Invalid(description: "unknown option \(flag); use --employees, --runs, --threads, --folder or --generate-only")
            }
        }
    }
}

/// A deterministic synthetic survey of a large organization (see ``runSurveyBenchmark(arguments:)``;
/// also the roster + survey organization of `orghealth-benchmarks report --sources survey`).
/// Answers follow a latent engagement per person plus team and item effects, so dimensions
/// hang together (α ≈ 0.8) and items correlate with engagement.
struct SurveyBenchmarkData {
    let employees: Int
    /// Every team this size (the last of a department smaller), instead of 4–16 at random:
    /// the same people in fewer or more groups, to tell memory per group from memory per row.
    var teamSize: Int? = nil
    static let dimensions = ["direction", "leadership", "trust", "feedback", "growth", "wellbeing", "execution"]
    static let itemsPerDimension = 5
    static let outcomeItems = 5
    /// Q3 (trust) and Q28 (well-being) are asked negatively and marked reverse: true.
    static let reversed: Set<Int> = [3, 28]
    static let comments = [
        "Workload is too high this quarter", "My manager supports me", "Please fix the VPN and the laptops",
        "Career paths are unclear", "Great team", "Too many meetings", "Pay is below market",
        "Priorities change every week", "I feel safe to speak up", "More remote flexibility please",
    ]

    struct Summary {
        var people = 0, teams = 0, responses = 0, bytes = 0
    }

    var itemCount: Int { Self.dimensions.count * Self.itemsPerDimension + Self.outcomeItems }

    func dimension(ofItem item: Int) -> String {
        item < Self.dimensions.count * Self.itemsPerDimension ? Self.dimensions[item / Self.itemsPerDimension] : "engagement"
    }

    func write(to folder: URL) throws -> Summary {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writeDefinitions(to: folder)
        var random = SurveyRandom(seed: 2026)
        var roster = try SurveyFileSink(folder.appendingPathComponent("roster.csv"))
        var responses = try SurveyFileSink(folder.appendingPathComponent("responses.csv"))
        roster.append("employee_id,manager_id,team,department\n")
        responses.append("team," + (1...itemCount).map { "Q\($0)" }.joined(separator: ",") + ",enps,comment\n")
        let departments = max(1, employees / 5_000)
        var summary = Summary(people: employees)
        var person = 0
        var departmentHead = 0
        var teamEffects = [Double](repeating: 0, count: Self.dimensions.count + 1)
        while person < employees {
            let department = person * departments / employees
            if person == 0 || (person - 1) * departments / employees != department { departmentHead = person }
            let nextDepartmentStart = ((department + 1) * employees + departments - 1) / departments
            let size = min(teamSize ?? 4 + random.below(13), nextDepartmentStart - person)
            let team = "T" + Self.padded(summary.teams, 6)
            summary.teams += 1
            let departmentName = "D" + Self.padded(department, 3)
            let base = 0.35 * random.normal()
            for index in teamEffects.indices { teamEffects[index] = base + 0.25 * random.normal() }
            let lead = person
            for member in person..<(person + size) {
                let manager = member == 0 ? "" : member == departmentHead ? "E0000000"
                    : member == lead ? "E" + Self.padded(departmentHead, 7) : "E" + Self.padded(lead, 7)
                roster.append("E\(Self.padded(member, 7)),\(manager),\(team),\(departmentName)\n")
                guard random.uniform() < 0.8 else { continue }
                summary.responses += 1
                writeResponse(team: team, effects: teamEffects, random: &random, into: &responses)
            }
            person += size
            try roster.flushIfFull()
            try responses.flushIfFull()
        }
        _ = try roster.close()
        summary.bytes = try responses.close()
        return summary
    }

    private func writeResponse(team: String, effects: [Double], random: inout SurveyRandom, into sink: inout SurveyFileSink) {
        let engagement = 0.8 * random.normal()
        sink.append(team)
        for item in 0..<itemCount {
            sink.append(",")
            guard random.uniform() >= 0.02 else { continue }
            let dimension = min(item / Self.itemsPerDimension, Self.dimensions.count)
            let bias = Double((item * 7) % 5) * 0.15 - 0.3
            var value = Int((3.4 + bias + engagement + effects[dimension] + 0.8 * random.normal()).rounded())
            value = min(5, max(1, value))
            sink.append(Self.reversed.contains(item + 1) ? 6 - value : value)
        }
        sink.append(",")
        if random.uniform() >= 0.02 { sink.append(min(10, max(0, Int((7.0 + 2.2 * engagement + 1.4 * random.normal()).rounded())))) }
        sink.append(",")
        if random.uniform() < 0.25 { sink.append(Self.comments[random.below(Self.comments.count)]) }
        sink.append("\n")
    }

    private func writeDefinitions(to folder: URL) throws {
        var yaml = "id: benchmark-2026-q3\ntitle: \"Benchmark engagement survey\"\nclosed: 2026-09-10\n"
            + "scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}\ngroupColumn: team\n"
            + "outcome: [" + (0..<Self.outcomeItems).map { "eng\($0 + 1)" }.joined(separator: ", ") + "]\n"
            + "enps: {column: enps}\ncomments: [comment]\nitems:\n"
        var items: [String] = []
        for item in 0..<itemCount {
            let id = itemID(item)
            let reverse = Self.reversed.contains(item + 1)
            yaml += "  - {id: \(id), column: Q\(item + 1), text: \"Question \(item + 1)\", dimension: \(dimension(ofItem: item)), reverse: \(reverse)}\n"
            items.append("{\"id\": \"\(id)\", \"column\": \"Q\(item + 1)\", \"dimension\": \"\(dimension(ofItem: item))\", \"reverse\": \(reverse)}")
        }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("survey.yml"))
        let json = "{\"scale\": {\"min\": 1, \"max\": 5, \"favorableMin\": 4, \"unfavorableMax\": 2},\n \"outcome\": ["
            + (0..<Self.outcomeItems).map { "\"eng\($0 + 1)\"" }.joined(separator: ", ") + "],\n \"enps\": \"enps\",\n \"items\": [\n  "
            + items.joined(separator: ",\n  ") + "]}\n"
        try Data(json.utf8).write(to: folder.appendingPathComponent("survey-benchmark.json"))
        let config = "organization: Benchmark Corp\nperiod: 2026-Q3\nroster: roster.csv\nsources:\n  culture-survey:\n"
            + "    responses: responses.csv\n    definition: survey.yml\nprivacy:\n  minGroupSize: 5\n"
            + "output:\n  directory: Reports/\n  formats: [html, xml]\n"
        try Data(config.utf8).write(to: folder.appendingPathComponent("orghealth.yml"))
    }

    private func itemID(_ item: Int) -> String {
        let outcomeStart = Self.dimensions.count * Self.itemsPerDimension
        if item >= outcomeStart { return "eng\(item - outcomeStart + 1)" }
        return "\(Self.dimensions[item / Self.itemsPerDimension])\(item % Self.itemsPerDimension + 1)"
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// SplitMix64 with Box–Muller normals: deterministic and quick.
private struct SurveyRandom {
    private var random: SplitMix64
    private var spare: Double?

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func normal() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        let u = max(uniform(), 1e-300), v = uniform()
        let radius = (-2 * log(u)).squareRoot()
        spare = radius * sin(2 * .pi * v)
        return radius * cos(2 * .pi * v)
    }
}

/// Appends text to a byte buffer and writes it out in large pieces.
private struct SurveyFileSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var written = 0

    init(_ url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 22)
    }

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    mutating func append(_ number: Int) {
        if number >= 10 { append(number / 10) }
        buffer.append(UInt8(48 + number % 10))
    }

    mutating func flushIfFull() throws {
        guard buffer.count >= 1 << 22 else { return }
        try handle.write(contentsOf: buffer)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; returns the bytes written.
    mutating func close() throws -> Int {
        try handle.write(contentsOf: buffer)
        written += buffer.count
        buffer.removeAll()
        try handle.close()
        return written
    }
}
