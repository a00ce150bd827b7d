import Foundation
import OrgHealthKit
import Testing

private struct EchoAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "echo", name: "Echo", version: "2.1.0", summary: "Counts the roster.",
        inputs: [.init(kind: "echo")], dimensions: [.feedback])

    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        guard context.options.values["fail"] == nil else { throw AnalyzerError("echo.csv has no column 'when'", source: "echo.csv", line: 1) }
        let files = context.files(of: "echo").map(\.lastPathComponent)
        return AnalyzerResult(
            metrics: [Metric(id: "echo.people", scope: .org, value: Double(context.roster.people.count), unit: .count, n: 9)],
            signals: [HealthSignal(dimension: .feedback, scope: .team("Core"), score: 1.0 / 3.0 * 100, n: 7)],
            sections: [ReportSection(title: context.period.label, blocks: [.text(files.joined(separator: ","))])])
    }
}

/// The wire types and the SDK entry point, exercised in-process.
@Suite("External protocol and AnalyzerMain")
struct ProtocolTests {
    func request(version: Int = 1, roster: URL, options: AnalyzerOptions = AnalyzerOptions()) throws -> Data {
        try ProtocolJSON.encoder().encode(AnalyzeRequest(
            protocolVersion: version, organization: "Acme", period: try Fixture.period(), roster: roster.path,
            inputs: ["echo": ["/data/echo-1.csv", "/data/echo-2.csv"]], options: options))
    }

    func rosterFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
        try RosterWriter.csv(try Fixture.roster()).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("describe prints the descriptor and protocol version as one flat JSON object")
    func describe() async throws {
        let outcome = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["describe"]) { Data() }
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
        #expect(object["protocolVersion"] as? Int == 1)
        #expect(object["id"] as? String == "echo")
        #expect(object["dimensions"] as? [String] == ["feedback"])
        let decoded = try ProtocolJSON.decoder().decode(DescribeResponse.self, from: outcome.standardOutput)
        #expect(decoded.descriptor == EchoAnalyzer().descriptor)
    }

    @Test("analyze reads the request, the roster with the Kit's reader, and prints the result")
    func analyze() async throws {
        let roster = try rosterFile()
        defer { try? FileManager.default.removeItem(at: roster) }
        let input = try request(roster: roster)
        let outcome = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["analyze"]) { input }
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let response = try ProtocolJSON.decoder().decode(AnalyzeResponse.self, from: outcome.standardOutput)
        #expect(response.protocolVersion == 1)
        let expected = try await EchoAnalyzer().analyze(try Fixture.context(inputs: [
            "echo": [URL(fileURLWithPath: "/data/echo-1.csv"), URL(fileURLWithPath: "/data/echo-2.csv")],
        ]))
        #expect(response.result == expected)
        #expect(response.result.sections.first?.blocks == [.text("echo-1.csv,echo-2.csv")])
    }

    @Test("a request of another protocol version is refused with a clear message and exit 2")
    func versionMismatch() async throws {
        let input = try request(version: 2, roster: URL(fileURLWithPath: "/nonexistent.csv"))
        let outcome = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["analyze"]) { input }
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("the request uses protocol version 2, but this analyzer speaks version 1"))
    }

    @Test("standard input that cannot be read is an analysis failure, not an empty request")
    func unreadableStandardInput() async throws {
        // A folder opens for reading on Linux, but read(2) on it fails with EISDIR: a real
        // failed read, as when the host's pipe breaks.
        let folder = FileManager.default.temporaryDirectory
        let outcome = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["analyze"]) {
            try FileHandle(forReadingFrom: folder).readToEnd() ?? Data()
        }
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("echo: standard input could not be read ("))
        #expect(!outcome.standardError.contains("it got nothing"))
    }

    @Test("errors go to standard error with a non-zero status")
    func errors() async throws {
        let roster = try rosterFile()
        defer { try? FileManager.default.removeItem(at: roster) }
        let failing = try request(roster: roster, options: AnalyzerOptions(["fail": .bool(true)]))
        let thrown = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["analyze"]) { failing }
        #expect(thrown.status == 1)
        #expect(thrown.standardError == "echo: echo.csv:1: echo.csv has no column 'when'\n")

        let missingRoster = try request(roster: URL(fileURLWithPath: "/nonexistent/roster.csv"))
        let noRoster = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["analyze"]) { missingRoster }
        #expect(noRoster.status == 1)
        #expect(noRoster.standardError.contains("the roster could not be read"))

        let garbage = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["analyze"]) { Data("{\"protocolVersion\":1}".utf8) }
        #expect(garbage.status == 2)
        #expect(garbage.standardError.contains("the required key 'organization' is missing"))

        let nothing = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["analyze"]) { Data() }
        #expect(nothing.status == 2)

        let unknown = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["frobnicate"]) { Data() }
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("'frobnicate' is not a command"))
        #expect(unknown.standardError.contains("orghealth-analyzer-echo describe"))

        let help = await AnalyzerMain.respond(EchoAnalyzer(), arguments: ["--help"]) { Data() }
        #expect(help.status == 0)
        #expect(help.outputText.contains("Echo 2.1.0"))
    }

    @Test("RosterWriter writes canonical columns that RosterReader reads back unchanged")
    func rosterRoundTrip() throws {
        let people = [
            Person(id: "E1", team: "Core, Platform", department: "R&D", name: "Ada \"The\" Lovelace", email: "ada@x.example",
                   location: "Paris", level: "L5", hireDate: CalendarDate(iso: "2020-02-29")),
            Person(id: "E2", managerID: "E1", team: "Core, Platform", endDate: CalendarDate(iso: "2026-08-01")),
        ]
        let text = RosterWriter.csv(Roster(people: people))
        #expect(text.hasPrefix("employee_id,name,email,manager_id,team,department,location,level,hire_date,end_date\n"))
        let read = try RosterReader().read(csv: text)
        #expect(read.roster.people == people)
        #expect(read.diagnostics.isEmpty)
    }

    @Test("an executable's name gives the analyzer's name")
    func executableNames() {
        #expect(ExternalProtocol.analyzerName(fromExecutableName: "orghealth-analyzer-kudos") == "kudos")
        #expect(ExternalProtocol.analyzerName(fromExecutableName: "orghealth-analyzer-recognition.py") == "recognition")
        #expect(ExternalProtocol.analyzerName(fromExecutableName: "my-tool") == "my-tool")
    }
}
