import Foundation
import OrgHealthKit

/// One leaver in the period, as the exits log records them.
struct ExitRecord: Sendable, Hashable {
    /// The leaver.
    let person: Person
    /// Their last day.
    let date: CalendarDate
    /// Why they left, as written (trimmed).
    let reason: String
    /// Whether the organization wished they had stayed.
    let regretted: Bool
}

/// Reads exits logs: `employee_id, exit_date, reason, regretted` (yes/no), with the config's
/// column mapping. Rows outside the period are skipped silently; rows that cannot be used —
/// an unknown employee, a date or a `regretted` that does not parse — become diagnostics.
struct ExitLog {
    let roster: Roster
    let period: ReportingPeriod
    let columns: [String: String]
    private(set) var exits: [ExitRecord] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(roster: Roster, period: ReportingPeriod, columns: [String: String]) {
        self.roster = roster
        self.period = period
        self.columns = columns
    }

    /// The CSV files of the configured paths (folders are searched for `*.csv`).
    static func files(_ urls: [URL]) throws -> [URL] {
        var files: [URL] = []
        for url in urls {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(url)
                continue
            }
            let names = try FileManager.default.subpathsOfDirectory(atPath: url.path)
            files += names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map { url.appendingPathComponent($0) }
        }
        return files
    }

    /// Reads one file.
    mutating func read(_ url: URL) throws(AnalyzerError) {
        var reader: CSVReader
        do { reader = try CSVReader(contentsOf: url) } catch { throw AnalyzerError(error.message, source: error.source) }
        let source = reader.source
        let firstRecord: CSVRecord?
        do { firstRecord = try reader.next() } catch { throw AnalyzerError(error.message, source: source, line: error.line) }
        guard let first = firstRecord else {
            throw AnalyzerError("the exits log is empty; it needs a header with employee_id, exit_date and regretted", source: source)
        }
        let header = CSVHeader(first, mapping: columns)
        reader.expectedFieldCount = first.count
        let missing = header.missingColumns(["employee_id", "exit_date", "regretted"])
        guard missing.isEmpty, let idColumn = header.index(of: "employee_id"), let dateColumn = header.index(of: "exit_date"),
              let regrettedColumn = header.index(of: "regretted")
        else {
            throw AnalyzerError(
                "the exits log has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")); add it, "
                    + "or map it with columns.exits in the config", source: source, line: 1)
        }
        let reasonColumn = header.index(of: "reason")
        while true {
            let record: CSVRecord
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch {
                if error.isFatal { throw AnalyzerError(error.message, source: source, line: error.line) }
                diagnostics.append(error.diagnostic)
                continue
            }
            func note(_ message: String) {
                diagnostics.append(Diagnostic(severity: .warning, source: source, line: record.line, message: message))
            }
            guard let date = CalendarDate(iso: record.trimmed(dateColumn)) else {
                note("exit_date is not an ISO date (YYYY-MM-DD); the row was skipped")
                continue
            }
            guard period.contains(date) else { continue }
            let id = record.trimmed(idColumn)
            guard let person = roster.person(id: id) else {
                note("employee_id \(id.isEmpty ? "(empty)" : id) is not in the roster; the row was skipped")
                continue
            }
            guard let regretted = Self.yesNo(record.trimmed(regrettedColumn)) else {
                note("regretted must be yes or no; the row was skipped")
                continue
            }
            let reason = reasonColumn.map { record.trimmed($0) } ?? ""
            exits.append(ExitRecord(person: person, date: date, reason: reason.isEmpty ? "Not given" : reason, regretted: regretted))
        }
    }

    /// `yes`/`no` and their usual spellings in HR exports.
    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "regretted": return true
        case "no", "n", "false", "0", "non-regretted", "not regretted": return false
        default: return nil
        }
    }
}
