import ArgumentParser
import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthRendering

/// `orghealth history list|show|forget`: what the history file keeps, period by period.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, show or forget the periods kept in the history file.",
        discussion: """
        The file is the config's `history:` (--config FILE; without `history:`, history.sqlite in the output \
        folder, where `report` writes it) or given directly (--history FILE, which wins). \
        Exit codes: 0 success; 2 usage or configuration error (no file named, unknown period); \
        3 the history file cannot be used (damaged, newer, unreadable); it is never modified then.
        """,
        subcommands: [List.self, Show.self, Forget.self])

    /// `orghealth history list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the recorded periods, oldest first.")

        @OptionGroup var location: HistoryLocation

        func run() async throws {
            let file = try await location.resolve()
            guard let store = try HistoryLocation.openExisting(file, access: .readOnly) else {
                print("no history recorded yet (\(file.path) does not exist)")
                return
            }
            defer { try? store.close() }  // a read-only store: closing it cannot lose data
            let periods = try HistoryLocation.exitOnError { () throws(HistoryError) in try store.periods() }
            guard !periods.isEmpty else {
                print("no periods recorded in \(file.path)")
                return
            }
            var rows = [["PERIOD", "FIRST DAY", "LAST DAY", "METRICS", "SCORES", "HEALTH", "RECORDED", "ORGANIZATION"]]
            for period in periods {
                rows.append([
                    period.label, period.start.description, period.end.description, String(period.metricCount),
                    String(period.dimensionScoreCount), period.healthIndex.map { String(format: "%.1f", $0) } ?? "—",
                    period.recordedAt, period.organization,
                ])
            }
            printTable(rows)
        }
    }

    /// `orghealth history show PERIOD`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the figures kept for one period (withheld values are never kept).")

        @Argument(help: "The period: 2026-Q3, 2026-07, 2026-07-01..2026-09-30, or a label as listed.")
        var period: String

        @Flag(name: .long, help: "Print the snapshot as JSON.")
        var json = false

        @OptionGroup var location: HistoryLocation

        func run() async throws {
            let file = try await location.resolve()
            guard let store = try HistoryLocation.openExisting(file, access: .readOnly),
                  let snapshot = try HistoryLocation.exitOnError({ () throws(HistoryError) in
                      try store.snapshot(matching: period)
                  })
            else {
                printError("error: no period '\(period)' in \(file.path); `orghealth history list` shows them")
                throw ExitCode(ExitCodes.usage)
            }
            defer { try? store.close() }  // a read-only store: closing it cannot lose data
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(snapshot)
                print(String(decoding: data, as: UTF8.self))
                return
            }
            let stored = snapshot.period
            print("\(stored.organization), \(stored.label) (\(stored.start)..\(stored.end)), recorded \(stored.recordedAt) by \(stored.tool)")
            print("health index: \(FigureText.score(stored.healthIndex))")
            let provenance = try HistoryLocation.exitOnError { () throws(HistoryError) in
                try stored.reportingPeriod.flatMap { days throws(HistoryError) in try store.provenance(of: days) }
            }
            if let provenance, let config = provenance.configFingerprint, let inputs = provenance.inputFingerprint {
                print("fingerprint: config \(config), inputs \(inputs)")
                for file in provenance.inputFiles {
                    print("  \(file.path)  \(file.bytes) bytes  sha256 \(file.sha256)")
                }
            } else {
                print("fingerprint: none (recorded before orghealth kept input fingerprints)")
            }
            print("")
            var scores = [["SCOPE", "DIMENSION", "SCORE", "N"]]
            for score in snapshot.dimensionScores {
                scores.append([score.scope.id, score.dimension.rawValue, FigureText.score(score.score), String(score.n)])
            }
            printTable(scores)
            print("")
            var metrics = [["ANALYZER", "METRIC", "SCOPE", "VALUE", "UNIT", "N"]]
            for metric in snapshot.metrics {
                metrics.append([
                    metric.analyzer, metric.metric, metric.scope.id,
                    metric.unit.map { FigureText.value(metric.value, unit: $0) } ?? "\(metric.value)",
                    metric.unit?.rawValue ?? "?",
                    String(metric.n),
                ])
            }
            printTable(metrics)
        }
    }

    /// `orghealth history forget PERIOD`.
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove one period's snapshot from the history.")

        @Argument(help: "The period: 2026-Q3, 2026-07, 2026-07-01..2026-09-30, or a label as listed.")
        var period: String

        @OptionGroup var location: HistoryLocation

        func run() async throws {
            let file = try await location.resolve()
            guard let store = try HistoryLocation.openExisting(file, access: .readWrite) else {
                print("nothing to forget: \(file.path) does not exist")
                return
            }
            defer { try? store.close() }  // the forget is a committed transaction: a failed close loses nothing
            let forgotten = try HistoryLocation.exitOnError { () throws(HistoryError) -> StoredPeriod? in
                guard let stored = try store.period(matching: period), let days = stored.reportingPeriod else {
                    return nil
                }
                return try store.forget(days) ? stored : nil
            }
            if let forgotten {
                print("forgot \(forgotten.label) (\(forgotten.start)..\(forgotten.end)) in \(file.path)")
            } else {
                print("nothing to forget: no period '\(period)' in \(file.path)")
            }
        }
    }
}

/// `--config FILE` or `--history FILE`: where the history file is.
struct HistoryLocation: ParsableArguments {
    @Option(name: .long, help: "The config file; its `history:` names the history file.")
    var config: String?

    @Option(name: .long, help: "The history file itself (wins over --config).")
    var history: String?

    func validate() throws {
        guard history != nil || config != nil else {
            throw ValidationError("name the history file with --history FILE, or a config with --config FILE")
        }
    }

    /// The file: `--history`, else the one `report` uses with this config (the config is
    /// checked as `report` checks it, with its external analyzers).
    func resolve() async throws -> URL {
        if let history { return URL(fileURLWithPath: history) }
        guard let config else {
            throw ValidationError("name the history file with --history FILE, or a config with --config FILE")
        }
        let configFile = URL(fileURLWithPath: config)
        do throws(ReportRunError) {
            let setup = try await ReportRun(configFile: configFile, writer: nil).setUp()
            return ReportLocations.configuredHistoryFile(setup.configuration, configFile: configFile)
        } catch {
            throw error.exit()
        }
    }

    /// Opens the store, or returns `nil` when the file does not exist (it is never created
    /// here). A file that cannot be used ends the command with exit code 3.
    static func openExisting(_ file: URL, access: HistoryStore.Access) throws -> HistoryStore? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try exitOnError { () throws(HistoryError) in try HistoryStore(url: file, access: access) }
    }

    /// Runs `body`; a `HistoryError` is printed and becomes exit code 3.
    static func exitOnError<T>(_ body: () throws(HistoryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitCodes.output)
        }
    }
}

/// Prints rows as left-aligned columns, two spaces apart.
private func printTable(_ rows: [[String]]) {
    guard let header = rows.first else { return }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows {
        let cells = row.enumerated().map { cell in
            cell.element + String(repeating: " ", count: max(0, widths[cell.offset] - cell.element.count))
        }
        print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
    }
}
