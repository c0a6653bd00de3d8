#include "corium/store/records/audit_group_commit.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "support/test_databases.h"

namespace corium::store {
namespace {

class AuditGroupCommitTest : public ::testing::TestWithParam<Dialect> {
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
  std::int64_t AuditRows(const std::string& detail) {
    auto rows =
        database_->Reconnect()->Query("SELECT COUNT(*) FROM audit_log WHERE detail = $1", {detail});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  app::AuditEntry Entry(std::string detail, app::Id clinic = 0) const {
    app::AuditEntry e;
    e.clinic_id = clinic != 0 ? clinic : clinic_;
    e.action = "read";
    e.record_type = "client";
    e.at = 10;
    e.detail = std::move(detail);
    return e;
  }
  std::unique_ptr<testing::TestDatabase> database_;
  std::int64_t clinic_ = 0;
};

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

INSTANTIATE_TEST_SUITE_P(Engines, AuditGroupCommitTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::store
