#include "corium/store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <climits>
#include <mutex>
#include <string>
#include <utility>

#include "corium/store/sqlite/placeholders.h"
#include "corium/store/sqlite/sqlite_error.h"

namespace corium::store {
namespace {

// One gate per database file for the whole process; connections keep theirs alive.
std::shared_ptr<std::timed_mutex> WriterGateFor(const std::string& file) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<std::timed_mutex>> registry;
  std::lock_guard lock(registry_mutex);
  auto& slot = registry[file];
  std::shared_ptr<std::timed_mutex> gate = slot.lock();
  if (!gate) {
    gate = std::make_shared<std::timed_mutex>();
    slot = gate;
  }
  return gate;
}

// SQLITE_STATIC without its C-style cast: SQLite reads bound text in place. Safe because every
// use ends with sqlite3_clear_bindings, before the caller's parameters go away.
constexpr sqlite3_destructor_type kBorrowed = nullptr;

// Resets a cached statement when a call ends, however it ends, so that it holds no read lock and
// no pointer into the caller's parameters once the call returns.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* statement) : statement_(statement) {}
  ~ResetOnExit() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* statement_;
};

// Before the library's first use in the process: no memory statistics. With them on (the default)
// every allocation SQLite makes takes a global mutex to count itself, and Debian's SQLite is built
// without lookaside memory, so a chart commit's thousands of small allocations each paid for it
// (bench/RESULTS.md). Corium reads none of those statistics. Once SQLite is initialised (a
// connection was opened elsewhere first) the call is refused and changes nothing.
void ConfigureLibraryOnce() {
  static std::once_flag once;
  std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

int OpenFlags(OpenMode mode) {
  const int common = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  switch (mode) {
    case OpenMode::kReadWriteCreate:
      return common | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case OpenMode::kReadWrite:
      return common | SQLITE_OPEN_READWRITE;
    case OpenMode::kReadOnly:
      return common | SQLITE_OPEN_READONLY;
  }
  return common | SQLITE_OPEN_READONLY;
}

std::string Text(const unsigned char* text, int bytes) {
  return {reinterpret_cast<const char*>(text), static_cast<size_t>(bytes)};
}

}  // namespace

void SqliteConnection::DatabaseCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

void SqliteConnection::StatementFinalizer::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

SqliteConnection::SqliteConnection(DatabaseHandle db) : db_(std::move(db)) {}

SqliteConnection::~SqliteConnection() = default;

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(
    const std::string& path, OpenMode mode, std::chrono::milliseconds busy_timeout) {
  ConfigureLibraryOnce();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, OpenFlags(mode), nullptr);
  // SQLite usually hands back a handle even when opening fails; it must still be closed.
  DatabaseHandle db(raw);
  if (rc != SQLITE_OK) {
    return SqliteStatus(rc, raw != nullptr ? sqlite3_errmsg(raw) : "", "open " + path);
  }
  // Without this, SQLite takes `"name"` for the string 'name' when no column is called name: a
  // typo that PostgreSQL rejects would pass every SQLite test.
  if (sqlite3_db_config(raw, SQLITE_DBCONFIG_DQS_DML, 0, static_cast<int*>(nullptr)) != SQLITE_OK ||
      sqlite3_db_config(raw, SQLITE_DBCONFIG_DQS_DDL, 0, static_cast<int*>(nullptr)) != SQLITE_OK) {
    return Status::Internal("sqlite: cannot turn off double-quoted string literals");
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(std::move(db)));
  CORIUM_RETURN_IF_ERROR(connection->ApplySettings(mode, busy_timeout));
  const char* file = sqlite3_db_filename(raw, "main");
  if (mode != OpenMode::kReadOnly && file != nullptr && *file != '\0') {
    connection->writer_gate_ = WriterGateFor(file);
    connection->busy_timeout_ = busy_timeout;
  }
  return connection;
}

Status SqliteConnection::ApplySettings(OpenMode mode, std::chrono::milliseconds busy_timeout) {
  // busy_timeout first: switching to WAL below needs a lock that another connection may hold.
  CORIUM_RETURN_IF_ERROR(
      ExecuteScript("PRAGMA busy_timeout=" + std::to_string(busy_timeout.count()) +
                    "; PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;"));
  if (mode == OpenMode::kReadOnly) return Status::Ok();
  // 1 KiB pages for a database this call creates (on an existing file the pragma changes nothing;
  // SQLite fixes the page size at the first write, which WAL mode below makes). A chart commit
  // writes about ten pages to the WAL, each checksummed and written whole before the fsync: with
  // 1 KiB pages instead of 4 KiB that is a quarter of the bytes, and durable chart commits, bare
  // inserts, recall and screen-and-store all ran faster in records_bench (bench/RESULTS.md).
  CORIUM_RETURN_IF_ERROR(ExecuteScript("PRAGMA page_size=" + std::to_string(kNewDatabasePageSize)));
  CORIUM_ASSIGN_OR_RETURN(std::vector<SqlRow> journal, Query("PRAGMA journal_mode=WAL", {}));
  const std::string journal_mode = journal.empty() ? "" : journal.front().Text(0);
  // An in-memory database has no file name and keeps its journal in memory; a file must be WAL.
  const char* file = sqlite3_db_filename(db_.get(), "main");
  const bool in_memory = file == nullptr || *file == '\0';
  if (!in_memory && journal_mode != "wal") {
    return Status::Unavailable("sqlite: cannot switch to WAL, journal_mode is '" + journal_mode +
                               "'");
  }
  // Durable commits for clinical data; Debian's default already, but not every build's.
  return ExecuteScript("PRAGMA synchronous=FULL;");
}

Status SqliteConnection::Begin(TransactionKind kind) {
  if (kind != TransactionKind::kWrite) return Run("BEGIN", {}, nullptr).status();
  if (writer_gate_) {
    writer_lock_ = std::unique_lock<std::timed_mutex>(*writer_gate_, std::defer_lock);
    if (!writer_lock_.try_lock_for(busy_timeout_)) {
      return Status::Unavailable("sqlite: the database is busy with another write transaction");
    }
  }
  Status begun = Run("BEGIN IMMEDIATE", {}, nullptr).status();
  if (!begun.ok()) ReleaseWriterGate();
  return begun;
}

Status SqliteConnection::Commit() {
  Result<std::int64_t> committed = Run("COMMIT", {}, nullptr);
  if (!committed.ok() && sqlite3_get_autocommit(db_.get()) == 0) (void)Run("ROLLBACK", {}, nullptr);
  ReleaseWriterGate();
  return committed.ok() ? Status::Ok() : committed.status();
}

Status SqliteConnection::Rollback() {
  Status rolled_back = Status::Ok();
  if (sqlite3_get_autocommit(db_.get()) == 0) rolled_back = Run("ROLLBACK", {}, nullptr).status();
  ReleaseWriterGate();
  return rolled_back;
}

Result<std::vector<SqlRow>> SqliteConnection::Query(std::string_view sql,
                                                    const std::vector<SqlValue>& params) {
  std::vector<SqlRow> rows;
  CORIUM_RETURN_IF_ERROR(Run(sql, params, &rows).status());
  return rows;
}

Result<std::int64_t> SqliteConnection::Execute(std::string_view sql,
                                               const std::vector<SqlValue>& params) {
  return Run(sql, params, nullptr);
}

Result<std::int64_t> SqliteConnection::InsertReturningId(std::string_view insert_sql,
                                                         const std::vector<SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t inserted, Run(insert_sql, params, nullptr));
  if (inserted != 1) {
    return Status::Internal("sqlite: expected one row inserted, not " + std::to_string(inserted) +
                            ", in: " + std::string(insert_sql));
  }
  // Rows a trigger inserts do not count: the value reverts when the trigger ends.
  return std::int64_t{sqlite3_last_insert_rowid(db_.get())};
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
  const std::string script(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_.get(), script.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = SqliteStatus(rc, error != nullptr ? error : sqlite3_errmsg(db_.get()), "script");
  sqlite3_free(error);
  return status;
}

Result<std::int64_t> SqliteConnection::Run(std::string_view sql,
                                           const std::vector<SqlValue>& params,
                                           std::vector<SqlRow>* rows) {
  CORIUM_ASSIGN_OR_RETURN(sqlite3_stmt * statement, Prepare(sql));
  const ResetOnExit reset(statement);
  CORIUM_RETURN_IF_ERROR(Bind(statement, params, sql));
  while (true) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return Failure(rc, sql);
    if (rows == nullptr) continue;
    CORIUM_ASSIGN_OR_RETURN(SqlRow row, ReadRow(statement, sql));
    rows->push_back(std::move(row));
  }
  // sqlite3_changes64 keeps the count of the last write, so a read must not report it.
  if (sqlite3_stmt_readonly(statement) != 0) return std::int64_t{0};
  return std::int64_t{sqlite3_changes64(db_.get())};
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql) {
  if (auto cached = statements_.find(sql); cached != statements_.end()) return cached->second.get();
  const std::string rewritten = RewritePlaceholders(sql);
  if (rewritten.size() >= static_cast<size_t>(INT_MAX)) {
    return Status::Internal("sqlite: statement too long");
  }
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), rewritten.data(), static_cast<int>(rewritten.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  StatementHandle statement(raw);
  if (rc != SQLITE_OK) return Failure(rc, sql);
  if (statement == nullptr) return Status::Internal("sqlite: no statement in: " + std::string(sql));
  CORIUM_RETURN_IF_ERROR(CheckSingleStatement(tail, rewritten.data() + rewritten.size(), sql));
  CORIUM_RETURN_IF_ERROR(CheckPlaceholders(statement.get(), sql));
  return statements_.emplace(std::string(sql), std::move(statement)).first->second.get();
}

// A second statement after the first would be silently ignored by sqlite3_prepare; only
// whitespace and comments may follow.
Status SqliteConnection::CheckSingleStatement(const char* tail, const char* end,
                                              std::string_view sql) {
  if (tail == nullptr || tail == end) return Status::Ok();
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db_.get(), tail, static_cast<int>(end - tail), &raw, nullptr);
  const StatementHandle rest(raw);
  if (rc == SQLITE_OK && rest == nullptr) return Status::Ok();
  return Status::Internal("sqlite: more than one statement in: " + std::string(sql));
}

// `:name`, `@name` and `$name` would bind by position without a word of warning; Corium's SQL
// uses `$N` only, which arrives here as `?N`.
Status SqliteConnection::CheckPlaceholders(sqlite3_stmt* statement, std::string_view sql) {
  const int count = sqlite3_bind_parameter_count(statement);
  for (int index = 1; index <= count; ++index) {
    const char* name = sqlite3_bind_parameter_name(statement, index);
    // A gap (`$2` without `$1`) has no name; PostgreSQL rejects it when it prepares.
    if (name != nullptr && name[0] != '?') {
      return Status::Internal("sqlite: use $1, $2… placeholders only, in: " + std::string(sql));
    }
  }
  return Status::Ok();
}

Status SqliteConnection::Bind(sqlite3_stmt* statement, const std::vector<SqlValue>& params,
                              std::string_view sql) {
  const auto expected = static_cast<size_t>(sqlite3_bind_parameter_count(statement));
  if (params.size() != expected) {
    return Status::Internal("sqlite: statement takes " + std::to_string(expected) +
                            " parameters, got " + std::to_string(params.size()) +
                            ", in: " + std::string(sql));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    const SqlValue& value = params[i];
    int rc = SQLITE_OK;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(statement, index, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      rc =
          sqlite3_bind_text64(statement, index, text->data(), text->size(), kBorrowed, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) return Failure(rc, sql);
  }
  return Status::Ok();
}

Result<SqlRow> SqliteConnection::ReadRow(sqlite3_stmt* statement, std::string_view sql) {
  const int columns = sqlite3_column_count(statement);
  SqlRow row;
  row.values.reserve(static_cast<size_t>(columns));
  for (int column = 0; column < columns; ++column) {
    switch (sqlite3_column_type(statement, column)) {
      case SQLITE_INTEGER: {
        const std::int64_t integer = sqlite3_column_int64(statement, column);
        row.values.emplace_back(integer);
        break;
      }
      case SQLITE_FLOAT:
        row.values.emplace_back(sqlite3_column_double(statement, column));
        break;
      case SQLITE_TEXT: {
        const unsigned char* text = sqlite3_column_text(statement, column);
        // NULL here means SQLite ran out of memory converting the value.
        if (text == nullptr) return Failure(SQLITE_NOMEM, sql);
        row.values.emplace_back(Text(text, sqlite3_column_bytes(statement, column)));
        break;
      }
      case SQLITE_BLOB: {
        // An empty blob comes back as NULL; its size is then 0.
        const void* blob = sqlite3_column_blob(statement, column);
        const int bytes = sqlite3_column_bytes(statement, column);
        row.values.emplace_back(bytes == 0 ? std::string()
                                           : Text(static_cast<const unsigned char*>(blob), bytes));
        break;
      }
      default:
        row.values.emplace_back(std::monostate{});
        break;
    }
  }
  return row;
}

Status SqliteConnection::Failure(int code, std::string_view sql) {
  return SqliteStatus(code, sqlite3_errmsg(db_.get()), sql);
}

}  // namespace corium::store
