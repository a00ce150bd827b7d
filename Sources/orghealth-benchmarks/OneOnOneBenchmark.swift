#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OneOnOneAnalyzer
import OrgHealthKit
import OrgHealthSampleData

/// Measures the one-on-one analyzer over a generated notes folder: a sample organization
/// (default 10,000 people, 2026-Q3, all four note forms plus the planted broken files) is
/// written once, then the analyzer reads the whole `one-on-ones/` folder `--runs` times.
/// Reports files/s, MB/s (10^6 bytes), wall and CPU time, best of the runs, and the process's
/// peak resident memory.
///
/// Arguments: `--employees N` (default 10000), `--runs N` (default 3), `--folder PATH` (a
/// sample organization folder: generated there when missing and kept, so a second run
/// measures reading alone). Run it from a release build: `orghealth-benchmarks one-on-ones`.
func runOneOnOneBenchmark(arguments: [String]) throws {
    let options = try OneOnOneBenchmarkOptions(arguments)
    let period = try ReportingPeriod(parsing: "2026-Q3")
    let directory = options.folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        .appendingPathComponent("orghealth-one-on-one-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
    let roster = directory.appendingPathComponent("roster.csv")
    if !FileManager.default.fileExists(atPath: roster.path) {
        let started = ContinuousClock.now
        let manifest = try SampleOrganization(employees: options.employees, seed: 42, period: period).write(to: directory)
        print("generated \(manifest.employees) people, \(manifest.notesFiles) note files, \(manifest.meetings) meetings "
            + "in \(benchmarkSeconds(ContinuousClock.now - started)) s into \(directory.path)")
    }
    defer { if options.folder == nil { try? FileManager.default.removeItem(at: directory) } }

    let notes = directory.appendingPathComponent("one-on-ones")
    let context = AnalysisContext(
        organization: "Benchmark", period: period, roster: try RosterReader().read(roster).roster,
        inputs: ["one-on-ones": [notes]])
    let (files, bytes) = try oneOnOneFolderSize(notes)
    var best: (wall: Double, cpu: Double)?
    var result = AnalyzerResult()
    for _ in 1...options.runs {
        let cpuStart = processCPUSeconds()
        let started = ContinuousClock.now
        result = try runBlocking { try await OneOnOneAnalyzer().analyze(context) }
        let run = (wall: benchmarkSeconds(ContinuousClock.now - started), cpu: processCPUSeconds() - cpuStart)
        if best.map({ run.wall < $0.wall }) ?? true { best = run }
    }
    guard let best else { return }
    print("one-on-ones: \(files) files, \(String(format: "%.1f", Double(bytes) / 1e6)) MB; best of \(options.runs): "
        + "\(String(format: "%.2f", best.wall)) s wall, \(String(format: "%.2f", best.cpu)) s CPU, "
        + "\(Int(Double(files) / best.wall)) files/s, \(String(format: "%.1f", Double(bytes) / 1e6 / best.wall)) MB/s; "
        + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
    print("result: \(result.metrics.count) metrics, \(result.signals.count) signals, \(result.findings.count) findings, "
        + "\(result.diagnostics.count) diagnostics; peak resident memory \(peakResidentMegabytes()) MB")
}

/// Files and bytes below a folder.
private func oneOnOneFolderSize(_ folder: URL) throws -> (files: Int, bytes: Int) {
    var files = 0
    var bytes = 0
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return (0, 0) }
    while enumerator.nextObject() != nil {
        guard let attributes = enumerator.fileAttributes, attributes[.type] as? FileAttributeType == .typeRegular else { continue }
        files += 1
        bytes += (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
    return (files, bytes)
}

/// The benchmark's command-line options.
private struct OneOnOneBenchmarkOptions {
    var employees = 10_000
    var runs = 3
    var folder: String?

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw Invalid(description: "\(flag) needs a value") }
            switch flag {
            case "--folder": folder = value
            case "--employees", "--runs":
                guard let number = Int(value), number > 0 else { throw Invalid(description: "\(flag) needs a positive number") }
                if flag == "--employees" { employees = number } else { runs = number }
            default:
                throw Invalid(description: "unknown option \(flag); use --employees, --runs or --folder")
            }
        }
    }
}
