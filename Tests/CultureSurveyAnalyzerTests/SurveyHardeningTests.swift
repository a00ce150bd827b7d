import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, rows 3–5 for the survey: its definition is YAML (alias bombs are bounded) and a
/// file (a FIFO or device is refused before it is read).
@Suite("Culture survey: hostile definitions")
struct SurveyHardeningTests {
    @Test("a definition with an alias bomb fails the analyzer with a message")
    func aliasBomb() async throws {
        var bomb = "\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            bomb += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        // (The time is bounded in BoundedYAMLTests, synchronously: an async test's time includes
        // waiting for the shared pool.)
        await #expect {
            _ = try await SurveyFixture.analyze(definition: SurveyFixture.definition() + bomb)
        } throws: { error in
            guard let error = error as? AnalyzerError else { return false }
            return error.message.contains("too large") && error.message.contains("100000")
        }
    }

    @Test("a definition that is a FIFO fails the analyzer at once, naming what it is")
    func fifoDefinition() async throws {
        let context = try SurveyFixture.context()
        defer { SurveyFixture.removeFiles(of: context) }
        let definition = try #require(context.files(of: SurveyInputs.definitionKind).first)
        try FileManager.default.removeItem(at: definition)
        try #require(mkfifo(definition.path, 0o600) == 0)
        await #expect {
            _ = try await CultureSurveyAnalyzer().analyze(context)
        } throws: { error in
            (error as? AnalyzerError)?.message.contains("it is a FIFO (named pipe), not a regular file") == true
        }
    }
}
