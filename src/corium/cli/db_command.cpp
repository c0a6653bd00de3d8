#include <chrono>
#include <filesystem>
#include <iostream>

#include "corium/cli/commands.h"
#include "corium/store/migrations.h"
#include "corium/store/postgres/postgres_connection.h"
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

Result<std::unique_ptr<store::SqlConnection>> Connect(const DbOptions& options) {
  if (!options.postgres_url.empty()) {
    CORIUM_ASSIGN_OR_RETURN(auto pg, store::PostgresConnection::Open(options.postgres_url));
    return std::unique_ptr<store::SqlConnection>(std::move(pg));
  }
  // The first migrate creates the data directory as well as the file.
  const std::filesystem::path parent = std::filesystem::path(options.sqlite_path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  CORIUM_ASSIGN_OR_RETURN(
      auto db, store::SqliteConnection::Open(options.sqlite_path,
                                             store::OpenMode::kReadWriteCreate));
  return std::unique_ptr<store::SqlConnection>(std::move(db));
}

void PrintError(const std::string& what, const Status& status) {
  std::cerr << "corium db " << what << ": " << status.message() << "\n";
}

}  // namespace

int RunDbMigrate(const DbOptions& options) {
  auto db = Connect(options);
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
  auto db = store::SqliteConnection::Open(options.sqlite_path,
                                          store::OpenMode::kReadOnly);
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
  auto db = store::SqliteConnection::Open(options.sqlite_path,
                                          store::OpenMode::kReadOnly);
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
