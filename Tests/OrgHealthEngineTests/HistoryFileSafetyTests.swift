import Foundation
import GRDB
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

@Suite("History: files that must not be touched, migrations, concurrency")
struct HistoryFileSafetyTests {
    @Test("a file of garbage is refused as damaged and left byte for byte as it was")
    func garbageUntouched() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: file)
        for access in [HistoryStore.Access.readWrite, .readOnly] {
            do {
                _ = try HistoryStore(url: file, access: access)
                Issue.record("a garbage file was opened")
            } catch {
                guard case .corrupt(let path, _) = error else {
                    Issue.record("expected .corrupt, got \(error)")
                    continue
                }
                #expect(path == file.path)
                #expect(error.description.contains("left untouched"))
            }
        }
        #expect(HistoryFixture.bytes(file) == garbage)
    }

    @Test("a history file with a damaged page is refused and left as it was")
    func damagedPageUntouched() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        do {
            let store = try HistoryStore(url: file)
            let metrics = (0..<400).map { HistoryFixture.metric("m\($0)", .team("Team \($0)"), 0.5, n: 10) }
            try store.record(try HistoryFixture.report("2026-Q3", metrics: metrics))
            try store.close()
        }
        var bytes = HistoryFixture.bytes(file)
        try #require(bytes.count > 4 * 4096)
        // Scribble over the second and third pages (b-tree pages of the tables).
        for index in 4096..<(3 * 4096) { bytes[index] = 0xA5 }
        try bytes.write(to: file)
        #expect {
            _ = try HistoryStore(url: file)
        } throws: { error in
            guard let error = error as? HistoryError, case .corrupt = error else { return false }
            return true
        }
        #expect(HistoryFixture.bytes(file) == bytes)
    }

    @Test("a refused file whose header says WAL leaves no -wal or -shm beside it; ones already there stay")
    func refusedWALFileLeavesNothing() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A history the store wrote (its header says WAL: bytes 18 and 19 are 2), cut after its
        // first page and followed by junk: SQLite reads the header, so reading it makes the
        // -wal and -shm files, and the check then finds the rest damaged.
        let source = folder.appendingPathComponent("source.sqlite")
        do {
            let store = try HistoryStore(url: source)
            try store.record(try HistoryFixture.report("2026-Q3"))
            try store.close()
        }
        let written = HistoryFixture.bytes(source)
        try #require(written.count > 4096 && written[18] == 2 && written[19] == 2)
        let pageSize = Int(written[16]) << 8 | Int(written[17])
        var damaged = Data(written.prefix(pageSize))
        damaged += Data((0..<(5 * pageSize)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) })
        // An SQLite file in WAL mode that is not a history.
        let foreign = folder.appendingPathComponent("people.sqlite")
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            let queue = try DatabaseQueue(path: foreign.path, configuration: configuration)
            try queue.write { try $0.execute(sql: "CREATE TABLE people (id TEXT PRIMARY KEY); INSERT INTO people VALUES ('E1')") }
            try queue.close()
        }
        let damagedFile = folder.appendingPathComponent("history.sqlite")
        try damaged.write(to: damagedFile)
        let foreignBytes = HistoryFixture.bytes(foreign)
        let foreignHeader = foreignBytes[18]
        try #require(foreignHeader == 2)
        func beside(_ file: URL) -> [String] {
            ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: file.path + $0) }
        }
        for file in [damagedFile, foreign] {
            #expect(throws: HistoryError.self) { try HistoryStore(url: file, access: .readWrite) }
            #expect(beside(file).isEmpty, "\(file.lastPathComponent)")
        }
        #expect(HistoryFixture.bytes(damagedFile) == damaged)
        #expect(HistoryFixture.bytes(foreign) == foreignBytes)
        // A -wal that was there before the check (someone else's) is not the check's to remove.
        try Data().write(to: URL(fileURLWithPath: damagedFile.path + "-wal"))
        #expect(throws: HistoryError.self) { try HistoryStore(url: damagedFile, access: .readWrite) }
        #expect(beside(damagedFile).contains("-wal"))
    }

    @Test("a file of a newer schema is refused for writing and reading, and left unchanged")
    func newerSchemaRefused() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        do {
            let queue = try DatabaseQueue(path: file.path)
            try queue.write { db in
                try db.execute(sql: HistoryFixture.v1Layout)
                try db.execute(sql: "ALTER TABLE snapshot ADD COLUMN headcount INTEGER")
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-headcount')")
            }
            try queue.close()
        }
        let before = HistoryFixture.bytes(file)
        let expected = HistoryError.newerSchema(path: file.path, unknownMigrations: ["v2-headcount"])
        #expect(throws: expected) { try HistoryStore(url: file, access: .readWrite) }
        #expect(throws: expected) { try HistoryStore(url: file, access: .readOnly) }
        #expect(expected.description.contains("newer orghealth"))
        #expect(HistoryFixture.bytes(file) == before)
    }

    @Test("an SQLite file that is not a history is refused and left unchanged")
    func foreignDatabase() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("people.sqlite")
        do {
            let queue = try DatabaseQueue(path: file.path)
            try queue.write { try $0.execute(sql: "CREATE TABLE people (id TEXT PRIMARY KEY); INSERT INTO people VALUES ('E1')") }
            try queue.close()
        }
        let before = HistoryFixture.bytes(file)
        #expect(throws: HistoryError.notAHistoryFile(path: file.path, tables: ["people"])) {
            try HistoryStore(url: file)
        }
        #expect(HistoryFixture.bytes(file) == before)
    }

    @Test("an empty file (touched) becomes a history")
    func emptyFile() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        try Data().write(to: file)
        let store = try HistoryStore(url: file)
        try store.record(try HistoryFixture.report("2026-Q3"))
        #expect(try store.periods().count == 1)
    }

    @Test("a first-schema (v1) file written by an earlier run opens, reads and takes new periods")
    func migrationFromFirstSchema() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        // Exactly what the first release wrote: its layout and one recorded period.
        try HistoryFixture.writeFirstRelease(at: file)
        let store = try HistoryStore(url: file)
        let q2 = try #require(try store.snapshot(matching: "2026-Q2"))
        #expect(q2.period.healthIndex == 70.5)
        #expect(q2.metrics == [StoredMetric(
            analyzer: "culture-survey", metric: "survey.participation", scope: .org, value: 0.3, unit: .ratio, n: 100)])
        let q3 = try HistoryFixture.report(
            "2026-Q3", metrics: [HistoryFixture.metric("survey.participation", .org, 0.45, n: 100)])
        try store.record(q3)
        let trends = TrendCalculator().trends(for: q3, previous: try store.previous(before: q3.period))
        #expect(trends.metrics.values.first?.significant == true)
        #expect(try store.periods().map(\.label) == ["2026-Q2", "2026-Q3"])
        let applied = try store.database.read { db in try HistorySchema.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(HistorySchema.migrationIDs))
        // v3 dropped v1's indexes by figure; a figure's values over the periods are still found
        // (through the primary keys), oldest first.
        let indexes = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(indexes == ["snapshot_by_end"])
        let participation = MetricKey(analyzer: "culture-survey", metric: "survey.participation", scope: .org)
        #expect(try store.series(of: participation).map(\.value) == [0.3, 0.45])
        #expect(try store.series(of: DimensionKey(dimension: .trust, scope: .org)).map(\.value) == [65])
    }

    @Test("the migrator lists the migrations, starting with v1, and v1 still lays out the shipped tables")
    func migratorIsTheListOfMigrations() throws {
        #expect(HistorySchema.migrationIDs.first == "v1")
        #expect(Set(HistorySchema.migrationIDs).count == HistorySchema.migrationIDs.count)
        // A fresh store up to v1 has the same tables and indexes as the frozen v1 layout.
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = try DatabaseQueue(path: folder.appendingPathComponent("shipped.sqlite").path)
        try shipped.write { try $0.execute(sql: HistoryFixture.v1Layout) }
        let migrated = try DatabaseQueue(path: folder.appendingPathComponent("migrated.sqlite").path)
        try HistorySchema.migrator.migrate(migrated, upTo: "v1")
        let schema = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        let left = try shipped.read { try Row.fetchAll($0, sql: schema) }
        let right = try migrated.read { try Row.fetchAll($0, sql: schema) }
        #expect(left == right)
    }

    @Test("two stores writing different periods to one new file at once: both kept, no lock failure")
    func concurrentWriters() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let years = [2020, 2021]
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: years.count) { index in
            do {
                let store = try HistoryStore(url: file)
                for quarter in 1...4 {
                    for run in 0..<3 {
                        let report = try HistoryFixture.report(
                            "\(years[index])-Q\(quarter)", generatedAt: "run \(run)",
                            metrics: (0..<50).map { HistoryFixture.metric("m\($0)", .org, 0.5, n: 10) })
                        try store.record(report)
                        _ = try store.periods()
                    }
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.messages.isEmpty)
        let store = try HistoryStore(url: file, access: .readOnly)
        let periods = try store.periods()
        #expect(periods.map(\.label) == years.flatMap { year in (1...4).map { "\(year)-Q\($0)" } })
        #expect(periods.allSatisfy { $0.metricCount == 50 && $0.recordedAt == "run 2" })
    }

    @Test("a write waits for another connection's lock (busy timeout) instead of failing")
    func waitsForLock() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let store = try HistoryStore(url: file)
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(5)
        let other = try DatabaseQueue(path: file.path, configuration: configuration)
        let locked = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                Thread.sleep(forTimeInterval: 0.5)
                try db.execute(sql: "COMMIT")
            }
            released.signal()
        }
        locked.wait()
        let start = Date()
        try store.record(try HistoryFixture.report("2026-Q3"))
        #expect(Date().timeIntervalSince(start) > 0.2)
        released.wait()
        #expect(try store.periods().count == 1)
    }
}

/// Collects failures from several threads.
private final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ message: String) { lock.withLock { stored.append(message) } }
    var messages: [String] { lock.withLock { stored } }
}
