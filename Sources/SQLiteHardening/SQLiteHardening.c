#include <sqlite3.h>
#include "SQLiteHardening.h"

int orghealth_sqlite_enable_defensive(void *connection) {
    int enabled = 0;
    if (connection == 0) return 0;
    if (sqlite3_db_config((sqlite3 *)connection, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled) != SQLITE_OK) return 0;
    return enabled;
}
