import OrgHealthKit

/// Reads the records of the exports in order: leaves out Qualtrics previews and unfinished
/// responses, finds each respondent's team (from the team column, or from the employee id
/// through the roster — the id is dropped at once) and hands each counted record, with its
/// team, to the caller. Decoding the answers is ``RowDecoder``'s job.
struct ResponseScanner {
    let directory: TeamDirectory
    let roster: Roster
    let progress: ProgressReporter
    /// The most responses the counters hold.
    let responseLimit: Int

    /// Problems found while reading, capped per kind.
    var log = DiagnosticCollector.surveyLog()
    /// Qualtrics rows left out: a `Status` other than a real response (previews, tests…).
    var excludedByStatus = 0
    /// Qualtrics rows left out: `Finished` = 0/FALSE.
    var excludedUnfinished = 0
    /// Data rows read (before exclusions), over all files.
    var rowsRead = 0
    /// Responses handed on.
    var counted = 0
    /// Per export (by index): rows left out by `Status` and as unfinished, for the shape notes.
    var excludedPerExport: [Int: (status: Int, unfinished: Int)] = [:]
    /// Team index by lowercased name, built at the first name that differs in case only.
    private var foldedTeams: [String: Int]?
    /// The team name of the last response read by team, and its index.
    private var lastTeam: (name: String, team: Int)?
    /// The cuts' attribute scopes (when the config has `cuts:`) and the reporting lines.
    let attributes: SurveyAttributes?
    /// The current response's attribute indices (``SurveyAttributes/width`` entries, −1 = none),
    /// handed to the caller with the record.
    private var currentAttributes: [Int32]
    /// Responses counted with their person known, so cut by attribute (under `cuts:`).
    var cutResponses = 0
    /// Responses counted by their team only, so not cut by attribute (under `cuts:`).
    var uncutResponses = 0
    /// The row count at which progress is reported next.
    private var nextReport = 200_000

    init(definition: SurveyDefinition, directory: TeamDirectory, roster: Roster, lines: ReportingLines? = nil, progress: ProgressReporter) {
        self.directory = directory
        self.roster = roster
        self.progress = progress
        responseLimit = Int(UInt32.max) / max(1, definition.scale.max - definition.scale.min)
        attributes = SurveyAttributes(roster: roster, lines: lines)
        currentAttributes = Array(repeating: -1, count: attributes?.width ?? 0)
    }

    /// Reads the records of `export` (the `index`-th file) and calls `handle` with each counted
    /// record, its team and its attribute indices (empty without cuts), until the export ends (returns `true`) or `limit` records have been
    /// handed on (returns `false`; the next call goes on where this one stopped).
    @discardableResult
    mutating func scan(
        _ export: inout SurveyExport, index: Int, limit: Int = .max, _ handle: (CSVRecord, Int, [Int32]) -> Void
    ) throws(AnalyzerError) -> Bool {
        let layout = export.layout
        var pending = export.pending
        export.pending = []
        var handed = 0
        while true {
            if handed == limit {
                export.pending = pending
                return false
            }
            let record: CSVRecord
            if !pending.isEmpty {
                record = pending.removeFirst()
            } else {
                do {
                    guard let next = try export.reader.next(skippingRagged: { row in
                        log.note("ragged", source: row.source, file: index, line: row.line, message: row.message,
                                 summary: "rows with the wrong number of fields were skipped")
                    }) else { return true }
                    record = next
                } catch {
                    throw AnalyzerError(error.message, source: error.source, line: error.line)
                }
            }
            rowsRead += 1
            // Past the analyzer's deadline its task is cancelled: stop (checked every 4,096 rows).
            if rowsRead & 4_095 == 0 && Task.isCancelled { throw AnalyzerError("cancelled: the analyzer's deadline passed") }
            if rowsRead >= nextReport {
                nextReport += 200_000
                let fraction = export.byteCount.map { Double(export.reader.bytesRead) / Double(max(1, $0)) }
                progress.report("\(rowsRead) responses read", fraction: fraction)
            }
            if let column = layout.statusColumn,
               layout.shape == .surveyMonkey ? !Self.isComplete(record, column) : !Self.isRealResponse(record, column) {
                excludedByStatus += 1
                excludedPerExport[index, default: (0, 0)].status += 1
                continue
            }
            if let column = layout.finishedColumn, Self.isUnfinished(record, column) {
                excludedUnfinished += 1
                excludedPerExport[index, default: (0, 0)].unfinished += 1
                continue
            }
            guard let team = team(of: record, layout: layout, source: export.source, export: index) else { continue }
            guard counted < responseLimit else {
                throw AnalyzerError("the survey has more responses than one run can count (\(responseLimit)); "
                                    + "split the export by department and run once per part", source: export.source)
            }
            counted += 1
            handed += 1
            // Not `if let`: binding the attributes copied them, with their arrays and tables,
            // for every response (issue 16: a seventh of the survey's time at 10^6 people).
            if attributes != nil { cutResponses += cut(record, layout: layout) ? 1 : 0 }
            handle(record, team, currentAttributes)
        }
    }

    /// The respondent's team index; `nil` (with a diagnostic) when it cannot be found.
    private mutating func team(of record: CSVRecord, layout: SurveyExportLayout, source: String, export: Int) -> Int? {
        // groupColumn: none — one slot past the roster's teams, counted for the organization only.
        if layout.organizationOnly { return directory.teams.count }
        if let column = layout.groupColumn {
            let name = record.trimmed(column)
            guard !name.isEmpty else {
                log.note("no-team", source: source, file: export, line: record.line,
                         message: "the response gives no team, so it was skipped",
                         summary: "responses without a team were skipped")
                return nil
            }
            // Exports often come grouped by team: the same name as the last response's is not
            // looked up again.
            if let last = lastTeam, last.name == name { return last.team }
            guard let team = directory.team(named: name) ?? foldedTeam(name) else {
                log.note("unknown-team", source: source, file: export, line: record.line,
                         message: "the response's team is not in the roster, so it was skipped; "
                             + "check the team names against the roster",
                         summary: "responses whose team is not in the roster were skipped")
                return nil
            }
            lastTeam = (name, team)
            return team
        }
        guard let column = layout.personColumn else { return nil }
        // The id lives only in this expression: it is looked up and dropped, never stored.
        guard let teamName = roster.team(matching: record.trimmed(column)),
              let team = directory.team(named: teamName) else {
            log.note("unknown-person", source: source, file: export, line: record.line,
                     message: "the respondent is not in the roster, so the response was skipped",
                     summary: "responses from people not in the roster were skipped")
            return nil
        }
        return team
    }

    /// Sets the response's attribute indices from its person (employee id or email), when the
    /// export names one and the roster knows them; whether it could. The id lives only in this
    /// expression: it is looked up and dropped, never stored.
    private mutating func cut(_ record: CSVRecord, layout: SurveyExportLayout) -> Bool {
        guard let column = layout.personColumn, let person = roster.person(matching: record.trimmed(column)) else {
            for position in currentAttributes.indices { currentAttributes[position] = -1 }
            uncutResponses += 1
            return false
        }
        attributes?.fill(&currentAttributes, for: person, in: roster)
        return true
    }

    private mutating func foldedTeam(_ name: String) -> Int? {
        if foldedTeams == nil { foldedTeams = directory.foldedIndex() }
        return foldedTeams?[name.lowercased()]
    }

    /// Qualtrics `Status` ("Response Type"), as code or as text. Per Qualtrics' "Understanding
    /// Your Dataset" page: 0 IP Address (a normal response), 4 Imported (responses imported
    /// into the survey) and 16 Offline (taken in the Offline Surveys app) are real responses;
    /// 1 Survey Preview, 2 Survey Test (generated test responses), 8 Spam, 9 Preview Spam,
    /// 12 Imported Spam and 17 Offline Survey Preview are not. Employee Experience projects
    /// write 32 "EX" for a normal response and 36 "Imported" ("Understanding Your Response
    /// Dataset (360)", qualtrics.com/support/employee-experience/…/understanding-your-response-data-set-360):
    /// real responses too. Blank is taken as a real one.
    static let realStatuses: Set<String> = ["", "0", "4", "16", "32", "36", "ip address", "imported", "offline", "ex"]

    private static func isRealResponse(_ record: CSVRecord, _ column: Int) -> Bool {
        realStatuses.contains(record.trimmed(column).lowercased())
    }

    /// A SurveyMonkey status column (`completed`, `partial`, `overquota`, `disqualified`, the
    /// API's `response_status` values): only completed responses count; blank is taken as complete.
    private static func isComplete(_ record: CSVRecord, _ column: Int) -> Bool {
        let status = record.trimmed(column).lowercased()
        return status.isEmpty || status == "completed" || status == "complete"
    }

    /// Qualtrics `Finished`: 0 or FALSE.
    private static func isUnfinished(_ record: CSVRecord, _ column: Int) -> Bool {
        let finished = record.trimmed(column).lowercased()
        return finished == "0" || finished == "false"
    }
}
