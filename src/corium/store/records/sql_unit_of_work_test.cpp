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

INSTANTIATE_TEST_SUITE_P(Engines, SqlUnitOfWorkTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::store
