import Foundation
import Spreadsheet

/// Measures ``WorkbookReader`` on an existing workbook (make one with
/// `Benchmarks/xlsx/make_workbook.py ROWS FILE.xlsx`; see docs/BENCHMARKS.md): reads every
/// row of the first (or `--sheet`) sheet and touches every cell, `--runs` times. Reports rows/s
/// and cells/s of the best run, wall and CPU time, and the process's peak resident memory.
///
/// Arguments: `--file PATH` (required), `--sheet NAME`, `--runs N` (default 1).
func runXLSXBenchmark(arguments: [String]) throws {
    var file: String?
    var sheet: String?
    var runs = 1
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
        switch argument {
        case "--file": file = remaining.popFirst()
        case "--sheet": sheet = remaining.popFirst()
        case "--runs": runs = remaining.popFirst().flatMap { Int($0) }.map { max(1, $0) } ?? runs
        default: throw XLSXBenchmarkUsage()
        }
    }
    guard let file else { throw XLSXBenchmarkUsage() }
    var best: (seconds: Double, cpu: Double, rows: Int, cells: Int, bytes: Int)?
    for _ in 1...runs {
        let clock = ContinuousClock()
        let cpuStart = processCPUSeconds()
        let start = clock.now
        var reader = try WorkbookReader(url: URL(fileURLWithPath: file), sheet: sheet)
        var rows = 0
        var cells = 0
        var bytes = 0 // touches every cell, so no work can be skipped
        while let row = try reader.next() {
            rows += 1
            cells += row.cells.count
            for cell in row.cells { bytes &+= cell.utf8.count }
        }
        let seconds = benchmarkSeconds(clock.now - start)
        let run = (seconds, processCPUSeconds() - cpuStart, rows, cells, bytes)
        if best.map({ seconds < $0.seconds }) ?? true { best = run }
    }
    if let best {
        print("xlsx \(file): \(best.rows) rows, \(best.cells) cells (\(best.bytes) bytes of text) in "
            + String(format: "%.2f s wall, %.2f s CPU: %.0f rows/s, %.0f cells/s (best of %d); peak RSS %d MB",
                     best.seconds, best.cpu, Double(best.rows) / best.seconds, Double(best.cells) / best.seconds,
                     runs, peakResidentMegabytes()))
    }
}

private struct XLSXBenchmarkUsage: Error, CustomStringConvertible {
    var description: String { "usage: orghealth-benchmarks xlsx --file FILE.xlsx [--sheet NAME] [--runs N]" }
}
