// Schema migrations: numbered SQL files per engine (migrations/sqlite, migrations/postgres), embedded
// in the binary and applied in order, each in its own write transaction. Forward-only: a migration
// already applied must never change, and a changed checksum stops Corium rather than guess.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corium/base/result.h"
#include "corium/store/sql.h"

namespace corium::store {

struct Migration {
  int version = 0;
  std::string name;  // "0001_records"
  std::string sql;
};

// The embedded migrations of one engine, in version order (generated at build time).
const std::vector<Migration>& MigrationsFor(Dialect dialect);

// "sha256:<hex>" of a migration's SQL text.
std::string MigrationChecksum(const std::string& sql);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // names
};

// Applies every pending migration of `migrations` (defaults: the embedded ones for the connection's
// engine). `now` (seconds since the epoch) is recorded as each migration's applied_at. Fails with
// kConflict when an applied migration's checksum differs from the one shipped, or when the
// database is at a version this binary does not know.
Result<MigrationReport> Migrate(SqlConnection& db, std::int64_t now);
Result<MigrationReport> Migrate(SqlConnection& db, const std::vector<Migration>& migrations,
                                std::int64_t now);

// The highest applied version (0 for an empty database).
Result<int> SchemaVersion(SqlConnection& db);

}  // namespace corium::store
