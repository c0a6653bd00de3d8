#include "corium/store/sqlite/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "corium/store/sqlite/sqlite_error.h"

namespace corium::store {
namespace {

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

// Creates an empty file that did not exist: O_EXCL makes "refuse to overwrite" hold even when two
// backups race for the same name. SQLite opens an empty file as an empty database.
Status CreateNewFile(const std::string& path) {
  // A journal left beside the name would be taken for a hot journal of the new file and replayed
  // into the backup, so its presence refuses the backup as well.
  for (const char* suffix : {"-journal", "-wal"}) {
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(path + suffix, error))) {
      return {StatusCode::kAlreadyExists, "backup destination " + path + suffix + " exists"};
    }
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    std::string message = "backup destination " + path + ": " + std::strerror(error);
    if (error == EEXIST) return {StatusCode::kAlreadyExists, std::move(message)};
    return Status::Unavailable(std::move(message));
  }
  ::close(fd);
  return Status::Ok();
}

Status CopyPages(sqlite3* source, const std::string& destination_path) {
  sqlite3* raw = nullptr;
  const int open_rc = sqlite3_open_v2(destination_path.c_str(), &raw,
                                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  const std::unique_ptr<sqlite3, DatabaseCloser> destination(raw);
  if (open_rc != SQLITE_OK) {
    return SqliteStatus(open_rc, raw != nullptr ? sqlite3_errmsg(raw) : "",
                        "open backup " + destination_path);
  }
  sqlite3_backup* backup = sqlite3_backup_init(raw, "main", source, "main");
  if (backup == nullptr) {
    return SqliteStatus(sqlite3_extended_errcode(raw), sqlite3_errmsg(raw), "backup init");
  }
  // All pages in one step: the source holds a read transaction meanwhile, which in WAL mode does
  // not block writers, and the copy is one consistent snapshot.
  const int step_rc = sqlite3_backup_step(backup, -1);
  const int finish_rc = sqlite3_backup_finish(backup);
  if (step_rc != SQLITE_DONE) return SqliteStatus(step_rc, sqlite3_errstr(step_rc), "backup step");
  if (finish_rc != SQLITE_OK) {
    return SqliteStatus(finish_rc, sqlite3_errmsg(raw), "backup finish");
  }
  return Status::Ok();
}

}  // namespace

Status BackupTo(SqliteConnection& from, const std::string& destination_path) {
  CORIUM_RETURN_IF_ERROR(CreateNewFile(destination_path));
  Status copied = CopyPages(from.handle(), destination_path);
  if (!copied.ok()) {
    // The file is ours (O_EXCL above) and incomplete; a half backup must not pass for a backup.
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      std::filesystem::remove(destination_path + suffix, ignored);
    }
  }
  return copied;
}

Result<std::vector<std::string>> IntegrityCheck(SqliteConnection& connection) {
  CORIUM_ASSIGN_OR_RETURN(std::vector<SqlRow> rows, connection.Query("PRAGMA integrity_check", {}));
  std::vector<std::string> lines;
  lines.reserve(rows.size());
  for (const SqlRow& row : rows) lines.push_back(row.Text(0));
  return lines;
}

}  // namespace corium::store
