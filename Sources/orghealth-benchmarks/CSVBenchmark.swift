#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OrgHealthKit

/// Measures ``CSVReader`` throughput on a wide numeric CSV: generates the file (header + rows
/// of numbers like `3`, `4.5`, `-0.25`, `1e3`) in a temporary directory, then reads it twice
/// over: once only splitting records into fields (`scan`), once also summing `double(i)` of
/// every field (`parse`). Reports MB/s (10^6 bytes) and records/s, best of the runs.
///
/// Arguments: `--megabytes N` (default 100), `--columns N` (default 40), `--runs N` (default 3),
/// `--buffer-size BYTES` (default 1 MiB), `--file PATH` (read an existing file instead),
/// `--keep` (keep the generated file and print its path). Run it from a release build:
/// `orghealth-benchmarks csv`.
func runCSVBenchmark(arguments: [String]) throws {
    let options = try CSVBenchmarkOptions(arguments)
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("orghealth-csv-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
    let url: URL
    if let file = options.file {
        url = URL(fileURLWithPath: file)
    } else {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent("wide-numeric.csv")
        let generated = try writeWideNumericCSV(to: url, megabytes: options.megabytes, columns: options.columns)
        print("generated \(options.keep ? url.path : url.lastPathComponent): \(generated.bytes) bytes, "
            + "\(generated.rows) rows × \(options.columns) columns")
    }
    defer { if options.file == nil, !options.keep { try? FileManager.default.removeItem(at: directory) } }

    for parse in [false, true] {
        var best: CSVBenchmarkRun?
        for _ in 1...options.runs {
            let run = try measureCSVRead(url, bufferSize: options.bufferSize, parseNumbers: parse)
            if best.map({ run.seconds < $0.seconds }) ?? true { best = run }
        }
        if let best {
            let name = parse ? "parse (records + double(i) of every field)" : "scan (records and fields only)"
            print("\(name): \(format(Double(best.bytes) / 1e6 / best.seconds)) MB/s, "
                + "\(format(Double(best.records) / best.seconds)) records/s, \(format(Double(best.fields) / best.seconds)) fields/s "
                + "(best of \(options.runs): \(format(best.seconds * 1_000)) ms wall, \(format(best.cpuSeconds * 1_000)) ms CPU, for \(best.bytes) bytes, \(best.records) records; "
                + "checksum \(best.sum))")
        }
    }
}

/// One timed read of the whole file.
private struct CSVBenchmarkRun {
    var seconds = 0.0
    var cpuSeconds = 0.0
    var bytes = 0
    var records = 0
    var fields = 0
    var sum = 0.0
}

private func measureCSVRead(_ url: URL, bufferSize: Int, parseNumbers: Bool) throws -> CSVBenchmarkRun {
    var run = CSVBenchmarkRun()
    let cpuStart = processCPUSeconds()
    let elapsed = try ContinuousClock().measure {
        var reader = try CSVReader(contentsOf: url, bufferSize: bufferSize)
        while let record = try reader.next() {
            run.records += 1
            let count = record.count
            run.fields += count
            if parseNumbers {
                for index in 0..<count { run.sum += record.double(index) ?? 0 }
            }
        }
        run.bytes = reader.bytesRead
    }
    run.cpuSeconds = processCPUSeconds() - cpuStart
    run.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return run
}

/// The benchmark's command-line options.
private struct CSVBenchmarkOptions {
    var megabytes = 100
    var columns = 40
    var runs = 3
    var bufferSize = 1 << 20
    var file: String?
    var keep = false

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--keep" {
                keep = true
                continue
            }
            guard let value = remaining.popFirst() else { throw Invalid(description: "\(flag) needs a value") }
            switch flag {
            case "--file": file = value
            case "--megabytes", "--columns", "--runs", "--buffer-size":
                guard let number = Int(value), number > 0 else { throw Invalid(description: "\(flag) needs a positive number") }
                switch flag {
                case "--megabytes": megabytes = number
                case "--columns": columns = number
                case "--runs": runs = number
                default: bufferSize = number
                }
            default:
                throw Invalid(description: "unknown option \(flag); use --megabytes, --columns, --runs, --buffer-size, --file or --keep")
            }
        }
    }
}

/// Writes a header and rows of `columns` numbers until the file holds about `megabytes` MB.
private func writeWideNumericCSV(to url: URL, megabytes: Int, columns: Int) throws -> (bytes: Int, rows: Int) {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    let samples = ["3", "4.5", "17", "-0.25", "1e3", "0", "12.75", "-3", "250000", "0.125", "98.6", "2.5e-3", "42", "-17.5", "1"]
    var chunk = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
    var state: UInt64 = 0x2026
    var written = 0
    var rows = 0
    let target = megabytes * 1_000_000
    while written + chunk.utf8.count < target {
        for column in 0..<columns {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            chunk += samples[Int((state >> 33) % UInt64(samples.count))]
            chunk += column == columns - 1 ? "\n" : ","
        }
        rows += 1
        if chunk.utf8.count >= 1 << 20 {
            try handle.write(contentsOf: Data(chunk.utf8))
            written += chunk.utf8.count
            chunk = ""
        }
    }
    try handle.write(contentsOf: Data(chunk.utf8))
    written += chunk.utf8.count
    return (written, rows)
}

private func format(_ value: Double) -> String {
    String(format: "%.1f", value)
}
