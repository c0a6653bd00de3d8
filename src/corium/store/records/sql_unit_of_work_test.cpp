#include "corium/store/records/sql_unit_of_work.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "support/test_databases.h"

namespace corium::store {
namespace {

class SqlUnitOfWorkTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    database_ = testing::MakeTestDatabase(GetParam());
    auto rows = database_->db().Query(
        "INSERT INTO clinics (name, time_zone, created_at) VALUES ('C', 'UTC', 1) RETURNING id",
        {});
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    clinic_ = rows->front().Int(0);
  }
  std::int64_t AuditRows() { return Count("SELECT COUNT(*) FROM audit_log", {}); }
  std::int64_t AuditRows(const std::string& detail) {
    return Count("SELECT COUNT(*) FROM audit_log WHERE detail = $1", {detail});
  }
  // A read of a client in the test's clinic, or in `clinic` when given.
  app::AuditEntry Entry(std::string detail = "", app::Id clinic = 0) const {
    app::AuditEntry e;
    e.clinic_id = clinic != 0 ? clinic : clinic_;
    e.action = "read";
    e.record_type = "client";
    e.at = 10;
    e.detail = std::move(detail);
    return e;
  }
  std::int64_t Count(std::string_view sql, const std::vector<SqlValue>& params) {
    auto rows = database_->Reconnect()->Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  std::unique_ptr<testing::TestDatabase> database_;
  std::int64_t clinic_ = 0;
};

TEST_P(SqlUnitOfWorkTest, AWriteThatSucceedsIsCommittedDurably) {
  SqlUnitOfWork work(database_->db());
  SqlAuditLog audit(database_->db());
  ASSERT_TRUE(work.Write([&] { return audit.Append(Entry()); }).ok());
  EXPECT_EQ(AuditRows(), 1);
}

TEST_P(SqlUnitOfWorkTest, AWriteThatFailsLeavesNothingBehind) {
  SqlUnitOfWork work(database_->db());
  SqlAuditLog audit(database_->db());
  const Status status = work.Write([&] {
    CORIUM_RETURN_IF_ERROR(audit.Append(Entry()));
    return Status::InvalidArgument("refused after the first write");
  });
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(AuditRows(), 0);
}

TEST_P(SqlUnitOfWorkTest, AnAuditEntryWithoutAClinicIsRefused) {
  SqlUnitOfWork work(database_->db());
  SqlAuditLog audit(database_->db());
  app::AuditEntry orphan = Entry();
  orphan.clinic_id = 999999;
  EXPECT_FALSE(work.Write([&] { return audit.Append(orphan); }).ok());
  EXPECT_EQ(AuditRows(), 0);
}

TEST_P(SqlUnitOfWorkTest, AReadWritesItsAuditEntriesDurablyAfterItsQueries) {
  SqlAuditLog audit(database_->db());
  SqlUnitOfWork work(database_->db(), audit);
  std::unique_ptr<SqlConnection> other = database_->Reconnect();
  const Status read = work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(audit.Append(Entry()));
    CORIUM_RETURN_IF_ERROR(audit.Append(Entry()));
    // Not written yet, and no write lock held: another connection writes meanwhile.
    EXPECT_EQ(AuditRows(), 0);
    Transaction write(*other, TransactionKind::kWrite);
    EXPECT_TRUE(write.status().ok()) << write.status().ToString();
    EXPECT_TRUE(other->Execute("UPDATE clinics SET name = 'D' WHERE id = $1", {clinic_}).ok());
    return write.Commit();
  });
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_EQ(AuditRows(), 2);
  // Released: a write's own entry goes in with it again.
  ASSERT_TRUE(work.Write([&] { return audit.Append(Entry()); }).ok());
  EXPECT_EQ(AuditRows(), 3);
}

TEST_P(SqlUnitOfWorkTest, AReadThatFailsWritesNoAuditEntry) {
  SqlAuditLog audit(database_->db());
  SqlUnitOfWork work(database_->db(), audit);
  const Status read = work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(audit.Append(Entry()));
    return Status::NotFound("no such client");
  });
  EXPECT_EQ(read.code(), StatusCode::kNotFound);
  EXPECT_EQ(AuditRows(), 0);
  ASSERT_TRUE(work.Write([&] { return audit.Append(Entry()); }).ok());
  EXPECT_EQ(AuditRows(), 1);
}

TEST_P(SqlUnitOfWorkTest, AReadWhoseAuditEntryCannotBeWrittenFails) {
  SqlAuditLog audit(database_->db());
  SqlUnitOfWork work(database_->db(), audit);
  app::AuditEntry orphan = Entry();
  orphan.clinic_id = 999999;
  EXPECT_FALSE(work.Read([&] { return audit.Append(orphan); }).ok());
  EXPECT_EQ(AuditRows(), 0);
}

// The group commit that SqlUnitOfWork::Read hands its entries to in `corium serve`.
class AuditGroupCommitTest : public SqlUnitOfWorkTest {};

TEST_P(AuditGroupCommitTest, EveryThreadsEntriesAreCommittedWhenItReturns) {
  AuditGroupCommit group;
  constexpr int kThreads = 6;
  constexpr int kReads = 25;
  std::vector<std::thread> readers;
  readers.reserve(kThreads);
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    readers.emplace_back([&, t] {
      std::unique_ptr<SqlConnection> db = database_->Reconnect();
      for (int i = 0; i < kReads; ++i) {
        const std::vector<app::AuditEntry> entries = {Entry("many"), Entry("many")};
        if (!group.Commit(*db, entries).ok()) ++failures[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(failures, std::vector<int>(kThreads, 0));
  EXPECT_EQ(AuditRows("many"), 2 * kThreads * kReads);
}

TEST_P(AuditGroupCommitTest, ABatchThatCannotBeWrittenFailsAloneAndWritesNothing) {
  AuditGroupCommit group;
  const Status bad = group.Commit(database_->db(), {Entry("good half"), Entry("bad", 999999)});
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(AuditRows("good half"), 0);
  EXPECT_TRUE(group.Commit(database_->db(), {Entry("after")}).ok());
  EXPECT_EQ(AuditRows("after"), 1);
}

TEST_P(AuditGroupCommitTest, InAGroupOnlyTheBatchWithABadEntryFails) {
  AuditGroupCommit group;
  constexpr int kThreads = 4;
  constexpr int kReads = 10;
  std::vector<int> failures(kThreads, 0);
  std::vector<std::thread> readers;
  readers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    readers.emplace_back([&, t] {
      std::unique_ptr<SqlConnection> db = database_->Reconnect();
      // Thread 0 names a clinic that does not exist; the others' entries share its groups.
      const app::AuditEntry entry = t == 0 ? Entry("bad", 999999) : Entry("fine");
      for (int i = 0; i < kReads; ++i) {
        if (!group.Commit(*db, {entry}).ok()) ++failures[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(failures, (std::vector<int>{kReads, 0, 0, 0}));
  EXPECT_EQ(AuditRows("fine"), (kThreads - 1) * kReads);
  EXPECT_EQ(AuditRows("bad"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, SqlUnitOfWorkTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });
INSTANTIATE_TEST_SUITE_P(Engines, AuditGroupCommitTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::store
