import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// Text planted in note bodies, action items and broken files must never reach the result.
@Suite("No note text in the result")
struct SentinelTests {
    static let sentinels = ["BODY-SENTINEL-7731", "ITEM-SENTINEL-4402", "BROKEN-SENTINEL-9050", "GHOST-SENTINEL-1188"]

    @Test("a JSON-encoded result holds none of the planted strings")
    func noSentinels() async throws {
        let roster = """
            employee_id,manager_id,team,department
            M,,Core,Eng
            R1,M,Core,Eng
            R2,M,Core,Eng
            R3,M,Core,Eng

            """
        let folder = try NotesFolder([
            "r1.md": "---\ndate: 2026-07-14\nmanager: M\nreport: R1\n---\n# BODY-SENTINEL-7731 career\n- BODY-SENTINEL-7731 feedback\n- [ ] ITEM-SENTINEL-4402 write it\n",
            "r2.md": "---\nmanager: M\nreport: R2\n---\n## 2026-07-10 BODY-SENTINEL-7731\n- [x] @R2 ITEM-SENTINEL-4402\n## 2026-08-10 (cancelled)\nBODY-SENTINEL-7731\n",
            "M__R3.html": "<html><body><h2>2026-07-12</h2><ul><li>BODY-SENTINEL-7731 workload</li><li>☐ ITEM-SENTINEL-4402</li></ul></body></html>",
            "tool.jsonl": """
                {"date":"2026-08-01","manager":"M","report":"R3","notes":"BODY-SENTINEL-7731","action_items":[{"text":"ITEM-SENTINEL-4402","done":true}]}
                {"date":"2026-08-02","manager":"M","report": BROKEN-SENTINEL-9050
                {"date":"2026-08-03","manager":"M","report":"GHOST-SENTINEL-1188"}
                """,
            "broken.md": "---\ndate: [BROKEN-SENTINEL-9050\nmanager: M\n---\n",
            "bad-date.md": "---\ndate: BROKEN-SENTINEL-9050\nmanager: M\nreport: R1\n---\n",
            "ghost.md": "---\ndate: 2026-07-20\nmanager: GHOST-SENTINEL-1188\nreport: R1\n---\n",
            "bad.html": "<!DOCTYPE x [<!ENTITY e \"BROKEN-SENTINEL-9050\">]><html><body><h2>2026-07-01</h2><p>&e;</p></body></html>",
            "heading.md": "---\nmanager: M\nreport: R1\n---\n## 2026/13/45 BROKEN-SENTINEL-9050\n",
        ], bytes: ["latin1.md": Array("---\ndate: 2026-07-21\nmanager: M\nreport: R2\n---\nBROKEN-SENTINEL-9050 caf".utf8) + [0xE9]])
        let result = try await Fixture.analyze(folder, roster: roster, minGroupSize: 3)
        #expect(!result.metrics.isEmpty)
        #expect(result.diagnostics.count >= 8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        for sentinel in Self.sentinels {
            #expect(!json.contains(sentinel), "\(sentinel) leaked into the result")
        }
        // Nor any lower-cased or partial form of them.
        #expect(!json.lowercased().contains("sentinel"))
    }
}
