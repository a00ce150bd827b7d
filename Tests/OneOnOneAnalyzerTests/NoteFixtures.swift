import Foundation
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// A temporary notes folder built from literal files, removed when the value is released.
final class NotesFolder: @unchecked Sendable {
    let url: URL

    init(_ files: [String: String] = [:], bytes: [String: [UInt8]] = [:]) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("oneonone-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, Array(text.utf8)) }
        for (path, data) in bytes { try write(path, data) }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Helpers shared by the tests.
enum Fixture {
    static let period: ReportingPeriod = {
        do { return try ReportingPeriod(parsing: "2026-Q3") } catch { preconditionFailure("2026-Q3 parses") }
    }()

    static func roster(_ csv: String) throws -> Roster { try RosterReader().read(csv: csv).roster }

    static func analyze(
        _ folder: NotesFolder, roster csv: String, options: [String: ConfigValue] = [:], minGroupSize: Int = 5
    ) async throws -> AnalyzerResult {
        let context = AnalysisContext(
            organization: "Fixture", period: period, roster: try roster(csv), inputs: ["one-on-ones": [folder.url]],
            options: AnalyzerOptions(options), privacy: PrivacyPolicy(minGroupSize: minGroupSize))
        return try await OneOnOneAnalyzer().analyze(context)
    }

    static func metric(_ result: AnalyzerResult, _ id: String, _ scope: Scope = .org) -> Metric? {
        result.metrics.first { $0.id == id && $0.scope == scope }
    }

    static func value(_ result: AnalyzerResult, _ id: String, _ scope: Scope = .org) -> Double? {
        metric(result, id, scope)?.value
    }

    static var lexicon: TopicLexicon { TopicLexicon() }

    static func markdown(_ text: String, fileName: String = "note.md") -> NoteFileContent {
        MarkdownNoteReader(lexicon: lexicon, fields: NoteFieldNames()).read(text, fileName: fileName)
    }

    static func html(_ text: String, fileName: String = "export.html") -> NoteFileContent {
        HTMLNoteReader(lexicon: lexicon).read(Array(text.utf8), fileName: fileName)
    }

    static func jsonLines(_ text: String, fields: NoteFieldNames = NoteFieldNames()) throws -> NoteFileContent {
        let folder = try NotesFolder(["export.jsonl": text])
        return try JSONLinesNoteReader(lexicon: lexicon, fields: fields).read(path: folder.url.appendingPathComponent("export.jsonl").path)
    }

    /// The index of a built-in topic in the default lexicon.
    static func topic(_ name: String) -> Int { TopicLexicon.builtInNames.firstIndex(of: name) ?? -1 }

    static func date(_ text: String) -> CalendarDate? { CalendarDate(iso: text) }
}
