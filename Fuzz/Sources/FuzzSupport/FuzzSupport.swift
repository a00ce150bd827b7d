import CultureSurveyAnalyzer
import Foundation
import OneOnOneAnalyzer
@_spi(Fuzzing) import OrgHealthEngine
import OrgHealthKit
import Spreadsheet

/// What every fuzz target shares: a small organization, a scratch folder per process, and a
/// way to run the (async) analyzers from libFuzzer's synchronous callback.
public enum FuzzSupport {
    /// Five people in two teams, with the ids the note file names below use.
    public static let rosterCSV = """
        employee_id,manager_id,team,department
        E0001,,Exec,Leadership
        E0002,E0001,Core,Engineering
        E0003,E0002,Core,Engineering
        E0004,E0002,Core,Engineering
        E0005,E0001,Field,Sales

        """

    public static let roster: Roster = {
        do { return try RosterReader().read(csv: rosterCSV).roster } catch { preconditionFailure("the fixed roster reads: \(error)") }
    }()

    public static let period: ReportingPeriod = {
        do { return try ReportingPeriod(parsing: "2026-Q3") } catch { preconditionFailure("2026-Q3 parses") }
    }()

    /// This process's scratch folder (libFuzzer runs one input at a time per process).
    public static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-fuzz-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(rosterCSV.utf8).write(to: url.appendingPathComponent("roster.csv"))
        } catch { preconditionFailure("the fuzz scratch folder \(url.path) cannot be made: \(error)") }
        return url
    }()

    /// Writes `bytes` to `name` in a folder of its own under the scratch folder; returns both.
    public static func write(_ bytes: UnsafeRawBufferPointer, to name: String, in subfolder: String) -> (folder: URL, file: URL) {
        let directory = folder.appendingPathComponent(subfolder)
        let file = directory.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        } catch { preconditionFailure("cannot write the fuzz input \(file.path): \(error)") }
        return (directory, file)
    }

    /// Runs an analyzer on the inputs and waits for it; errors are expected outcomes.
    public static func analyze(_ analyzer: some Analyzer, inputs: [InputKind: [URL]]) {
        let context = AnalysisContext(
            organization: "Fuzz", period: period, roster: roster, inputs: inputs, privacy: PrivacyPolicy(minGroupSize: 2))
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let result = try await analyzer.analyze(context)
                try ResultValidator().validate(result)
            } catch {
                _ = "\(error)"  // the message is built, as the report would build it
            }
            done.signal()
        }
        done.wait()
    }

    /// A note file for the one-on-ones analyzer, read as a folder of notes.
    public static func notes(_ bytes: UnsafeRawBufferPointer, fileName: String) {
        let written = write(bytes, to: fileName, in: "notes")
        analyze(OneOnOneAnalyzer(), inputs: [InputKind(rawValue: "one-on-ones"): [written.folder]])
    }

    /// The culture survey analyzer with `bytes` as its definition and a fixed small export.
    public static func surveyDefinition(_ bytes: UnsafeRawBufferPointer) {
        let definition = write(bytes, to: "survey.yml", in: "survey")
        let responses = definition.folder.appendingPathComponent("responses.csv")
        if !FileManager.default.fileExists(atPath: responses.path) {
            let export = "team,T1,T2,enps,comment\nCore,4,5,9,fine\nCore,2,Agree,3,\nField,5,1,10,ok\nCore,,3,,\n"
            do { try Data(export.utf8).write(to: responses) } catch { preconditionFailure("cannot write \(responses.path)") }
        }
        analyze(CultureSurveyAnalyzer(), inputs: [
            InputKind(rawValue: "culture-survey.responses"): [responses],
            InputKind(rawValue: "culture-survey.definition"): [definition.file],
        ])
    }

    /// The config loader on `bytes` as `orghealth.yml` (beside the fixed roster).
    public static func config(_ bytes: UnsafeRawBufferPointer) {
        let file = folder.appendingPathComponent("orghealth.yml")
        do { try Data(bytes).write(to: file) } catch { preconditionFailure("cannot write \(file.path)") }
        do {
            _ = try ConfigurationLoader(knownAnalyzers: ["org-structure", "one-on-ones", "review-cycles", "culture-survey"]).load(file)
        } catch {
            _ = "\(error)"
        }
    }

    /// Every record of `bytes` read as CSV, then the same bytes read as a roster.
    public static func csv(_ bytes: UnsafeRawBufferPointer) {
        var reader = CSVReader(bytes: Array(bytes), source: "fuzz.csv", bufferSize: 64)
        var records = 0
        // Each record consumes at least one byte: more than count + 2 records is a loop.
        while records <= bytes.count + 2 {
            do {
                guard let record = try reader.next() else { break }
                records += 1
                for index in 0..<record.count { _ = record.trimmed(index) }
            } catch where !error.isFatal {
                records += 1
            } catch {
                break
            }
        }
        precondition(records <= bytes.count + 2, "the CSV reader returned more records than the input has bytes")
        do { _ = try RosterReader().read(csv: String(decoding: bytes, as: UTF8.self)) } catch { _ = "\(error)" }
    }

    /// An external analyzer's `analyze` answer, decoded and checked as the host does.
    public static func externalResult(_ bytes: UnsafeRawBufferPointer) {
        HostFuzzingEntryPoints.externalResult(Data(bytes), roster: roster)
    }

    /// `bytes` as a workbook `fuzz.xlsx`, opened with the `.xlsx` reader (first worksheet) and
    /// read to its last row; errors (not a zip, missing parts, bad XML, limits) are expected.
    public static func xlsx(_ bytes: UnsafeRawBufferPointer) {
        let written = write(bytes, to: "fuzz.xlsx", in: "xlsx")
        do {
            var reader = try WorkbookReader(url: written.file)
            _ = reader.sheetNames
            while let row = try reader.next() {
                _ = reader.cellName(row: row.rowNumber, column: row.cells.count)
            }
        } catch {
            _ = "\(error)"  // the message is built, as the report would build it
        }
    }
}
