// PostgresConnection: the SqlConnection for clinic groups that share one PostgreSQL database, a
// thin RAII wrapper over libpq. Not thread-safe: one thread at a time uses a connection (one per
// worker).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corium/base/result.h"
#include "corium/store/sql.h"

// libpq's handles, declared here so that callers do not include libpq-fe.h.
struct pg_conn;
struct pg_result;

namespace corium::store {

// The Status code for a PostgreSQL SQLSTATE, as sql.h prescribes: 23505 (unique) is kAlreadyExists;
// other integrity violations and data exceptions (class 22) are kInvalidArgument; serialization
// failures, deadlocks, lock timeouts and connection failures are kUnavailable (worth a retry on a
// fresh transaction or connection); anything else is kInternal.
StatusCode StatusCodeForSqlState(std::string_view sqlstate);

class PostgresConnection final : public SqlConnection {
 public:
  // Connects with a libpq conninfo string ("host=… port=… user=… dbname=…" or a postgresql:// URL)
  // and pins the session settings the storage code relies on: UTF-8 text, UTC, durable commits.
  // Any failure to connect is kUnavailable; the message never repeats the conninfo (it may hold a
  // password).
  static Result<std::unique_ptr<PostgresConnection>> Open(const std::string& conninfo);

  struct ResultDeleter {
    void operator()(pg_result* result) const;
  };
  using ResultPtr = std::unique_ptr<pg_result, ResultDeleter>;

  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool lost() const override;

  Status Begin(TransactionKind kind) override;
  // Fails if the transaction had already failed: PostgreSQL answers COMMIT in an aborted
  // transaction with a ROLLBACK and no error, which must not look like success.
  Status Commit() override;
  Status Rollback() override;

  // Each distinct SQL text is prepared on the connection the first time it runs (PQprepare, a
  // named statement kept for the session) and executed by name afterwards, so the server parses
  // and plans it once per connection rather than on every call. Prepared statements are not
  // transactional: one prepared in a transaction that rolls back stays usable. PostgreSQL
  // re-plans a prepared statement by itself when a table it reads changes or search_path moves; if
  // the columns a statement returns changed, it is prepared again (within a transaction, after
  // the call that found out failed).
  // Parameters are sent as text with no declared type, so the server infers each one from its
  // context, as SQLite's affinity does: an INTEGER 1 binds to a BIGINT or a BOOLEAN column alike.
  // Where the context says nothing (`SELECT $1 + 1`), write a cast (`$1::bigint`). Results convert
  // by column type: integers and booleans to int64, float and numeric to double (numeric beyond
  // 15 significant digits loses precision), everything else to text, NULL to monostate.
  Result<std::vector<SqlRow>> Query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override;
  Result<std::int64_t> Execute(std::string_view sql, const std::vector<SqlValue>& params) override;
  // Runs with the simple protocol (nothing is prepared or cached), as one implicit transaction
  // unless the script itself says BEGIN/COMMIT, so a failing statement undoes the ones before it.
  Status ExecuteScript(std::string_view sql) override;

 private:
  struct ConnDeleter {
    void operator()(pg_conn* conn) const;
  };
  using ConnPtr = std::unique_ptr<pg_conn, ConnDeleter>;

  explicit PostgresConnection(ConnPtr conn) : conn_(std::move(conn)) {}

  // Runs a transaction-control statement and checks that the server answered with `expected_tag`.
  Status RunControl(const char* sql, std::string_view expected_tag);
  // The name of the statement prepared for `sql` on this connection, preparing it on first use.
  Result<const char*> PreparedName(std::string_view sql);
  // Runs one statement with text parameters and returns its successful result.
  Result<ResultPtr> Run(std::string_view sql, const std::vector<SqlValue>& params);

  ConnPtr conn_;
  // Keyed by the caller's SQL text, which in Corium is a literal of its own code, so the cache is
  // bounded by the program text (as SqliteConnection's); the value is the statement's name.
  std::map<std::string, std::string, std::less<>> statements_;
  std::int64_t statements_prepared_ = 0;
};

}  // namespace corium::store
