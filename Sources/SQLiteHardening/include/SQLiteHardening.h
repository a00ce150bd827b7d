#ifndef ORGHEALTH_SQLITE_HARDENING_H
#define ORGHEALTH_SQLITE_HARDENING_H

/// Turns on SQLITE_DBCONFIG_DEFENSIVE for an open connection (`connection` is a `sqlite3 *`):
/// no writable_schema, no direct writes to shadow tables, no journal_mode=OFF, no ATTACH-based
/// schema changes. Returns 1 when it is on, 0 otherwise.
///
/// A C function because sqlite3_db_config is variadic, which Swift cannot call. The argument is
/// `void *` so this header need not include sqlite3.h (GRDB's module already does).
int orghealth_sqlite_enable_defensive(void *connection);

#endif
