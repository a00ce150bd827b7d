import Foundation

// Benchmarks of OrgHealth, run in release builds (see docs/BENCHMARKS.md):
//   swift build -c release --product orghealth-benchmarks
//   /usr/bin/time -v .build/release/orghealth-benchmarks csv
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) throws -> Void] = [
    "csv": runCSVBenchmark(arguments:),
    "one-on-ones": runOneOnOneBenchmark(arguments:),
    "report": runReportBenchmark(arguments:),
    "review-cycles": runReviewCycleBenchmark(arguments:),
    "roster": runRosterBenchmark(arguments:),
    "survey": runSurveyBenchmark(arguments:),
    "xlsx": runXLSXBenchmark(arguments:),
]
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: orghealth-benchmarks <\(benchmarks.keys.sorted().joined(separator: "|"))> [options]")
    exit(2)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    print("error: \(error)")
    exit(1)
}
