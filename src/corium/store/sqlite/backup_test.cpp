#include "corium/store/sqlite/backup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "corium/store/sqlite/test_directory.h"

namespace corium::store {
namespace {

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = SqliteConnection::Open(dir_.File("clinic.db"), OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->ExecuteScript(
                       "CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;")
                    .ok());
    // One transaction: each durable commit costs an fsync.
    Transaction tx(*db_, TransactionKind::kWrite);
    for (int i = 0; i < 500; ++i) {
      ASSERT_TRUE(
          db_->Execute("INSERT INTO client (name) VALUES ($1)", {"client " + std::to_string(i)})
              .ok());
    }
    ASSERT_TRUE(tx.Commit().ok());
  }

  TestDirectory dir_;
  std::unique_ptr<SqliteConnection> db_;
};

TEST_F(BackupTest, CopiesEveryRowIntoAHealthyFile) {
  const std::string copy = dir_.File("backup.db");
  ASSERT_TRUE(BackupTo(*db_, copy).ok());

  auto restored = SqliteConnection::Open(copy, OpenMode::kReadOnly);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  auto check = IntegrityCheck(**restored);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_EQ(*check, std::vector<std::string>{"ok"});
  auto rows = (*restored)->Query("SELECT count(*), max(name) FROM client", {});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->front().Int(0), 500);
  EXPECT_EQ(rows->front().Text(1), "client 99");
}

TEST_F(BackupTest, TakesACommittedSnapshotWhileAWriteIsOpen) {
  auto writer = SqliteConnection::Open(dir_.File("clinic.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Begin(TransactionKind::kWrite).ok());
  ASSERT_TRUE((*writer)->Execute("DELETE FROM client", {}).ok());

  const std::string copy = dir_.File("backup.db");
  ASSERT_TRUE(BackupTo(*db_, copy).ok());
  ASSERT_TRUE((*writer)->Rollback().ok());

  auto restored = SqliteConnection::Open(copy, OpenMode::kReadOnly);
  ASSERT_TRUE(restored.ok());
  auto rows = (*restored)->Query("SELECT count(*) FROM client", {});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->front().Int(0), 500);
}

TEST_F(BackupTest, RefusesToOverwriteAnExistingFile) {
  const std::string copy = dir_.File("backup.db");
  { std::ofstream(copy) << "an older backup"; }
  Status status = BackupTo(*db_, copy);
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists) << status.ToString();
  // Read with getline: g++ 12 at -O2 warns (-Wnull-dereference) inside istreambuf_iterator.
  std::ifstream in(copy);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "an older backup");

  // Nor the live database itself.
  EXPECT_EQ(BackupTo(*db_, dir_.File("clinic.db")).code(), StatusCode::kAlreadyExists);
}

TEST_F(BackupTest, RefusesADestinationWithALeftoverJournal) {
  const std::string copy = dir_.File("backup.db");
  { std::ofstream(copy + "-journal") << "stale"; }
  EXPECT_EQ(BackupTo(*db_, copy).code(), StatusCode::kAlreadyExists);
  EXPECT_FALSE(std::filesystem::exists(copy));
}

TEST_F(BackupTest, UnwritableDestinationFailsWithoutLeavingAFile) {
  const std::string copy = dir_.File("no-such-dir/backup.db");
  Status status = BackupTo(*db_, copy);
  EXPECT_FALSE(status.ok());
  EXPECT_FALSE(std::filesystem::exists(copy));
}

TEST(Backup, InMemoryDatabaseCanBeBackedUp) {
  TestDirectory dir;
  auto db = SqliteConnection::Open(":memory:", OpenMode::kReadWriteCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->ExecuteScript("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1);").ok());
  ASSERT_TRUE(BackupTo(**db, dir.File("copy.db")).ok());
  auto copy = SqliteConnection::Open(dir.File("copy.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(*IntegrityCheck(**copy), std::vector<std::string>{"ok"});
}

TEST(Backup, IntegrityCheckListsEachProblem) {
  TestDirectory dir;
  const std::string path = dir.File("clinic.db");
  {
    auto db = SqliteConnection::Open(path, OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    // Damage that SQLite can describe: the schema claims the index is on `b`, while its entries
    // were built from `a`, so every row is missing from it.
    ASSERT_TRUE((*db)
                    ->ExecuteScript(R"(
      CREATE TABLE t (a TEXT, b TEXT);
      CREATE INDEX t_a ON t(a);
      INSERT INTO t VALUES ('a1', 'b2'), ('a2', 'b1');
      PRAGMA writable_schema=ON;
      UPDATE sqlite_schema SET sql = 'CREATE INDEX t_a ON t(b)' WHERE name = 't_a';
    )")
                    .ok());
  }
  auto db = SqliteConnection::Open(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto check = IntegrityCheck(**db);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  ASSERT_GE(check->size(), 2u);
  EXPECT_EQ((*check)[0], "row 1 missing from index t_a");
}

}  // namespace
}  // namespace corium::store
