import GRDB

/// The history database's layout, as an ordered list of migrations.
///
/// This is the one place migrations are listed. A shipped migration is never edited: a change
/// of layout is a new migration appended at the end ("v2", "v3"…), so that a file written by
/// any earlier version is brought forward step by step. GRDB records the applied ids in the
/// `grdb_migrations` table; an id there that this list lacks means a newer orghealth wrote the
/// file, which is then refused rather than touched (`HistoryError.newerSchema`).
enum HistorySchema {
    /// The first layout: one snapshot per period, with the reportable metric values and
    /// dimension scores of that period. Withheld (suppressed) figures have no rows at all.
    static let v1 = """
        CREATE TABLE snapshot (
            id INTEGER PRIMARY KEY,
            period_label TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            organization TEXT NOT NULL,
            tool TEXT NOT NULL,
            health_index REAL,
            UNIQUE (period_start, period_end)
        ) STRICT;
        CREATE INDEX snapshot_by_end ON snapshot(period_end);
        CREATE TABLE metric_value (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
            analyzer TEXT NOT NULL,
            metric TEXT NOT NULL,
            scope TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, analyzer, metric, scope)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX metric_value_by_metric ON metric_value(metric, scope);
        CREATE TABLE dimension_score (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            dimension TEXT NOT NULL,
            score REAL NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, scope, dimension)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX dimension_score_by_dimension ON dimension_score(dimension, scope);
        """

    /// The migrator, with every migration in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: v2) }
        migrator.registerMigration("v3") { db in try db.execute(sql: v3) }
        return migrator
    }

    /// The ids of the migrations this version knows, in order.
    static var migrationIDs: [String] { migrator.migrations }
}

extension HistorySchema {
    /// The second layout: each snapshot's provenance (config and input fingerprints, the input
    /// files) and the measures behind every stored dimension score, for like-for-like trends.
    /// Snapshots recorded before it have no provenance and no measures.
    static let v2 = """
        ALTER TABLE snapshot ADD COLUMN config_fingerprint TEXT;
        ALTER TABLE snapshot ADD COLUMN input_fingerprint TEXT;
        CREATE TABLE input_file (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            PRIMARY KEY (snapshot_id, path)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE dimension_source (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            dimension TEXT NOT NULL,
            analyzer TEXT NOT NULL,
            metric TEXT NOT NULL,
            score REAL NOT NULL,
            weight REAL NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, scope, dimension, analyzer, metric)
        ) STRICT, WITHOUT ROWID;
        """
}

extension HistorySchema {
    /// The third layout: v1's second indexes, on (metric, scope) and (dimension, scope), are
    /// dropped. Every query the tool makes finds its rows by their snapshot through the primary
    /// keys (a figure's values over the periods: one look-up per stored period), and the two
    /// indexes were 42% of a stored period's pages and half of the time recording it took
    /// (10^6 people: 341 MB and 10 s with them, 197 MB and 5 s without, SQLite alone; issue 16).
    /// The freed pages stay in the file and take the next periods' rows.
    static let v3 = """
        DROP INDEX metric_value_by_metric;
        DROP INDEX dimension_score_by_dimension;
        """
}
