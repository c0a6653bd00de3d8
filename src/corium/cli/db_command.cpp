#include <chrono>
#include <iostream>

#include "corium/cli/commands.h"
#include "corium/cli/database_connection.h"
#include "corium/store/migrations.h"
#include "corium/store/sqlite/backup.h"
#include "corium/store/sqlite/sqlite_connection.h"

namespace corium::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void PrintError(const std::string& what, const Status& status) {
  std::cerr << "corium db " << what << ": " << status.message() << "\n";
}

}  // namespace

int RunDbMigrate(const DbOptions& options) {
  auto db = ConnectDatabase(options);
  if (!db.ok()) {
    PrintError("migrate", db.status());
    return kFailed;
  }
  const auto report = store::Migrate(**db, Now());
  if (!report.ok()) {
    PrintError("migrate", report.status());
    return kFailed;
  }
  std::cout << "schema version " << report->from_version << " -> " << report->to_version;
  if (report->applied.empty()) std::cout << " (up to date)";
  for (const std::string& name : report->applied) std::cout << "\n  applied " << name;
  std::cout << "\n";
  return kOk;
}

int RunDbBackup(const DbOptions& options, const std::string& destination) {
  if (!options.postgres_url.empty()) {
    std::cerr << "corium db backup: for PostgreSQL use pg_dump or the server's own backups\n";
    return kUsage;
  }
  auto db = store::SqliteConnection::Open(options.sqlite_path, store::OpenMode::kReadOnly);
  if (!db.ok()) {
    PrintError("backup", db.status());
    return kFailed;
  }
  const Status status = store::BackupTo(**db, destination);
  if (!status.ok()) {
    PrintError("backup", status);
    return kFailed;
  }
  std::cout << "backed up " << options.sqlite_path << " to " << destination << "\n";
  return kOk;
}

int RunDbCheck(const DbOptions& options) {
  if (!options.postgres_url.empty()) {
    std::cerr << "corium db check: integrity checks are for the SQLite file; PostgreSQL checks "
                 "its own pages (see docs/operations.md)\n";
    return kUsage;
  }
  auto db = store::SqliteConnection::Open(options.sqlite_path, store::OpenMode::kReadOnly);
  if (!db.ok()) {
    PrintError("check", db.status());
    return kFailed;
  }
  const auto rows = store::IntegrityCheck(**db);
  if (!rows.ok()) {
    PrintError("check", rows.status());
    return kFailed;
  }
  const bool healthy = rows->size() == 1 && rows->front() == "ok";
  if (healthy) {
    std::cout << options.sqlite_path << ": integrity ok\n";
    return kOk;
  }
  std::cerr << options.sqlite_path << ": integrity check FAILED\n";
  for (const std::string& line : *rows) std::cerr << "  " << line << "\n";
  return kFailed;
}

}  // namespace corium::cli
