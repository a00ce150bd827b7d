import Foundation
import GRDB
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// Issue 14, row 6: a history file is data from outside, and SQLite runs what a file's schema
/// says. Each test plants something in a history an earlier run wrote, then checks that the
/// file is refused — for writing and reading — and left byte for byte as it was.
@Suite("History: a file that trusts nothing in itself")
struct HistoryTamperTests {
    /// A history with one recorded period (2026-Q2), written by the store itself, then changed
    /// with `plant` through a plain SQLite connection.
    func plantedHistory(_ plant: String) throws -> (folder: URL, file: URL) {
        let folder = try HistoryFixture.folder()
        let file = folder.appendingPathComponent("history.sqlite")
        do {
            let store = try HistoryStore(url: file)
            try store.record(try HistoryFixture.report("2026-Q2", metrics: [HistoryFixture.metric("m", .org, 0.5, n: 10)]))
            try store.close()
        }
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { try $0.execute(sql: plant) }
        try queue.close()
        return (folder, file)
    }

    /// Opening for writing and for reading both throw `.untrusted`; the file is unchanged.
    func expectRefused(_ file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = HistoryFixture.bytes(file)
        for access in [HistoryStore.Access.readWrite, .readOnly] {
            do {
                let store = try HistoryStore(url: file, access: access)
                if access == .readWrite { try store.record(try HistoryFixture.report("2026-Q3")) }
                Issue.record("a tampered file was opened (\(access))", sourceLocation: sourceLocation)
            } catch let error as HistoryError {
                guard case .untrusted = error else {
                    Issue.record("expected .untrusted, got \(error)", sourceLocation: sourceLocation)
                    continue
                }
                #expect(error.description.contains("not one OrgHealth wrote"), sourceLocation: sourceLocation)
                #expect(error.description.contains("left untouched"), sourceLocation: sourceLocation)
            } catch {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            }
        }
        #expect(HistoryFixture.bytes(file) == before, "the file changed", sourceLocation: sourceLocation)
    }

    @Test("a planted AFTER INSERT trigger is refused before it can delete earlier periods")
    func afterInsertTrigger() throws {
        // The issue's reproduction: on the next insert, delete every other period.
        let (folder, file) = try plantedHistory("""
            CREATE TRIGGER evil AFTER INSERT ON snapshot BEGIN DELETE FROM snapshot WHERE rowid <> NEW.rowid; END;
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        expectRefused(file)
        // The earlier period is still there (read through a plain connection, not the store).
        let queue = try DatabaseQueue(path: file.path, configuration: { var c = GRDB.Configuration(); c.readonly = true; return c }())
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT period_label FROM snapshot") } == ["2026-Q2"])
        try queue.close()
    }

    @Test("a recursive trigger is refused at once instead of hanging every report")
    func recursiveTrigger() throws {
        let (folder, file) = try plantedHistory("""
            CREATE TRIGGER spin AFTER INSERT ON dimension_score BEGIN
                INSERT INTO dimension_score VALUES (NEW.snapshot_id, NEW.scope || 'x', NEW.dimension, 0, 0);
            END;
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let elapsed = ContinuousClock().measure { expectRefused(file) }
        // Refused by the schema check, before any insert: well under a second, whatever the machine.
        #expect(elapsed < .seconds(10))
    }

    @Test("a RAISE message planted in a trigger never reaches the error text")
    func raiseMessageNotShown() throws {
        let (folder, file) = try plantedHistory("""
            CREATE TRIGGER shout BEFORE INSERT ON snapshot BEGIN SELECT RAISE(ABORT, 'PLANTED: visit evil.example'); END;
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        expectRefused(file)
        // And the mapping of SQLite errors never passes a message on, whatever made SQLite fail:
        // the same trigger fired in a scratch database, its error mapped as the store maps errors.
        let scratch = try DatabaseQueue()
        var raised: (any Error)?
        do {
            try scratch.write { db in
                try db.execute(sql: "CREATE TABLE t (x); CREATE TRIGGER shout BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'PLANTED: visit evil.example'); END;")
                try db.execute(sql: "INSERT INTO t VALUES (1)")
            }
        } catch { raised = error }
        let error = try #require(raised)
        #expect("\(error)".contains("PLANTED"))  // SQLite does carry the file's text…
        let mapped = HistoryError.from(error, path: "/h.sqlite")
        #expect(!mapped.description.contains("PLANTED"))  // …and the report never shows it.
        #expect(mapped.description.contains("not one OrgHealth wrote"))
    }

    @Test("a view is refused")
    func view() throws {
        let (folder, file) = try plantedHistory("CREATE VIEW everything AS SELECT * FROM snapshot;")
        defer { try? FileManager.default.removeItem(at: folder) }
        expectRefused(file)
    }

    @Test("an unknown table, index or column is refused")
    func unknownObjects() throws {
        for plant in [
            "CREATE TABLE notes (text TEXT);",
            "CREATE INDEX snapshot_by_tool ON snapshot(tool);",
            "ALTER TABLE snapshot ADD COLUMN extra TEXT;",
        ] {
            let (folder, file) = try plantedHistory(plant)
            defer { try? FileManager.default.removeItem(at: folder) }
            expectRefused(file)
        }
    }

    @Test("a newer user_version is refused as written by a newer orghealth")
    func newerUserVersion() throws {
        let (folder, file) = try plantedHistory("PRAGMA user_version = 99;")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = HistoryFixture.bytes(file)
        for access in [HistoryStore.Access.readWrite, .readOnly] {
            #expect(throws: HistoryError.newerSchema(path: file.path, unknownMigrations: ["user_version 99"])) {
                try HistoryStore(url: file, access: access)
            }
        }
        #expect(HistoryFixture.bytes(file) == before)
    }

    @Test("a read-only open (history list/show) leaves no -wal or -shm file beside the history")
    func readOnlyLeavesNothing() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        do {
            let store = try HistoryStore(url: file)
            try store.record(try HistoryFixture.report("2026-Q2"))
            try store.close()
        }
        let sidecars = ["-wal", "-shm"].map { URL(fileURLWithPath: file.path + $0) }
        func present() -> [String] {
            sidecars.filter { FileManager.default.fileExists(atPath: $0.path) }.map(\.lastPathComponent)
        }
        // Closing the last writer checkpoints and removes them.
        try #require(present().isEmpty)
        let store = try HistoryStore(url: file, access: .readOnly)
        #expect(try store.periods().map(\.label) == ["2026-Q2"])
        #expect(present().isEmpty)
        try store.close()
        #expect(present().isEmpty)
    }

    @Test("a file the store wrote passes the check, at every step of its life")
    func ownFilePasses() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let store = try HistoryStore(url: file)
        try store.record(try HistoryFixture.report("2026-Q2"))
        try store.record(try HistoryFixture.report("2026-Q3"))
        #expect(try store.forget(try ReportingPeriod(parsing: "2026-Q2")))
        try store.close()
        let reader = try HistoryStore(url: file, access: .readOnly)
        #expect(try reader.periods().map(\.label) == ["2026-Q3"])
    }
}
