#include "corium/store/records/sql_unit_of_work.h"

#include <gtest/gtest.h>

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
  std::int64_t AuditRows() {
    auto rows = database_->Reconnect()->Query("SELECT COUNT(*) FROM audit_log", {});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  app::AuditEntry Entry() const {
    app::AuditEntry e;
    e.clinic_id = clinic_;
    e.action = "read";
    e.record_type = "client";
    e.at = 10;
    return e;
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

INSTANTIATE_TEST_SUITE_P(Engines, SqlUnitOfWorkTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::store
