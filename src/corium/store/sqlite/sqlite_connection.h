// SqliteConnection: the SqlConnection of the embedded default engine, a thin RAII wrapper over the
// sqlite3 C API. Opened with SQLITE_OPEN_NOMUTEX: one thread at a time uses a connection, so give
// each worker its own (SQLite serialises the writers of one file between connections).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "corium/base/result.h"
#include "corium/store/sql.h"

struct sqlite3;
struct sqlite3_stmt;

namespace corium::store {

enum class OpenMode { kReadWriteCreate, kReadWrite, kReadOnly };

class SqliteConnection final : public SqlConnection {
 public:
  // How long a statement waits for another connection's lock before reporting kUnavailable.
  static constexpr std::chrono::milliseconds kDefaultBusyTimeout{5000};
  // The page size of a database file this class creates; an existing file keeps its own.
  static constexpr int kNewDatabasePageSize = 1024;

  // Opens `path` (":memory:" for a private in-memory database) and applies Corium's settings:
  // WAL with synchronous=FULL (a commit is durable on return; refused if a file database cannot
  // switch to WAL), kNewDatabasePageSize for a new file, foreign keys on, the busy timeout,
  // trusted_schema off, and double-quoted strings rejected so that `"x"` is an identifier here as
  // in PostgreSQL. A read-only connection leaves the journal mode as the file has it. kUnavailable
  // if the file cannot be opened.
  static Result<std::unique_ptr<SqliteConnection>> Open(
      const std::string& path, OpenMode mode,
      std::chrono::milliseconds busy_timeout = kDefaultBusyTimeout);

  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }

  // kWrite is BEGIN IMMEDIATE: the write lock is taken here, where busy_timeout can wait for it,
  // rather than at the first write, where a deferred transaction could only fail. Connections of
  // one process to one file first queue on an in-process gate, so that they wait for each other
  // in order instead of in SQLite's busy handler, which sleeps up to 100 ms per retry (other
  // processes still meet busy_timeout). Waiting longer than the busy timeout is kUnavailable.
  Status Begin(TransactionKind kind) override;
  // If COMMIT fails (a deferred constraint, an I/O error), the transaction is rolled back, so
  // that after Commit returns no transaction is open either way.
  Status Commit() override;
  // Ok when no transaction is open: SQLite ends one by itself after some errors.
  Status Rollback() override;

  // One statement per call with `$N` placeholders; params[0] binds `$1`. The number of params must
  // match the highest `$N` (kInternal otherwise: a programming error, as in PostgreSQL).
  Result<std::vector<SqlRow>> Query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override;
  // The rows changed by an INSERT, UPDATE or DELETE (not counting triggers); 0 for a read.
  Result<std::int64_t> Execute(std::string_view sql, const std::vector<SqlValue>& params) override;
  // The rowid the INSERT assigned, which is `id` in every Corium table (INTEGER PRIMARY KEY).
  Result<std::int64_t> InsertReturningId(std::string_view insert_sql,
                                         const std::vector<SqlValue>& params) override;
  Status ExecuteScript(std::string_view sql) override;

  // The raw handle, for the backup and maintenance functions in this folder (backup.h); all other
  // code goes through SqlConnection.
  sqlite3* handle() { return db_.get(); }

 private:
  struct DatabaseCloser {
    void operator()(sqlite3* db) const;
  };
  struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const;
  };
  using DatabaseHandle = std::unique_ptr<sqlite3, DatabaseCloser>;
  using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

  explicit SqliteConnection(DatabaseHandle db);
  void ReleaseWriterGate() {
    if (writer_lock_.owns_lock()) writer_lock_.unlock();
  }

  Status ApplySettings(OpenMode mode, std::chrono::milliseconds busy_timeout);
  // The cached statement for `sql`, prepared (and its placeholders rewritten) on first use.
  Result<sqlite3_stmt*> Prepare(std::string_view sql);
  Status CheckSingleStatement(const char* tail, const char* end, std::string_view sql);
  Status CheckPlaceholders(sqlite3_stmt* statement, std::string_view sql);
  Status Bind(sqlite3_stmt* statement, const std::vector<SqlValue>& params, std::string_view sql);
  Result<SqlRow> ReadRow(sqlite3_stmt* statement, std::string_view sql);
  // Runs `sql` to completion, appending its rows to `rows` if given; returns the changed-row count.
  Result<std::int64_t> Run(std::string_view sql, const std::vector<SqlValue>& params,
                           std::vector<SqlRow>* rows);
  Status Failure(int code, std::string_view sql);

  // Declared first so that it is destroyed last, after every statement has been finalized.
  DatabaseHandle db_;
  std::shared_ptr<std::timed_mutex>
      writer_gate_;  // shared by this process's connections to the file
  std::unique_lock<std::timed_mutex> writer_lock_;
  std::chrono::milliseconds busy_timeout_ = kDefaultBusyTimeout;
  // Keyed by the caller's SQL text. Corium's statements are literals in its own code, so the cache
  // is bounded by the program text; a prepared statement saves the parse on every call.
  std::map<std::string, StatementHandle, std::less<>> statements_;
};

}  // namespace corium::store
