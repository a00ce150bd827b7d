import Foundation
import OrgHealthKit

/// Streams review files into a ``ReviewTally``, one record at a time, and collects the
/// diagnostics: a bad row is reported with its file and line and skipped; a file without a
/// required column, or one that cannot be read, stops the analyzer.
struct ReviewFileReader {
    let options: ReviewCycleOptions
    let period: ReportingPeriod
    let progress: ProgressReporter

    /// What the files held.
    struct Summary: Sendable {
        var files = 0
        var rowsRead = 0
        var rowsOfPeriod = 0
        var rowsOutsidePeriod = 0
        var rowsSkipped = 0
        var diagnostics: [Diagnostic] = []
    }

    /// Reads every file in order into `tally`, each opened with its `tabular` options.
    func read(
        _ urls: [URL], into tally: inout ReviewTally, reviewers: inout ReviewerDirectory,
        tabular: (URL) -> TabularOptions = { _ in TabularOptions() }
    ) throws(AnalyzerError) -> Summary {
        var summary = Summary()
        var cycles: [String: Int] = [:]
        for url in urls {
            var reader: CSVReader
            do {
                reader = try TabularFile.open(url, options: tabular(url))
            } catch {
                throw AnalyzerError(error.message, source: error.source)
            }
            // The size only scales the progress bar: without it, progress has no fraction.
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
            try read(&reader, size: size, into: &tally, reviewers: &reviewers, cycles: &cycles, summary: &summary)
        }
        return summary
    }

    /// Reads one CSV stream into `tally` (also used directly by tests with in-memory CSV).
    func read(
        _ reader: inout CSVReader, size: Int?, into tally: inout ReviewTally, reviewers: inout ReviewerDirectory,
        cycles: inout [String: Int], summary: inout Summary
    ) throws(AnalyzerError) {
        let source = reader.source
        summary.files += 1
        let headerRecord: CSVRecord
        do {
            guard let first = try reader.next() else {
                summary.diagnostics.append(Diagnostic(
                    severity: .warning, source: source, message: "the review file is empty; it was ignored"))
                return
            }
            headerRecord = first
        } catch {
            throw AnalyzerError(error.message, source: error.source, line: error.line)
        }
        let header = CSVHeader(headerRecord, mapping: options.columns)
        let columns = try ReviewColumns(header: header, source: source, line: headerRecord.line)
        reader.expectedFieldCount = headerRecord.count
        var parser = ReviewRowParser(columns: columns, options: options, period: period, reviewers: reviewers)
        parser.cycleNumbers = cycles
        var log = DiagnosticCollector.reviewLog(source: source)
        var rowsOfFile = 0
        var outsideOfFile = 0
        var recordsRead = 0
        while true {
            recordsRead += 1
            // Past the analyzer's deadline its task is cancelled: stop (checked every 4,096 rows).
            if recordsRead & 4_095 == 0 && Task.isCancelled { throw AnalyzerError("cancelled: the analyzer's deadline passed") }
            let record: CSVRecord
            do {
                guard let next = try reader.next(skippingRagged: { row in
                    summary.rowsRead += 1
                    summary.rowsSkipped += 1
                    log.record(.raggedRow(expected: row.expected, found: row.found), line: row.line ?? 0)
                }) else { break }
                record = next
            } catch {
                throw AnalyzerError(error.message, source: error.source, line: error.line)
            }
            summary.rowsRead += 1
            switch parser.parse(record, log: &log) {
            case .row(let row):
                tally.add(row)
                rowsOfFile += 1
            case .outsidePeriod:
                outsideOfFile += 1
            case .skipped(let problem):
                summary.rowsSkipped += 1
                log.record(problem, line: record.line)
            }
            if summary.rowsRead % 65_536 == 0, let size, size > 0 {
                progress.report("reading \(source)", fraction: Double(reader.bytesRead) / Double(size))
            }
        }
        reviewers = parser.reviewers
        cycles = parser.cycleNumbers
        summary.rowsOfPeriod += rowsOfFile
        summary.rowsOutsidePeriod += outsideOfFile
        summary.diagnostics += log.diagnostics()
        if outsideOfFile > 0 {
            summary.diagnostics.append(Diagnostic(
                severity: .info, source: source,
                message: "\(outsideOfFile) rows belong to review cycles due outside \(period.label) "
                    + "(\(period.start) to \(period.end)) and were not analysed"))
        }
        if columns.comment == nil {
            summary.diagnostics.append(Diagnostic(
                severity: .info, source: source,
                message: "the file has no comment column, so comment substance is not reported "
                    + "(map it with columns.review-cycles.comment if the export names it differently)"))
        }
    }
}
