/// The files of a new analyzer, and the lines that add its targets to Package.swift.
struct Scaffold {
    let name: AnalyzerName

    /// A file to write, by its path relative to the package.
    struct File {
        let path: String
        let contents: String
    }

    /// The analyzer, its executable and its test.
    var sourceFiles: [File] { [analyzer, main, test] }

    var analyzer: File {
        File(path: "Sources/\(name.module)/\(name.module).swift", contents: #"""
        import Foundation
        import OrgHealthKit

        /// \#(name.display): the mean 0–100 score per team, department and manager, from a CSV
        /// (input kind `\#(name.id)`) with the columns `employee_id` and `score`.
        ///
        /// Start here: change what is read and computed, keep every figure's `n`, and never put a
        /// person's own answers or free text in the result — the host's privacy gate withholds
        /// groups under the minimum size, but only for figures that carry their `n`.
        public struct \#(name.module): Analyzer {
            /// Creates the analyzer.
            public init() {}

            public let descriptor = AnalyzerDescriptor(
                id: "\#(name.id)", name: "\#(name.display)", version: "0.1.0",
                summary: "Mean \#(name.id) score per team, from \#(name.id).csv.",
                inputs: [InputRequirement(kind: "\#(name.id)")], dimensions: [.wellbeing],
                metrics: [
                    MetricDefinition(
                        id: "\#(name.id).meanScore", definition: "The mean of the scores (0–100) of the scope's people.",
                        signal: "wellbeing: the mean score itself"),
                ])

            public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
                var totals: [Scope: (sum: Double, n: Int)] = [:]
                var diagnostics: [Diagnostic] = []
                for file in context.files(of: "\#(name.id)") {
                    var reader = try CSVReader(contentsOf: file)
                    guard let first = try reader.next() else { continue }
                    let header = CSVHeader(first)
                    guard let idColumn = header.index(of: "employee_id"), let scoreColumn = header.index(of: "score") else {
                        throw AnalyzerError("the file needs the columns employee_id and score", source: reader.source, line: first.line)
                    }
                    while let record = try reader.next() {
                        guard let person = context.roster.person(id: record.trimmed(idColumn)),
                              let score = record.double(scoreColumn), (0...100).contains(score)
                        else {
                            diagnostics.append(Diagnostic(
                                severity: .warning, source: reader.source, line: record.line,
                                message: "an unknown employee_id or a score outside 0–100; the row was skipped"))
                            continue
                        }
                        for scope in context.roster.scopes(of: person) {
                            totals[scope, default: (0, 0)].sum += score
                            totals[scope, default: (0, 0)].n += 1
                        }
                    }
                }
                var metrics: [Metric] = []
                var signals: [HealthSignal] = []
                var rows: [ReportTable.Row] = []
                for (scope, total) in totals.sorted(by: { $0.key < $1.key }) {
                    let mean = total.sum / Double(total.n)
                    metrics.append(Metric(id: "\#(name.id).meanScore", scope: scope, value: mean, unit: .score, n: total.n, dimension: .wellbeing))
                    signals.append(HealthSignal(dimension: .wellbeing, scope: scope, score: mean, n: total.n, basis: "\#(name.id).meanScore"))
                    if scope.kind == .team {
                        let ref = DataReference(scope: scope, metric: "\#(name.id).meanScore", n: total.n)
                        rows.append(ReportTable.Row([scope.name, "\(total.n)", "\(Int(mean.rounded()))"], ref: ref))
                    }
                }
                let section = ReportSection(title: "\#(name.display)", blocks: [
                    .table(ReportTable(caption: "Mean score by team", columns: ["Team", "People", "Mean score"], rows: rows)),
                ])
                return AnalyzerResult(metrics: metrics, signals: signals, sections: [section], diagnostics: diagnostics)
            }
        }

        """#)
    }

    var main: File {
        File(path: "Sources/\(name.executable)/main.swift", contents: #"""
        // The \#(name.executable) executable: the analyzer behind OrgHealth's external-analyzer protocol.
        import \#(name.module)
        import OrgHealthKit

        await AnalyzerMain.run(\#(name.module)())

        """#)
    }

    var test: File {
        File(path: "Tests/\(name.module)Tests/\(name.module)Tests.swift", contents: #"""
        import Foundation
        import OrgHealthKit
        import Testing
        import \#(name.module)

        private let roster = """
        employee_id,manager_id,team,department
        M1,,Core,Engineering
        A1,M1,Core,Engineering
        A2,M1,Core,Engineering
        A3,M1,Core,Engineering
        A4,M1,Core,Engineering
        B1,M1,Web,Engineering

        """

        private let scores = """
        employee_id,score
        A1,80
        A2,60
        A3,70
        A4,90
        B1,40
        Z9,50
        A1,140

        """

        @Suite("\#(name.display) analyzer")
        struct \#(name.module)Tests {
            @Test("mean score per team, a wellbeing signal, and a diagnostic for each unusable row")
            func meanScores() async throws {
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("\#(name.id)-\(UUID().uuidString).csv")
                try scores.write(to: file, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: file) }
                let context = AnalysisContext(
                    organization: "Fixture", period: try ReportingPeriod(parsing: "2026-Q3"),
                    roster: try RosterReader().read(csv: roster).roster, inputs: ["\#(name.id)": [file]])

                let result = try await \#(name.module)().analyze(context)

                let core = result.metrics.first { $0.id == "\#(name.id).meanScore" && $0.scope == .team("Core") }
                #expect(core?.value == 75)
                #expect(core?.n == 4)
                #expect(result.signals.first { $0.scope == .org }?.score == 68)
                #expect(result.diagnostics.map(\.line) == [7, 8])
            }
        }

        """#)
    }

    /// A sample input of the new kind for the sample roster.
    var sampleInput: File {
        var text = "employee_id,score\n"
        let scores = [72, 64, 81, 58, 77, 69, 90, 55, 61, 84, 73, 66]
        for (index, score) in scores.enumerated() { text += "S\(index + 1),\(score)\n" }
        return File(path: "orghealth-sample/\(name.id).csv", contents: text)
    }

    /// A sample organization: two teams of six under one head.
    var sampleRoster: File {
        var text = "employee_id,name,manager_id,team,department,hire_date\n"
        text += "S0,Head of Engineering,,Leadership,Engineering,2020-01-06\n"
        for index in 1...12 {
            let team = index <= 6 ? "Core" : "Web"
            let lead = index <= 6 ? "S1" : "S7"
            let manager = index == 1 || index == 7 ? "S0" : lead
            text += "S\(index),Person \(index),\(manager),\(team),Engineering,2021-03-01\n"
        }
        return File(path: "orghealth-sample/roster.csv", contents: text)
    }

    /// A config for the sample organization, with the new analyzer's input.
    var sampleConfig: File {
        File(path: "orghealth.yml", contents: """
        # A sample configuration for developing analyzers: `swift package orghealth-report` reads
        # it and writes the report to Reports/. Point roster and sources at real exports later.
        organization: Sample Org
        period: 2026-Q3
        roster: orghealth-sample/roster.csv
        sources:
          \(name.id): orghealth-sample/\(name.id).csv
        privacy:
          minGroupSize: 5
        plugins:
          timeoutSeconds: 60
        output:
          directory: Reports/
          formats: [html, xml, json]

        """)
    }

    /// What is appended to Package.swift; `kit` is how a target names the OrgHealthKit product.
    func manifestAddition(kit: String) -> String {
        """

        // Added by `swift package orghealth-new-analyzer \(name.base)`: the analyzer, its executable, its tests.
        package.products.append(.executable(name: "\(name.executable)", targets: ["\(name.executable)"]))
        package.targets += [
            .target(name: "\(name.module)", dependencies: [\(kit)]),
            .executableTarget(name: "\(name.executable)", dependencies: ["\(name.module)", \(kit)]),
            .testTarget(name: "\(name.module)Tests", dependencies: ["\(name.module)", \(kit)]),
        ]

        """
    }
}
