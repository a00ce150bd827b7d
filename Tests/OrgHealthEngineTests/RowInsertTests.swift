import Foundation
import GRDB
import Testing
@testable import OrgHealthEngine

/// `RowInsert` binds rows `batch` at a time into multi-row statements, with a last statement
/// for the rows left over: every row must arrive once, in order, at every boundary.
@Suite("History: rows inserted in batches")
struct RowInsertTests {
    @Test("0 to 2 batches and a remainder: every row once, texts (empty ones too) and numbers intact",
          arguments: [0, 1, 2, 6, 7, 8, 13, 14, 15, 22])
    func boundaries(total: Int) throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (snapshot_id INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, n INTEGER NOT NULL)")
            var insert = try RowInsert(db, into: "t", columns: ["name", "value", "n"], snapshotID: 42, rows: total, batch: 7)
            for index in 0..<total {
                insert.bind(1, index % 5 == 0 ? "" : "név \(index)")
                insert.bind(2, Double(index) / 4)
                insert.bind(3, Int64(index * 3))
                try insert.endRow()
            }
            try insert.finish()
        }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT snapshot_id, name, value, n FROM t ORDER BY rowid") }
        #expect(rows.count == total)
        for (index, row) in rows.enumerated() {
            #expect(row[0] as Int64 == 42)
            #expect(row[1] as String == (index % 5 == 0 ? "" : "név \(index)"))
            #expect(row[2] as Double == Double(index) / 4)
            #expect(row[3] as Int64 == Int64(index * 3))
        }
    }

    @Test("fewer rows bound than announced is an error, not a silent loss")
    func announcedRowsMissing() throws {
        let queue = try DatabaseQueue()
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE t (snapshot_id INTEGER NOT NULL, name TEXT NOT NULL)")
                var insert = try RowInsert(db, into: "t", columns: ["name"], snapshotID: 1, rows: 9, batch: 4)
                for _ in 0..<8 {
                    insert.bind(1, "x")
                    try insert.endRow()
                }
                try insert.finish()
            }
        }
    }

    @Test("a row SQLite refuses fails the insert with SQLite's message")
    func refusedRow() throws {
        let queue = try DatabaseQueue()
        let error = try #require(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE t (snapshot_id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (snapshot_id, name))")
                var insert = try RowInsert(db, into: "t", columns: ["name"], snapshotID: 1, rows: 3, batch: 2)
                for name in ["a", "a", "b"] {
                    insert.bind(1, name)
                    try insert.endRow()
                }
                try insert.finish()
            }
        }
        #expect(error.resultCode == .SQLITE_CONSTRAINT)
        #expect(error.message?.contains("UNIQUE") == true)
    }
}
