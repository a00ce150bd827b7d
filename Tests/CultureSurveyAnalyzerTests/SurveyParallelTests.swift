import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: parallel pass")
struct SurveyParallelTests {
    @Test("reading and counting on two threads gives exactly the result of one thread")
    func sameAsOneThread() async throws {
        // Bad rows and answers spread over the file, comments kept verbatim, more rows than one batch.
        var lines = SurveyFixture.plainCSV().split(separator: "\n").map(String.init)
        lines[3] = lines[3].replacingOccurrences(of: "Platform,4,1,", with: "Platform,9,1,")
        lines[14] = "Web,3,Maybe,2,2,3,2,5,"
        lines.append("Nowhere,4,2,4,4,4,4,9,")
        lines.append("Field,4,2,4")
        for _ in 1...25 { lines.append("Data,6,2,4,3,4,4,8,") }
        for index in 0..<3_000 { lines.append(["Platform,4,2,4,3,4,5,9,", "Field,2,4,2,2,3,2,6,late", "Web,5,1,5,4,5,4,10,"][index % 3]) }
        let csv = lines.joined(separator: "\n") + "\n"
        let privacy = PrivacyPolicy(comments: .include, minCommentGroupSize: 3)
        let single = try await SurveyFixture.analyze(responses: csv, privacy: privacy, options: ["threads": .number(1)])
        let parallel = try await SurveyFixture.analyze(
            responses: csv, privacy: privacy, options: ["threads": .number(2), "parallelAboveBytes": .number(0)])
        #expect(parallel == single)
        #expect(single.value("survey.responses") == 3_051)  // 26 + 25 + 3,000
        // Data's 25 out-of-scale answers and Platform's 9: 20 listed, then one count.
        #expect(single.diagnostics.contains { $0.message.hasPrefix("26 answers in column 'T1'") })
    }
}
