#include "corium/store/sqlite/sqlite_connection.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corium/store/sqlite/sqlite_error.h"
#include "corium/store/sqlite/test_directory.h"

namespace corium::store {
namespace {

std::unique_ptr<SqliteConnection> OpenOrDie(const std::string& path,
                                            OpenMode mode = OpenMode::kReadWriteCreate) {
  auto connection = SqliteConnection::Open(path, mode);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  return connection.ok() ? std::move(connection).value() : nullptr;
}

std::string QueryText(SqlConnection& connection, std::string_view sql,
                      const std::vector<SqlValue>& params = {}) {
  auto rows = connection.Query(sql, params);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok() || rows->empty()) return "<no row>";
  return rows->front().Text(0);
}

std::int64_t CountRows(SqlConnection& connection, std::string_view table) {
  auto rows = connection.Query("SELECT count(*) FROM " + std::string(table), {});
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  return rows.ok() ? rows->front().Int(0) : -1;
}

class SqliteConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenOrDie(dir_.File("clinic.db"));
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->ExecuteScript(R"(
      CREATE TABLE clinic (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
      CREATE TABLE client (
        id INTEGER PRIMARY KEY,
        clinic_id INTEGER NOT NULL REFERENCES clinic(id),
        email TEXT NOT NULL,
        depth_um INTEGER CHECK (depth_um BETWEEN 0 AND 3000),
        UNIQUE (clinic_id, email)) STRICT;
      INSERT INTO clinic (id, name) VALUES (1, 'Harbour Skin');
    )")
                    .ok());
  }

  TestDirectory dir_;
  std::unique_ptr<SqliteConnection> db_;
};

TEST_F(SqliteConnectionTest, AppliesDurabilityAndSafetyPragmasAtOpen) {
  EXPECT_EQ(QueryText(*db_, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryText(*db_, "PRAGMA synchronous"), "2");
  EXPECT_EQ(QueryText(*db_, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(QueryText(*db_, "PRAGMA busy_timeout"), "5000");
  EXPECT_EQ(QueryText(*db_, "PRAGMA trusted_schema"), "0");
  EXPECT_EQ(db_->dialect(), Dialect::kSqlite);
}

TEST_F(SqliteConnectionTest, TreatsDoubleQuotesAsIdentifiersOnly) {
  // With DQS on, SQLite would read "nonexistent" as a string; PostgreSQL reads a column.
  auto rows = db_->Query(R"(SELECT "nonexistent" FROM clinic)", {});
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("no such column"), std::string::npos);
  EXPECT_EQ(QueryText(*db_, R"(SELECT "name" FROM clinic)"), "Harbour Skin");
}

TEST_F(SqliteConnectionTest, BindsParametersByNumberEvenOutOfOrder) {
  EXPECT_EQ(
      QueryText(*db_, "SELECT $2 || '-' || $1", {std::string("first"), std::string("second")}),
      "second-first");
  EXPECT_EQ(QueryText(*db_, "SELECT $1 || $1 || '$1'", {std::string("a")}), "aa$1");
}

TEST_F(SqliteConnectionTest, RoundTripsEveryValueType) {
  auto rows = db_->Query(
      "SELECT $1, $2, $3, $4, typeof($4), x'00ff', ''",
      {std::monostate{}, std::int64_t{-9007199254740993}, 0.25, std::string("it's\0 ok", 8)});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const SqlRow& row = rows->front();
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_EQ(std::get<std::int64_t>(row.values[1]), -9007199254740993);
  EXPECT_EQ(std::get<double>(row.values[2]), 0.25);
  EXPECT_EQ(std::get<std::string>(row.values[3]), std::string("it's\0 ok", 8));
  EXPECT_EQ(row.Text(4), "text");
  EXPECT_EQ(std::get<std::string>(row.values[5]), std::string("\0\xff", 2));
  EXPECT_EQ(std::get<std::string>(row.values[6]), "");
}

TEST_F(SqliteConnectionTest, ReturnsAllRowsInOrder) {
  auto rows = db_->Query(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) "
      "SELECT i FROM n ORDER BY i",
      {std::int64_t{5}});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 5u);
  for (size_t i = 0; i < rows->size(); ++i) EXPECT_EQ((*rows)[i].Int(0), std::int64_t(i + 1));
}

TEST_F(SqliteConnectionTest, ExecuteReturnsTheChangedRowCount) {
  for (const char* email : {"a@x.org", "b@x.org", "c@x.org"}) {
    auto inserted = db_->Execute("INSERT INTO client (clinic_id, email) VALUES ($1, $2)",
                                 {std::int64_t{1}, std::string(email)});
    ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
    EXPECT_EQ(*inserted, 1);
  }
  auto updated = db_->Execute("UPDATE client SET depth_um = $1 WHERE email <> $2",
                              {std::int64_t{500}, std::string("a@x.org")});
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(*updated, 2);
  auto none = db_->Execute("DELETE FROM client WHERE email = $1", {std::string("nobody")});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
  // A read reports no changes, not the count left over from the last write.
  auto read = db_->Execute("SELECT * FROM client", {});
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, 0);
}

TEST_F(SqliteConnectionTest, ReturningGivesTheWrittenRow) {
  auto rows = db_->Query(
      "INSERT INTO client (clinic_id, email, depth_um) VALUES ($1, $2, $3) "
      "RETURNING id, email, depth_um",
      {std::int64_t{1}, std::string("r@x.org"), std::int64_t{250}});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_GT(rows->front().Int(0), 0);
  EXPECT_EQ(rows->front().Text(1), "r@x.org");
  EXPECT_EQ(rows->front().Int(2), 250);
}

TEST_F(SqliteConnectionTest, UniqueViolationIsAlreadyExistsAndChangesNothing) {
  ASSERT_TRUE(
      db_->Execute("INSERT INTO client (clinic_id, email) VALUES (1, $1)", {std::string("a@x.org")})
          .ok());
  auto again = db_->Execute("INSERT INTO client (clinic_id, email) VALUES (1, $1)",
                            {std::string("a@x.org")});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists) << again.status().ToString();
  EXPECT_NE(again.status().message().find("client.clinic_id, client.email"), std::string::npos)
      << again.status().message();
  EXPECT_EQ(CountRows(*db_, "client"), 1);

  auto same_key = db_->Execute("INSERT INTO clinic (id, name) VALUES (1, 'Other')", {});
  EXPECT_EQ(same_key.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(CountRows(*db_, "clinic"), 1);
}

TEST_F(SqliteConnectionTest, CheckNotNullForeignKeyAndTypeViolationsAreInvalidArgument) {
  auto too_deep = db_->Execute("INSERT INTO client (clinic_id, email, depth_um) VALUES (1, $1, $2)",
                               {std::string("d@x.org"), std::int64_t{5000}});
  EXPECT_EQ(too_deep.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(too_deep.status().message().find("CHECK"), std::string::npos);

  auto no_email =
      db_->Execute("INSERT INTO client (clinic_id, email) VALUES (1, $1)", {std::monostate{}});
  EXPECT_EQ(no_email.status().code(), StatusCode::kInvalidArgument);

  auto no_clinic = db_->Execute("INSERT INTO client (clinic_id, email) VALUES ($1, $2)",
                                {std::int64_t{99}, std::string("e@x.org")});
  EXPECT_EQ(no_clinic.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(no_clinic.status().message().find("FOREIGN KEY"), std::string::npos);

  auto not_a_number = db_->Execute("INSERT INTO client (clinic_id, email) VALUES ($1, $2)",
                                   {std::string("1x"), std::string("f@x.org")});
  EXPECT_EQ(not_a_number.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CountRows(*db_, "client"), 0);
}

TEST_F(SqliteConnectionTest, TriggerAbortIsInvalidArgument) {
  ASSERT_TRUE(db_->ExecuteScript(R"(
    CREATE TRIGGER clinic_name_is_final BEFORE UPDATE OF name ON clinic
    BEGIN SELECT RAISE(ABORT, 'a clinic keeps its name'); END;
  )")
                  .ok());
  auto renamed = db_->Execute("UPDATE clinic SET name = 'New' WHERE id = 1", {});
  EXPECT_EQ(renamed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(renamed.status().message().find("a clinic keeps its name"), std::string::npos);
}

TEST_F(SqliteConnectionTest, WrongParameterCountIsAnInternalError) {
  auto missing = db_->Query("SELECT $1, $2", {std::int64_t{1}});
  EXPECT_EQ(missing.status().code(), StatusCode::kInternal);
  auto extra = db_->Query("SELECT 1", {std::int64_t{1}});
  EXPECT_EQ(extra.status().code(), StatusCode::kInternal);
  // The failed calls left the cached statement usable.
  EXPECT_EQ(QueryText(*db_, "SELECT $1, $2", {std::int64_t{7}, std::int64_t{8}}), "7");
}

TEST_F(SqliteConnectionTest, RefusesNamedParametersAndSecondStatements) {
  EXPECT_EQ(db_->Query("SELECT :name", {std::int64_t{1}}).status().code(), StatusCode::kInternal);
  EXPECT_EQ(db_->Query("SELECT $name", {std::int64_t{1}}).status().code(), StatusCode::kInternal);
  auto two = db_->Execute("DELETE FROM clinic; DELETE FROM client", {});
  EXPECT_EQ(two.status().code(), StatusCode::kInternal);
  EXPECT_EQ(CountRows(*db_, "clinic"), 1);
  EXPECT_EQ(QueryText(*db_, "SELECT 1; -- trailing comment\n"), "1");
  EXPECT_EQ(db_->Query("", {}).status().code(), StatusCode::kInternal);
}

TEST_F(SqliteConnectionTest, SyntaxErrorIsInternalAndNamesTheProblem) {
  auto rows = db_->Query("SELEC 1", {});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kInternal);
  EXPECT_NE(rows.status().message().find("syntax error"), std::string::npos);
}

TEST_F(SqliteConnectionTest, ScriptErrorsAreReported) {
  Status status = db_->ExecuteScript("CREATE TABLE t (a INTEGER); CREATE TABLE t (a INTEGER);");
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("already exists"), std::string::npos);
}

TEST(SqliteOpen, InMemoryDatabaseWorks) {
  auto db = SqliteConnection::Open(":memory:", OpenMode::kReadWriteCreate);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(QueryText(**db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(QueryText(**db, "SELECT $1 + $2", {std::int64_t{2}, std::int64_t{3}}), "5");
}

TEST(SqliteOpen, NewFileGetsSmallPagesAndAnExistingFileKeepsItsOwn) {
  TestDirectory dir;
  const std::string fresh = dir.File("fresh.db");
  {
    auto db = OpenOrDie(fresh);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->ExecuteScript("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x');").ok());
  }
  auto reopened = OpenOrDie(fresh);
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(QueryText(*reopened, "PRAGMA page_size"),
            std::to_string(SqliteConnection::kNewDatabasePageSize));

  // A file written with 4 KiB pages before this setting existed opens, keeps them, and works.
  const std::string older = dir.File("older.db");
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(older.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "PRAGMA page_size=4096; PRAGMA journal_mode=WAL;"
                           " CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  auto existing = OpenOrDie(older);
  ASSERT_NE(existing, nullptr);
  EXPECT_EQ(QueryText(*existing, "PRAGMA page_size"), "4096");
  ASSERT_TRUE(existing->Execute("INSERT INTO t VALUES ($1)", {std::string("added")}).ok());
  EXPECT_EQ(CountRows(*existing, "t"), 2);
}

TEST(SqliteOpen, MissingFileWithoutCreateIsUnavailable) {
  TestDirectory dir;
  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    auto db = SqliteConnection::Open(dir.File("absent.db"), mode);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
  }
  EXPECT_FALSE(std::filesystem::exists(dir.File("absent.db")));
}

TEST(SqliteOpen, ReadOnlyConnectionReadsButCannotWrite) {
  TestDirectory dir;
  {
    auto writer = OpenOrDie(dir.File("clinic.db"));
    ASSERT_TRUE(
        writer->ExecuteScript("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (42);").ok());
  }
  auto reader = OpenOrDie(dir.File("clinic.db"), OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(QueryText(*reader, "SELECT a FROM t"), "42");
  EXPECT_EQ(QueryText(*reader, "PRAGMA journal_mode"), "wal");
  auto write = reader->Execute("INSERT INTO t VALUES (1)", {});
  EXPECT_FALSE(write.ok());
}

TEST(SqliteErrors, MapsExtendedCodesAsTheInterfaceDocuments) {
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CONSTRAINT_UNIQUE), StatusCode::kAlreadyExists);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CONSTRAINT_PRIMARYKEY), StatusCode::kAlreadyExists);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CONSTRAINT_CHECK), StatusCode::kInvalidArgument);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CONSTRAINT_NOTNULL), StatusCode::kInvalidArgument);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CONSTRAINT_FOREIGNKEY), StatusCode::kInvalidArgument);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CONSTRAINT_TRIGGER), StatusCode::kInvalidArgument);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_BUSY), StatusCode::kUnavailable);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_BUSY_SNAPSHOT), StatusCode::kUnavailable);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_LOCKED_SHAREDCACHE), StatusCode::kUnavailable);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CONSTRAINT_ROWID), StatusCode::kInternal);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_IOERR_FSYNC), StatusCode::kInternal);
  EXPECT_EQ(StatusCodeForSqlite(SQLITE_CORRUPT), StatusCode::kInternal);
}

}  // namespace
}  // namespace corium::store
