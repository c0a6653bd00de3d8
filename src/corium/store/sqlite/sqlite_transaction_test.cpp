// Transactions on real files, with two connections where the behaviour depends on locking.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "corium/store/sqlite/sqlite_connection.h"
#include "corium/store/sqlite/test_directory.h"

namespace corium::store {
namespace {

using std::chrono::milliseconds;

class SqliteTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    first_ = Open(milliseconds(200));
    ASSERT_NE(first_, nullptr);
    ASSERT_TRUE(
        first_
            ->ExecuteScript(
                "CREATE TABLE consent (id INTEGER PRIMARY KEY, client TEXT NOT NULL) STRICT;")
            .ok());
  }

  std::unique_ptr<SqliteConnection> Open(milliseconds busy_timeout) {
    auto connection =
        SqliteConnection::Open(dir_.File("clinic.db"), OpenMode::kReadWrite, busy_timeout);
    if (!connection.ok()) {
      auto created =
          SqliteConnection::Open(dir_.File("clinic.db"), OpenMode::kReadWriteCreate, busy_timeout);
      EXPECT_TRUE(created.ok()) << created.status().ToString();
      return created.ok() ? std::move(created).value() : nullptr;
    }
    return std::move(connection).value();
  }

  static std::int64_t Count(SqlConnection& connection) {
    auto rows = connection.Query("SELECT count(*) FROM consent", {});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->front().Int(0) : -1;
  }

  static Status Insert(SqlConnection& connection, const std::string& client) {
    return connection.Execute("INSERT INTO consent (client) VALUES ($1)", {client}).status();
  }

  TestDirectory dir_;
  std::unique_ptr<SqliteConnection> first_;
};

TEST_F(SqliteTransactionTest, RollsBackWhenNotCommitted) {
  {
    Transaction tx(*first_, TransactionKind::kWrite);
    ASSERT_TRUE(tx.status().ok()) << tx.status().ToString();
    ASSERT_TRUE(Insert(*first_, "ada").ok());
    EXPECT_EQ(Count(*first_), 1);
  }
  EXPECT_EQ(Count(*first_), 0);
}

TEST_F(SqliteTransactionTest, CommittedWriteIsVisibleFromAnotherConnection) {
  auto second = Open(milliseconds(200));
  ASSERT_NE(second, nullptr);
  {
    Transaction tx(*first_, TransactionKind::kWrite);
    ASSERT_TRUE(tx.status().ok());
    ASSERT_TRUE(Insert(*first_, "ada").ok());
    // Not yet: the other connection reads the last committed state.
    EXPECT_EQ(Count(*second), 0);
    ASSERT_TRUE(tx.Commit().ok());
  }
  EXPECT_EQ(Count(*second), 1);
}

TEST_F(SqliteTransactionTest, CommittedWriteSurvivesReopening) {
  {
    Transaction tx(*first_, TransactionKind::kWrite);
    ASSERT_TRUE(Insert(*first_, "ada").ok());
    ASSERT_TRUE(tx.Commit().ok());
  }
  first_.reset();
  auto reopened = Open(milliseconds(200));
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(Count(*reopened), 1);
}

TEST_F(SqliteTransactionTest, SecondWriterWaitsForBusyTimeoutThenIsUnavailable) {
  auto second = Open(milliseconds(150));
  ASSERT_NE(second, nullptr);
  Transaction holding(*first_, TransactionKind::kWrite);
  ASSERT_TRUE(holding.status().ok());

  const auto start = std::chrono::steady_clock::now();
  Status blocked = second->Begin(TransactionKind::kWrite);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(blocked.code(), StatusCode::kUnavailable) << blocked.ToString();
  EXPECT_GE(waited, milliseconds(100));

  // A reader is not blocked by the writer (WAL), and the blocked connection recovers once the
  // lock is released.
  EXPECT_EQ(Count(*second), 0);
  ASSERT_TRUE(holding.Commit().ok());
  EXPECT_TRUE(second->Begin(TransactionKind::kWrite).ok());
  EXPECT_TRUE(Insert(*second, "ada").ok());
  EXPECT_TRUE(second->Commit().ok());
  EXPECT_EQ(Count(*first_), 1);
}

TEST_F(SqliteTransactionTest, ReadTransactionSeesOneSnapshot) {
  auto second = Open(milliseconds(200));
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(second->Begin(TransactionKind::kRead).ok());
  EXPECT_EQ(Count(*second), 0);
  ASSERT_TRUE(Insert(*first_, "ada").ok());
  EXPECT_EQ(Count(*second), 0);
  ASSERT_TRUE(second->Commit().ok());
  EXPECT_EQ(Count(*second), 1);
}

TEST_F(SqliteTransactionTest, FailedCommitRollsBackAndLeavesNoTransactionOpen) {
  ASSERT_TRUE(first_
                  ->ExecuteScript(R"(
    CREATE TABLE clinic (id INTEGER PRIMARY KEY) STRICT;
    CREATE TABLE room (id INTEGER PRIMARY KEY,
      clinic_id INTEGER NOT NULL REFERENCES clinic(id) DEFERRABLE INITIALLY DEFERRED) STRICT;
  )")
                  .ok());
  ASSERT_TRUE(first_->Begin(TransactionKind::kWrite).ok());
  ASSERT_TRUE(first_->Execute("INSERT INTO room (clinic_id) VALUES (7)", {}).ok());
  ASSERT_TRUE(Insert(*first_, "ada").ok());
  Status committed = first_->Commit();
  EXPECT_EQ(committed.code(), StatusCode::kInvalidArgument) << committed.ToString();
  EXPECT_EQ(Count(*first_), 0);
  EXPECT_TRUE(first_->Begin(TransactionKind::kWrite).ok());
  EXPECT_TRUE(first_->Rollback().ok());
}

TEST_F(SqliteTransactionTest, RollbackWithoutTransactionIsOkButNestedBeginIsNot) {
  EXPECT_TRUE(first_->Rollback().ok());
  ASSERT_TRUE(first_->Begin(TransactionKind::kRead).ok());
  EXPECT_EQ(first_->Begin(TransactionKind::kWrite).code(), StatusCode::kInternal);
  EXPECT_TRUE(first_->Rollback().ok());
  EXPECT_EQ(first_->Commit().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace corium::store
