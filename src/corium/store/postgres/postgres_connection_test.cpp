#include "corium/store/postgres/postgres_connection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "corium/store/postgres/postgres_test_database.h"

namespace corium::store {
namespace {

using Params = std::vector<SqlValue>;

// These tests need no server: they run, and must pass, everywhere.

TEST(PostgresSqlState, MapsToTheCodesSqlHPrescribes) {
  EXPECT_EQ(StatusCodeForSqlState("23505"), StatusCode::kAlreadyExists);
  for (const char* state :
       {"23502", "23503", "23514", "23P01", "22001", "22003", "22012", "22P02"}) {
    EXPECT_EQ(StatusCodeForSqlState(state), StatusCode::kInvalidArgument) << state;
  }
  for (const char* state : {"40001", "40P01", "55P03", "08006", "08001", "57P01"}) {
    EXPECT_EQ(StatusCodeForSqlState(state), StatusCode::kUnavailable) << state;
  }
  for (const char* state : {"42P01", "42601", "23000", "XX000", ""}) {
    EXPECT_EQ(StatusCodeForSqlState(state), StatusCode::kInternal) << state;
  }
}

TEST(PostgresConnection, RefusedConnectionIsUnavailableWithAClearMessage) {
  // Port 1 on loopback: nothing listens there, so the refusal is immediate.
  const auto opened = PostgresConnection::Open(
      "host=127.0.0.1 port=1 user=postgres dbname=corium_test password=secret connect_timeout=5");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  const std::string& message = opened.status().message();
  EXPECT_NE(message.find("cannot connect to PostgreSQL"), std::string::npos) << message;
  EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << "the password leaked: " << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << "a log message is one line: " << message;
}

TEST(PostgresConnection, MalformedConninfoIsUnavailable) {
  const auto opened = PostgresConnection::Open("no_such_option=1");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(opened.status().message().find("no_such_option"), std::string::npos)
      << opened.status().message();
}

// The rest need the server from CORIUM_TEST_PG_URL (scripts/with-postgres provides one).

class PostgresConnectionTest : public PostgresTest {
 protected:
  void Run(std::string_view sql, const Params& params = {}) {
    const Result<std::int64_t> done = connection().Execute(sql, params);
    ASSERT_TRUE(done.ok()) << sql << ": " << done.status().ToString();
  }

  std::vector<SqlRow> Rows(std::string_view sql, const Params& params = {}) {
    Result<std::vector<SqlRow>> rows = connection().Query(sql, params);
    EXPECT_TRUE(rows.ok()) << sql << ": " << rows.status().ToString();
    return rows.ok() ? std::move(rows).value() : std::vector<SqlRow>{};
  }

  std::int64_t Count(std::string_view table) {
    const std::vector<SqlRow> rows = Rows("SELECT count(*) FROM " + std::string(table));
    return rows.empty() ? -1 : rows[0].Int(0);
  }
};

TEST_F(PostgresConnectionTest, SessionIsUtcUtf8AndCommitsSynchronously) {
  EXPECT_EQ(Rows("SELECT current_setting('TimeZone')").at(0).Text(0), "UTC");
  EXPECT_EQ(Rows("SELECT current_setting('client_encoding')").at(0).Text(0), "UTF8");
  EXPECT_EQ(Rows("SELECT current_setting('synchronous_commit')").at(0).Text(0), "on");
  EXPECT_EQ(connection().dialect(), Dialect::kPostgres);
}

TEST_F(PostgresConnectionTest, Int64ExtremesRoundTrip) {
  Run("CREATE TABLE n (k integer PRIMARY KEY, v bigint)");
  const std::vector<std::int64_t> values = {std::numeric_limits<std::int64_t>::min(),
                                            std::numeric_limits<std::int64_t>::max(), 0, -1, 1};
  for (size_t i = 0; i < values.size(); ++i) {
    Run("INSERT INTO n (k, v) VALUES ($1, $2)", {std::int64_t(i), values[i]});
  }
  const std::vector<SqlRow> rows = Rows("SELECT k, v FROM n ORDER BY k");
  ASSERT_EQ(rows.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    ASSERT_TRUE(std::holds_alternative<std::int64_t>(rows[i].values[1]));
    EXPECT_EQ(std::get<std::int64_t>(rows[i].values[1]), values[i]);
  }
  // A parameter compared with a bigint column is read as bigint, not as text.
  EXPECT_EQ(Rows("SELECT k FROM n WHERE v = $1", {values[1]}).at(0).Int(0), 1);
}

TEST_F(PostgresConnectionTest, EveryIntegerTypeComesBackAsInt64) {
  const std::vector<SqlRow> rows = Rows(
      "SELECT 7::smallint, (-8)::integer, 9000000000::bigint, $1::bigint", {std::int64_t{-42}});
  ASSERT_EQ(rows.size(), 1u);
  const std::vector<SqlValue> expected = {std::int64_t{7}, std::int64_t{-8},
                                          std::int64_t{9000000000}, std::int64_t{-42}};
  EXPECT_EQ(rows[0].values, expected);
}

TEST_F(PostgresConnectionTest, DoublesRoundTripBitForBit) {
  Run("CREATE TABLE d (k integer PRIMARY KEY, v double precision)");
  const std::vector<double> values = {0.1,
                                      1.0 / 3.0,
                                      -2.5,
                                      0.0,
                                      1e-300,
                                      std::numeric_limits<double>::denorm_min(),
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::lowest(),
                                      std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity()};
  for (size_t i = 0; i < values.size(); ++i) {
    Run("INSERT INTO d (k, v) VALUES ($1, $2)", {std::int64_t(i), values[i]});
  }
  const std::vector<SqlRow> rows = Rows("SELECT v FROM d ORDER BY k");
  ASSERT_EQ(rows.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    ASSERT_TRUE(std::holds_alternative<double>(rows[i].values[0])) << i;
    EXPECT_EQ(std::get<double>(rows[i].values[0]), values[i]) << i;
  }
  const std::vector<SqlRow> nan = Rows("SELECT $1::double precision", {std::nan("")});
  EXPECT_TRUE(std::isnan(nan.at(0).Real(0)));
}

TEST_F(PostgresConnectionTest, RealAndNumericComeBackAsDouble) {
  const std::vector<SqlRow> rows =
      Rows("SELECT 1.5::real, 12.250::numeric, $1::numeric", {std::string("0.1")});
  ASSERT_EQ(rows.size(), 1u);
  const std::vector<SqlValue> expected = {1.5, 12.25, 0.1};
  EXPECT_EQ(rows[0].values, expected);
}

TEST_F(PostgresConnectionTest, TextWithQuotesAndUnicodeRoundTrips) {
  Run("CREATE TABLE s (k integer PRIMARY KEY, v text)");
  const std::vector<std::string> values = {
      "O'Brien", "say \"hi\"", "back\\slash",          "Zoë — 日本語 🧴",
      "",        "$1 and ?1",  "'); DROP TABLE s; --", "line one\nline two\ttab"};
  for (size_t i = 0; i < values.size(); ++i) {
    Run("INSERT INTO s (k, v) VALUES ($1, $2)", {std::int64_t(i), values[i]});
  }
  const std::vector<SqlRow> rows = Rows("SELECT v, octet_length(v) FROM s ORDER BY k");
  ASSERT_EQ(rows.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    ASSERT_TRUE(std::holds_alternative<std::string>(rows[i].values[0])) << i;
    EXPECT_EQ(rows[i].Text(0), values[i]);
    EXPECT_EQ(rows[i].Int(1), std::int64_t(values[i].size())) << "sent as UTF-8 bytes: " << i;
  }
  // The empty string is a value, not NULL.
  EXPECT_FALSE(rows[4].IsNull(0));
}

TEST_F(PostgresConnectionTest, NullRoundTripsAsMonostate) {
  Run("CREATE TABLE z (k integer PRIMARY KEY, i bigint, r double precision, t text)");
  Run("INSERT INTO z VALUES (1, $1, $2, $3)",
      {std::monostate{}, std::monostate{}, std::monostate{}});
  const std::vector<SqlRow> rows = Rows("SELECT i, r, t FROM z");
  ASSERT_EQ(rows.size(), 1u);
  for (size_t column = 0; column < 3; ++column) EXPECT_TRUE(rows[0].IsNull(column)) << column;
  EXPECT_EQ(Rows("SELECT count(*) FROM z WHERE t IS NULL AND i IS NULL").at(0).Int(0), 1);
}

TEST_F(PostgresConnectionTest, BooleansComeBackAsZeroOrOne) {
  Run("CREATE TABLE b (k integer PRIMARY KEY, v boolean NOT NULL)");
  // An INTEGER parameter binds to a BOOLEAN column, as in SQLite (the server infers the type).
  Run("INSERT INTO b VALUES (1, $1), (2, $2), (3, TRUE), (4, FALSE)",
      {std::int64_t{1}, std::int64_t{0}});
  const std::vector<SqlRow> rows = Rows("SELECT v FROM b ORDER BY k");
  ASSERT_EQ(rows.size(), 4u);
  const std::vector<std::int64_t> expected = {1, 0, 1, 0};
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_TRUE(std::holds_alternative<std::int64_t>(rows[i].values[0])) << i;
    EXPECT_EQ(rows[i].Int(0), expected[i]) << i;
  }
  EXPECT_EQ(Rows("SELECT count(*) FROM b WHERE v = $1", {std::int64_t{1}}).at(0).Int(0), 2);
}

TEST_F(PostgresConnectionTest, UniqueViolationIsAlreadyExistsAndLeavesTheTableUnchanged) {
  Run("CREATE TABLE clients (id bigint PRIMARY KEY, email text NOT NULL,"
      " CONSTRAINT clients_email_unique UNIQUE (email))");
  Run("INSERT INTO clients VALUES (1, $1)", {std::string("a@example.org")});
  const Result<std::int64_t> duplicate =
      connection().Execute("INSERT INTO clients VALUES (2, $1)", {std::string("a@example.org")});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  const std::string& message = duplicate.status().message();
  EXPECT_NE(message.find("clients_email_unique"), std::string::npos) << message;
  EXPECT_NE(message.find("23505"), std::string::npos) << message;
  // DETAIL quotes the row; the message is for logs and must not carry client data.
  EXPECT_EQ(message.find("a@example.org"), std::string::npos) << message;

  const std::vector<SqlRow> rows = Rows("SELECT id, email FROM clients");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), 1);
  EXPECT_EQ(rows[0].Text(1), "a@example.org");
}

TEST_F(PostgresConnectionTest, CheckNotNullAndForeignKeyViolationsAreInvalidArgument) {
  Run("CREATE TABLE clinics (id bigint PRIMARY KEY)");
  Run("CREATE TABLE sessions (id bigint PRIMARY KEY,"
      " clinic_id bigint NOT NULL CONSTRAINT sessions_clinic_fk REFERENCES clinics (id),"
      " depth_mm double precision NOT NULL CONSTRAINT sessions_depth_range"
      "   CHECK (depth_mm > 0 AND depth_mm <= 2.5))");
  Run("INSERT INTO clinics VALUES (1)");

  struct Case {
    const char* what;
    Params params;
    const char* named;
  };
  const std::vector<Case> cases = {
      {"CHECK", {std::int64_t{1}, std::int64_t{1}, 3.0}, "sessions_depth_range"},
      {"FOREIGN KEY", {std::int64_t{1}, std::int64_t{99}, 1.0}, "sessions_clinic_fk"},
      {"NOT NULL", {std::int64_t{1}, std::monostate{}, 1.0}, "clinic_id"},
      {"data exception", {std::int64_t{1}, std::string("one"), 1.0}, "bigint"},
  };
  for (const Case& c : cases) {
    const Result<std::int64_t> inserted =
        connection().Execute("INSERT INTO sessions VALUES ($1, $2, $3)", c.params);
    ASSERT_FALSE(inserted.ok()) << c.what;
    EXPECT_EQ(inserted.status().code(), StatusCode::kInvalidArgument)
        << c.what << ": " << inserted.status().ToString();
    EXPECT_NE(inserted.status().message().find(c.named), std::string::npos)
        << c.what << ": " << inserted.status().message();
  }
  EXPECT_EQ(Count("sessions"), 0);
}

TEST_F(PostgresConnectionTest, TransactionRollsBackWhenNotCommitted) {
  Run("CREATE TABLE t (v bigint)");
  {
    Transaction tx(connection(), TransactionKind::kWrite);
    ASSERT_TRUE(tx.status().ok()) << tx.status().ToString();
    Run("INSERT INTO t VALUES (1)");
    EXPECT_EQ(Count("t"), 1);
  }
  EXPECT_EQ(Count("t"), 0);
}

TEST_F(PostgresConnectionTest, CommitIsVisibleFromASecondConnection) {
  Run("CREATE TABLE t (v bigint)");
  const std::unique_ptr<PostgresConnection> other = OpenInSchema();
  ASSERT_NE(other, nullptr);
  const auto count_from_other = [&other] {
    const auto rows = other->Query("SELECT count(*) FROM t", {});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  };

  Transaction tx(connection(), TransactionKind::kWrite);
  ASSERT_TRUE(tx.status().ok()) << tx.status().ToString();
  Run("INSERT INTO t VALUES (1), (2)");
  EXPECT_EQ(count_from_other(), 0) << "uncommitted rows must not be visible";
  const Status committed = tx.Commit();
  ASSERT_TRUE(committed.ok()) << committed.ToString();
  EXPECT_EQ(count_from_other(), 2);
}

TEST_F(PostgresConnectionTest, CommitAfterAFailedStatementFailsAndKeepsNothing) {
  Run("CREATE TABLE t (v bigint PRIMARY KEY)");
  Run("INSERT INTO t VALUES (1)");
  Transaction tx(connection(), TransactionKind::kWrite);
  ASSERT_TRUE(tx.status().ok());
  Run("INSERT INTO t VALUES (2)");
  EXPECT_FALSE(connection().Execute("INSERT INTO t VALUES (1)", {}).ok());
  // PostgreSQL answers this COMMIT with ROLLBACK and no error; it must not read as success.
  const Status committed = tx.Commit();
  EXPECT_FALSE(committed.ok());
  EXPECT_NE(committed.message().find("ROLLBACK"), std::string::npos) << committed.ToString();
  EXPECT_EQ(Count("t"), 1);
}

TEST_F(PostgresConnectionTest, TransactionControlOutOfOrderIsAnError) {
  EXPECT_EQ(connection().Commit().code(), StatusCode::kInternal);
  EXPECT_EQ(connection().Rollback().code(), StatusCode::kInternal);
  ASSERT_TRUE(connection().Begin(TransactionKind::kRead).ok());
  EXPECT_EQ(connection().Begin(TransactionKind::kWrite).code(), StatusCode::kInternal);
  EXPECT_TRUE(connection().Rollback().ok());
}

TEST_F(PostgresConnectionTest, AReadTransactionMayWriteItsAuditEntry) {
  Run("CREATE TABLE audit (what text NOT NULL)");
  Transaction tx(connection(), TransactionKind::kRead);
  ASSERT_TRUE(tx.status().ok());
  Run("INSERT INTO audit VALUES ('viewed client 7')");
  ASSERT_TRUE(tx.Commit().ok());
  EXPECT_EQ(Count("audit"), 1);
}

TEST_F(PostgresConnectionTest, ReturningGivesTheWrittenRows) {
  Run("CREATE TABLE clients (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
      " name text NOT NULL, version bigint NOT NULL DEFAULT 1)");
  const std::vector<SqlRow> inserted =
      Rows("INSERT INTO clients (name) VALUES ($1), ($2) RETURNING id, name",
           {std::string("Ada"), std::string("Grace")});
  ASSERT_EQ(inserted.size(), 2u);
  EXPECT_EQ(inserted[0].Int(0), 1);
  EXPECT_EQ(inserted[1].Text(1), "Grace");

  const std::vector<SqlRow> updated = Rows(
      "UPDATE clients SET name = $1, version = version + 1"
      " WHERE id = $2 AND version = $3 RETURNING version",
      {std::string("Ada L."), std::int64_t{1}, std::int64_t{1}});
  ASSERT_EQ(updated.size(), 1u);
  EXPECT_EQ(updated[0].Int(0), 2);
  // A stale version matches nothing.
  EXPECT_TRUE(
      Rows("UPDATE clients SET name = 'x' WHERE id = 1 AND version = 1 RETURNING id").empty());
}

TEST_F(PostgresConnectionTest, ExecuteCountsChangedRows) {
  const auto execute = [this](std::string_view sql) {
    const Result<std::int64_t> n = connection().Execute(sql, {});
    EXPECT_TRUE(n.ok()) << sql << ": " << n.status().ToString();
    return n.ok() ? *n : -1;
  };
  EXPECT_EQ(execute("CREATE TABLE t (v bigint)"), 0);
  EXPECT_EQ(execute("INSERT INTO t VALUES (1), (2), (3)"), 3);
  EXPECT_EQ(execute("UPDATE t SET v = v * 10 WHERE v >= 2"), 2);
  EXPECT_EQ(execute("DELETE FROM t WHERE v = 999"), 0);
  EXPECT_EQ(execute("DELETE FROM t"), 3);
}

TEST_F(PostgresConnectionTest, ExecuteScriptRunsSeveralStatements) {
  const Status script = connection().ExecuteScript(
      "CREATE TABLE a (v bigint);\n"
      "INSERT INTO a VALUES (1);\n"
      "INSERT INTO a VALUES (2);\n"
      "CREATE INDEX a_v ON a (v);\n");
  ASSERT_TRUE(script.ok()) << script.ToString();
  EXPECT_EQ(Count("a"), 2);
}

TEST_F(PostgresConnectionTest, AFailingScriptUndoesItsEarlierStatements) {
  const Status script = connection().ExecuteScript(
      "CREATE TABLE b (v bigint); INSERT INTO b VALUES (1); INSERT INTO missing VALUES (1);");
  ASSERT_FALSE(script.ok());
  EXPECT_EQ(script.code(), StatusCode::kInternal);
  EXPECT_NE(script.message().find("42P01"), std::string::npos) << script.message();
  EXPECT_TRUE(Rows("SELECT to_regclass('b') IS NULL").at(0).Int(0) == 1)
      << "the script ran as one implicit transaction";
}

TEST_F(PostgresConnectionTest, QueryRefusesSeveralStatements) {
  // The extended protocol takes one statement, so a parameter can never smuggle in a second.
  Run("CREATE TABLE t (v bigint)");
  const auto rows = connection().Query("SELECT 1; DROP TABLE t", {});
  EXPECT_FALSE(rows.ok());
  EXPECT_EQ(Count("t"), 0);
}

TEST_F(PostgresConnectionTest, ALockNotAvailableIsUnavailable) {
  Run("CREATE TABLE t (id bigint PRIMARY KEY)");
  Run("INSERT INTO t VALUES (1)");
  const std::unique_ptr<PostgresConnection> other = OpenInSchema();
  ASSERT_NE(other, nullptr);

  Transaction holder(connection(), TransactionKind::kWrite);
  ASSERT_TRUE(holder.status().ok());
  ASSERT_EQ(Rows("SELECT id FROM t WHERE id = 1 FOR UPDATE").size(), 1u);

  Transaction waiter(*other, TransactionKind::kWrite);
  ASSERT_TRUE(waiter.status().ok());
  const auto locked = other->Query("SELECT id FROM t WHERE id = 1 FOR UPDATE NOWAIT", {});
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), StatusCode::kUnavailable) << locked.status().ToString();
}

TEST_F(PostgresConnectionTest, ALostConnectionIsUnavailable) {
  const std::unique_ptr<PostgresConnection> victim = OpenInSchema();
  ASSERT_NE(victim, nullptr);
  const auto pid = victim->Query("SELECT pg_backend_pid()", {});
  ASSERT_TRUE(pid.ok());
  ASSERT_EQ(
      Rows("SELECT pg_terminate_backend($1::integer, 5000)", {pid->at(0).Int(0)}).at(0).Int(0), 1);

  const auto after = victim->Query("SELECT 1", {});
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.status().code(), StatusCode::kUnavailable) << after.status().ToString();
  EXPECT_EQ(victim->Begin(TransactionKind::kWrite).code(), StatusCode::kUnavailable);
}

TEST_F(PostgresConnectionTest, AStatementIsPreparedOnceAndRunByName) {
  Run("CREATE TABLE t (v bigint)");
  for (std::int64_t v = 1; v <= 3; ++v) Run("INSERT INTO t VALUES ($1)", {v});
  EXPECT_EQ(Count("t"), 3);
  const std::vector<SqlRow> prepared = Rows(
      "SELECT count(*) FROM pg_prepared_statements WHERE statement = 'INSERT INTO t VALUES ($1)'");
  EXPECT_EQ(prepared.at(0).Int(0), 1) << "three runs, one prepared statement";
}

TEST_F(PostgresConnectionTest, AStatementPreparedInARolledBackTransactionStaysUsable) {
  Run("CREATE TABLE t (v bigint)");
  {
    Transaction tx(connection(), TransactionKind::kWrite);
    ASSERT_TRUE(tx.status().ok());
    Run("INSERT INTO t VALUES ($1)", {std::int64_t{1}});
  }
  Run("INSERT INTO t VALUES ($1)", {std::int64_t{2}});
  const std::vector<SqlRow> rows = Rows("SELECT v FROM t");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), 2);
}

TEST_F(PostgresConnectionTest, AStatementFirstSeenInAFailedTransactionRunsAfterIt) {
  Run("CREATE TABLE t (v bigint PRIMARY KEY)");
  Run("INSERT INTO t VALUES (1)");
  {
    Transaction tx(connection(), TransactionKind::kWrite);
    ASSERT_TRUE(tx.status().ok());
    EXPECT_FALSE(connection().Execute("INSERT INTO t VALUES (1)", {}).ok());
    // Preparing is refused too in an aborted transaction; nothing may be cached from it.
    const auto refused = connection().Query("SELECT count(*) FROM t WHERE v > $1", {1});
    EXPECT_FALSE(refused.ok());
  }
  EXPECT_EQ(Rows("SELECT count(*) FROM t WHERE v > $1", {0}).at(0).Int(0), 1);
}

TEST_F(PostgresConnectionTest, APreparedStatementFollowsSchemaChangesAndSearchPath) {
  Run("CREATE TABLE t (v bigint)");
  Run("INSERT INTO t VALUES (7)");
  EXPECT_EQ(Rows("SELECT v FROM t").at(0).Int(0), 7);
  // A table dropped and created again with another type: the server re-plans.
  ASSERT_TRUE(connection()
                  .ExecuteScript("DROP TABLE t; CREATE TABLE t (v text);"
                                 " INSERT INTO t VALUES ('seven')")
                  .ok());
  EXPECT_EQ(Rows("SELECT v FROM t").at(0).Text(0), "seven");
  // The same inside a transaction: the call that finds out fails (the server has aborted the
  // transaction by then), and the statement works again in the next one.
  EXPECT_EQ(Rows("SELECT * FROM t").at(0).values.size(), 1u);
  ASSERT_TRUE(connection().ExecuteScript("ALTER TABLE t ADD COLUMN w bigint").ok());
  {
    Transaction tx(connection(), TransactionKind::kRead);
    ASSERT_TRUE(tx.status().ok());
    EXPECT_FALSE(connection().Query("SELECT * FROM t", {}).ok());
  }
  EXPECT_EQ(Rows("SELECT * FROM t").at(0).values.size(), 2u);
  // Another schema on the search_path: the same text reads that schema's table.
  const std::string other = schema() + "_other";
  ASSERT_TRUE(connection()
                  .ExecuteScript("CREATE SCHEMA " + other + "; CREATE TABLE " + other +
                                 ".t (v text); INSERT INTO " + other +
                                 ".t VALUES ('other'); SET search_path TO " + other)
                  .ok());
  EXPECT_EQ(Rows("SELECT v FROM t").at(0).Text(0), "other");
  ASSERT_TRUE(
      connection()
          .ExecuteScript("SET search_path TO " + schema() + "; DROP SCHEMA " + other + " CASCADE")
          .ok());
  EXPECT_EQ(Rows("SELECT v FROM t").at(0).Text(0), "seven");
}

}  // namespace
}  // namespace corium::store
