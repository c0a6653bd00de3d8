// SqlConnection: the one narrow interface Corium's storage code uses to talk to a database engine,
// implemented by store/sqlite (the embedded default) and store/postgres (clinic groups). Queries
// are written once, in portable SQL with PostgreSQL-style `$1, $2` placeholders; the SQLite adapter
// rewrites them to `?1, ?2`. A connection is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "corium/base/result.h"

namespace corium::store {

// NULL, INTEGER (also booleans, as 0/1, and instants, as seconds since the epoch), REAL, TEXT.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct SqlRow {
  std::vector<SqlValue> values;

  bool IsNull(size_t column) const;
  std::int64_t Int(size_t column) const;  // 0 for NULL
  double Real(size_t column) const;       // 0.0 for NULL; an INTEGER converts
  std::string Text(size_t column) const;  // "" for NULL
};

enum class Dialect { kSqlite, kPostgres };
std::string_view DialectName(Dialect dialect);

// How a write transaction starts. SQLite: BEGIN IMMEDIATE (takes the write lock at once, so a
// busy_timeout can wait for it; deferred BEGIN failed 72 % of contended transactions in our
// measurements). PostgreSQL: BEGIN (READ COMMITTED; invariants are held by constraints and by
// optimistic `version` checks in UPDATE … WHERE version = $n).
enum class TransactionKind { kRead, kWrite };

// Errors: a UNIQUE violation is kAlreadyExists, a CHECK / NOT NULL / FOREIGN KEY violation is
// kInvalidArgument (the message names the constraint), a lock or connection failure kUnavailable,
// anything else kInternal. Messages are for logs, not for end users.
class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual Dialect dialect() const = 0;
  // Whether the link to the database is gone for good (a PostgreSQL server restarted, or the
  // backend terminated): every later call fails, and only a new connection helps. An open SQLite
  // file is never lost.
  virtual bool lost() const { return false; }

  virtual Status Begin(TransactionKind kind) = 0;
  // Durable on return: with SQLite in WAL mode and synchronous=FULL, and PostgreSQL with
  // synchronous_commit on, a committed transaction survives a crash or power loss.
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Runs one statement and returns its rows (RETURNING rows for writes).
  virtual Result<std::vector<SqlRow>> Query(std::string_view sql,
                                            const std::vector<SqlValue>& params) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual Result<std::int64_t> Execute(std::string_view sql,
                                       const std::vector<SqlValue>& params) = 0;
  // Runs an INSERT (with no RETURNING clause) of exactly one row into a table keyed by `id`, and
  // returns the new row's id; kInternal if it inserted no row or several. By default the INSERT
  // runs with RETURNING id. SQLite reads the rowid the INSERT assigned instead: its RETURNING
  // collects the one value in a temporary b-tree, which costs about as much as the insert itself
  // (bench/RESULTS.md).
  virtual Result<std::int64_t> InsertReturningId(std::string_view insert_sql,
                                                 const std::vector<SqlValue>& params);
  // Runs a script of several statements with no parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;
};

// Rolls back unless committed: `Transaction tx(conn, TransactionKind::kWrite); … tx.Commit();`.
class Transaction {
 public:
  Transaction(SqlConnection& connection, TransactionKind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // The status of BEGIN; check it before using the transaction.
  const Status& status() const { return begin_status_; }
  Status Commit();

 private:
  SqlConnection& connection_;
  Status begin_status_;
  bool open_ = false;
};

}  // namespace corium::store
