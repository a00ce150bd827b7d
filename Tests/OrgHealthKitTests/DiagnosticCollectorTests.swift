import Testing
import OrgHealthKit

@Suite("The diagnostic collector")
struct DiagnosticCollectorTests {
    @Test("logs of parallel workers merge into what one log of the same notes gives")
    func mergeEqualsOneLog() {
        // File 0 has "bad" on lines 1…15, file 1 on lines 1…15: 30 in all. Worker A read file 1,
        // worker B file 0; merged, the listing is in file order: file 0's 15, then file 1's
        // lines 1…5 (20 listed), then one count of 30.
        func notes(_ log: inout DiagnosticCollector, file: Int) {
            for line in 1...15 {
                log.note("bad", source: "export-\(file).csv", file: file, line: line, message: "f\(file)l\(line)",
                         summary: "bad rows were skipped")
            }
        }
        var one = DiagnosticCollector(source: nil)
        notes(&one, file: 0)
        notes(&one, file: 1)
        var workerA = DiagnosticCollector(source: nil)
        notes(&workerA, file: 1)
        var workerB = DiagnosticCollector(source: nil)
        notes(&workerB, file: 0)
        workerA.merge(workerB)

        let merged = workerA.diagnostics(byLine: true)
        #expect(merged == one.diagnostics(byLine: true))
        #expect(merged.count == 21)
        #expect(merged[0].message == "f0l1")
        #expect(merged[14].message == "f0l15")
        #expect(merged[15].message == "f1l1")
        #expect(merged[19].message == "f1l5")
        // The count names the file of the kind's first occurrence in file order.
        #expect(merged[20] == Diagnostic(
            severity: .warning, source: "export-0.csv",
            message: "30 bad rows were skipped in all; only the first 20 are listed by line"))
        #expect(workerA.count(of: "bad") == 30)
    }

    @Test("the closing count can be worded by the reader and have its own severity")
    func closingWording() {
        var log = DiagnosticCollector(source: "reviews.csv") { count, listed, summary in
            "\(count - listed) more rows had the same problem (\(summary))"
        }
        for line in 2...24 {
            log.note("no-rating", severity: .error, closingSeverity: .warning, line: line,
                     message: "no rating", summary: "no rating")
        }
        let all = log.diagnostics()
        // Lines 2…24 are 23 notes: 20 listed as errors, then "3 more" as a warning.
        #expect(all.count == 21)
        #expect(all.prefix(20).allSatisfy { $0.severity == .error })
        #expect(all.last == Diagnostic(severity: .warning, source: "reviews.csv",
                                       message: "3 more rows had the same problem (no rating)"))
        #expect(log.kindCounts.map(\.kind) == ["no-rating"])
        #expect(log.kindCounts.map(\.count) == [23])
    }
}
