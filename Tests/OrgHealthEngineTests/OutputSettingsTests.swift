import Foundation
import OrgHealthEngine
import OrgHealthKit
import Testing

@Suite("Configuration: output.formats csv and output.heatmapOrder")
struct OutputSettingsTests {
    static func load(_ output: String) throws -> Configuration {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "employee_id,manager_id,team\n".write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let text = "organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\noutput: \(output)\n"
        return try ConfigurationLoader(knownAnalyzers: []).parse(text, file: folder.appendingPathComponent("orghealth.yml"))
    }

    @Test("csv is a format and the heatmap order reads; worst first by default")
    func reads() throws {
        let config = try Self.load("{formats: [html, csv], heatmapOrder: alphabetical}")
        #expect(config.output.formats == [.html, .csv])
        #expect(config.output.heatmapOrder == .alphabetical)
        #expect(try Self.load("{formats: [html]}").output.heatmapOrder == .worstFirst)
    }

    @Test("an unknown order is an error naming the key, the line and the choices")
    func refused() {
        do {
            _ = try Self.load("{heatmapOrder: best-first}")
            Issue.record("best-first was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("output.heatmapOrder"))
            #expect(message.contains(":4"))
            #expect(message.contains("worst-first or alphabetical"))
        }
    }
}
