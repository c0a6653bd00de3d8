// PostgresConnection: the SqlConnection for clinic groups that share one PostgreSQL database, a
// thin RAII wrapper over libpq. Not thread-safe: one thread at a time uses a connection (one per
// worker).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corium/base/result.h"
#include "corium/store/sql.h"

// libpq's handle, declared here so that callers do not include libpq-fe.h.
struct pg_conn;

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

  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Begin(TransactionKind kind) override;
  // Fails if the transaction had already failed: PostgreSQL answers COMMIT in an aborted
  // transaction with a ROLLBACK and no error, which must not look like success.
  Status Commit() override;
  Status Rollback() override;

  // Parameters are sent as text with no declared type, so the server infers each one from its
  // context, as SQLite's affinity does: an INTEGER 1 binds to a BIGINT or a BOOLEAN column alike.
  // Where the context says nothing (`SELECT $1 + 1`), write a cast (`$1::bigint`). Results convert
  // by column type: integers and booleans to int64, float and numeric to double (numeric beyond
  // 15 significant digits loses precision), everything else to text, NULL to monostate.
  Result<std::vector<SqlRow>> Query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override;
  Result<std::int64_t> Execute(std::string_view sql, const std::vector<SqlValue>& params) override;
  // Runs as one implicit transaction unless the script itself says BEGIN/COMMIT, so a failing
  // statement undoes the ones before it.
  Status ExecuteScript(std::string_view sql) override;

 private:
  struct ConnDeleter {
    void operator()(pg_conn* conn) const;
  };
  using ConnPtr = std::unique_ptr<pg_conn, ConnDeleter>;

  explicit PostgresConnection(ConnPtr conn) : conn_(std::move(conn)) {}

  // Runs a transaction-control statement and checks that the server answered with `expected_tag`.
  Status RunControl(const char* sql, std::string_view expected_tag);

  ConnPtr conn_;
};

}  // namespace corium::store
