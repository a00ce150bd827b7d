#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthRendering
import OrgHealthSampleData

/// Measures the whole report (issue 16): generates an organization of `--people N`
/// deterministically, runs `report` on it — in this process (the pipeline and the report
/// writer, as `orghealth report --no-history` runs them) or with `--binary PATH` as the built
/// `orghealth` executable in a child process — and prints wall time, CPU time (user + system),
/// peak resident memory and the size of each output file.
///
/// `--sources survey` (the default above 100,000 people): roster + culture survey, the files of
/// `orghealth-benchmarks survey` that `Benchmarks/report/compare.sh` also gives DuckDB and
/// pandas. `--sources all` (the default up to 100,000): every source, as
/// `orghealth sample --employees N` writes them — roster, one-on-one notes, reviews, survey.
///
/// Arguments: `--people N` (default 10000), `--sources all|survey`, `--folder PATH` (generated
/// once and kept; default a temporary folder, removed), `--generate-only`, `--runs N` (default 1;
/// each run is printed, then the minimum and median), `--formats html,xml` (the default),
/// `--binary PATH`, `--team-size N` (`--sources survey` only: every team N people, not 4–16;
/// the same people in fewer or more groups), `--write memory` (in-process only: render every format in memory and write
/// the bytes, as before the XML and CSV were streamed; the default `stream` is what `orghealth
/// report` does). The report goes to `FOLDER/Reports`. Peak memory in-process includes the
/// generation when it ran in the same process: generate first with `--generate-only`.
func runReportBenchmark(arguments: [String]) throws {
    let options = try ReportBenchmarkOptions(arguments)
    let folder = options.folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        .appendingPathComponent("orghealth-report-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
    let config = folder.appendingPathComponent("orghealth.yml")
    var generatedHere = false
    if !FileManager.default.fileExists(atPath: config.path) {
        let started = ContinuousClock.now
        let cpu = processCPUSeconds()
        switch options.sources {
        case .survey:
            let generated = try SurveyBenchmarkData(employees: options.people, teamSize: options.teamSize).write(to: folder)
            print("generated roster + survey: \(generated.people) people in \(generated.teams) teams, "
                + "\(generated.responses) responses (\(generated.bytes / 1_000_000) MB)", terminator: "")
        case .all:
            let manifest = try SampleOrganization(employees: options.people, seed: 42, period: try ReportingPeriod(parsing: "2026-Q3"))
                .write(to: folder)
            print("generated every source: \(manifest.employees) people, \(manifest.teams) teams, \(manifest.notesFiles) note files, "
                + "\(manifest.reviewRows) review rows, \(manifest.surveyResponses) survey responses", terminator: "")
        }
        print(" in \(format(benchmarkSeconds(ContinuousClock.now - started))) s wall, "
            + "\(format(processCPUSeconds() - cpu)) s CPU into \(folder.path)")
        generatedHere = true
    }
    defer {
        // A temporary folder only; its removal failing leaves files in /tmp, nothing to report.
        if options.folder == nil { try? FileManager.default.removeItem(at: folder) }
    }
    if options.generateOnly { return }

    let output = folder.appendingPathComponent("Reports")
    print("load: \(loadAverage()) on \(ProcessInfo.processInfo.activeProcessorCount) cores; "
        + (options.binary.map { "running \($0) report" }
            ?? "running the report in this process, \(options.writeInMemory ? "rendered in memory" : "streamed") output")
        + (generatedHere && options.binary == nil ? " (peak memory includes the generation above)" : ""))
    var runs: [ReportRunFigures] = []
    for run in 1...options.runs {
        let figures = try options.binary.map { try runBinary($0, config: config, output: output, formats: options.formats) }
            ?? runInProcess(config: config, output: output, formats: options.formats, inMemory: options.writeInMemory)
        runs.append(figures)
        let sizes = try outputSizes(output, formats: options.formats)
        print("run \(run): \(format(figures.wall)) s wall, \(format(figures.cpu)) s CPU, peak \(figures.peakMB) MB; "
            + sizes.map { "\($0.name) \(bytesText($0.bytes))" }.joined(separator: ", "))
    }
    let walls = runs.map(\.wall).sorted(), cpus = runs.map(\.cpu).sorted(), peaks = runs.map(\.peakMB).sorted()
    print("report, \(options.people) people (\(options.sources.rawValue)), \(runs.count) runs: "
        + "wall min \(format(walls[0])) median \(format(walls[walls.count / 2])) s; "
        + "CPU min \(format(cpus[0])) median \(format(cpus[cpus.count / 2])) s; "
        + "peak min \(peaks[0]) median \(peaks[peaks.count / 2]) MB; "
        + "per person \(format(walls[walls.count / 2] / Double(options.people) * 1e6)) µs wall, "
        + "\(format(cpus[cpus.count / 2] / Double(options.people) * 1e6)) µs CPU (medians)")
}

/// One run's figures.
private struct ReportRunFigures {
    var wall: Double
    var cpu: Double
    var peakMB: Int
}

/// The pipeline and the report writer in this process (as `orghealth report --no-history`).
private func runInProcess(config: URL, output: URL, formats: [ReportFormat], inMemory: Bool) throws -> ReportRunFigures {
    let cpu = processCPUSeconds()
    let started = ContinuousClock.now
    try runBlocking {
        let setup = try await AnalyzerSetup.load(configFile: config, plugins: [], builtIn: .builtIn())
        let report = try await ReportPipeline(registry: setup.registry, clock: .fromEnvironment()).run(setup.configuration)
        let order = setup.configuration.output.heatmapOrder
        guard inMemory else {
            _ = try ReportOutput(formats: formats, heatmapOrder: order).write(report, to: output)
            return
        }
        let files = try formats.map { format in
            (url: output.appendingPathComponent(format.fileName),
             contents: try ReportRenderers.renderer(for: format, heatmapOrder: order).render(report))
        }
        try AtomicFileWriter().makeDirectory(output)
        try AtomicFileWriter().write(files)
    }
    return ReportRunFigures(wall: benchmarkSeconds(ContinuousClock.now - started), cpu: processCPUSeconds() - cpu,
                            peakMB: peakResidentMegabytes())
}

/// The built executable as a child (posix_spawn, standard output to /dev/null): its wall
/// time, and its CPU time and peak memory from `wait4`. Exit 0 only: the report must succeed.
private func runBinary(_ binary: String, config: URL, output: URL, formats: [ReportFormat]) throws -> ReportRunFigures {
    let arguments = [binary, "report", "--config", config.path, "--output", output.path, "--no-history",
                     "--format", formats.map(\.rawValue).joined(separator: ",")]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let started = ContinuousClock.now
    let spawned = posix_spawn(&pid, binary, &actions, nil, &argv, environ)
    guard spawned == 0 else {
        throw ReportBenchmarkOptions.Invalid(description: "cannot start \(binary): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    var waited: pid_t
    repeat { waited = wait4(pid, &status, 0, &usage) } while waited < 0 && errno == EINTR
    let wall = benchmarkSeconds(ContinuousClock.now - started)
    guard waited == pid else {
        throw ReportBenchmarkOptions.Invalid(description: "could not wait for \(binary): \(String(cString: strerror(errno)))")
    }
    guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
        throw ReportBenchmarkOptions.Invalid(description: "\(binary) report failed (wait status \(status)); run it by hand to see why")
    }
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    #if canImport(Darwin)
    let peak = Int(usage.ru_maxrss) / 1_000_000
    #else
    let peak = Int(usage.ru_maxrss) / 1_000
    #endif
    return ReportRunFigures(wall: wall, cpu: cpu, peakMB: peak)
}

private func outputSizes(_ folder: URL, formats: [ReportFormat]) throws -> [(name: String, bytes: Int)] {
    try formats.map { format in
        let url = folder.appendingPathComponent(format.fileName)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        return (format.fileName, size)
    }
}

private func loadAverage() -> String {
    // No /proc (macOS): the load is simply not printed.
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unknown"
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

private func format(_ value: Double) -> String { String(format: "%.2f", value) }

private func bytesText(_ bytes: Int) -> String {
    bytes >= 10_000_000 ? "\(bytes / 1_000_000) MB" : bytes >= 10_000 ? "\(bytes / 1_000) KB" : "\(bytes) B"
}

/// The benchmark's command-line options.
private struct ReportBenchmarkOptions {
    enum Sources: String { case all, survey }

    var people = 10_000
    var sources = Sources.all
    var folder: String?
    var generateOnly = false
    var runs = 1
    var formats: [ReportFormat] = [.html, .xml]
    var binary: String?
    var teamSize: Int?
    var writeInMemory = false

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        var chosen: Sources?
        while let flag = remaining.popFirst() {
            if flag == "--generate-only" {
                generateOnly = true
                continue
            }
            guard let value = remaining.popFirst() else { throw Invalid(description: "\(flag) needs a value") }
            switch flag {
            case "--folder": folder = value
            case "--binary": binary = value
            case "--write":
                guard value == "memory" || value == "stream" else { throw Invalid(description: "--write is memory or stream") }
                writeInMemory = value == "memory"
            case "--sources":
                guard let parsed = Sources(rawValue: value) else { throw Invalid(description: "--sources is all or survey") }
                chosen = parsed
            case "--formats":
                let parsed = value.split(separator: ",").map { ReportFormat(rawValue: String($0)) }
                guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else {
                    throw Invalid(description: "--formats takes html, xml, json and csv, comma-separated")
                }
                formats = parsed.compactMap { $0 }
            case "--people", "--runs", "--team-size":
                guard let number = Int(value), number > 0 else { throw Invalid(description: "\(flag) needs a positive number") }
                if flag == "--people" { people = number } else if flag == "--runs" { runs = number } else { teamSize = number }
            default:
                throw Invalid(description: "unknown option \(flag); use --people, --sources, --folder, --generate-only, "
                    + "--runs, --formats, --binary, --team-size or --write")
            }
        }
        sources = chosen ?? (people > 100_000 ? .survey : .all)
        if teamSize != nil, sources != .survey { throw Invalid(description: "--team-size is for --sources survey") }
    }
}
