// Backups and health checks of a SQLite database, for the admin CLI (`corium db backup`, `db
// check`) and the operator guide. Each call uses the given connection, so the one-thread rule
// applies.
#pragma once

#include <string>
#include <vector>

#include "corium/base/result.h"
#include "corium/store/sqlite/sqlite_connection.h"

namespace corium::store {

// Copies the database behind `from` into a new file at `destination_path` with SQLite's online
// backup API: a consistent snapshot while other connections keep reading and writing (WAL). The
// destination must not exist (kAlreadyExists): a backup never overwrites anything, least of all
// an older backup. On failure the partial file is removed.
Status BackupTo(SqliteConnection& from, const std::string& destination_path);

// The rows of `PRAGMA integrity_check`: {"ok"} for a healthy database, else one line per problem.
Result<std::vector<std::string>> IntegrityCheck(SqliteConnection& connection);

}  // namespace corium::store
