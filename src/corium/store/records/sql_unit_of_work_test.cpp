#include "corium/store/records/sql_unit_of_work.h"

#include <gtest/gtest.h>

#include <future>
#include <memory>
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

// The audit writer that SqlUnitOfWork::Read hands its entries to in `corium serve`.
class AuditWriterTest : public SqlUnitOfWorkTest {
 protected:
  std::unique_ptr<AuditWriter> StartWriter() {
    return std::make_unique<AuditWriter>(database_->Reconnect());
  }
  // A worker's unit of work on the test's connection, handing its reads' entries to a writer of
  // its own, as one worker of `corium serve` does.
  struct Worker {
    explicit Worker(testing::TestDatabase& database)
        : writer(database.Reconnect()), audit(database.db()), work(database.db(), audit, &writer) {}
    AuditWriter writer;
    SqlAuditLog audit;
    SqlUnitOfWork work;
  };
  // Blocks until `wait` reports, as the server's coroutine does without blocking.
  static Status Await(const app::DurabilityWait& wait) {
    auto reported = std::make_shared<std::promise<Status>>();
    std::future<Status> outcome = reported->get_future();
    wait([reported](Status status) { reported->set_value(std::move(status)); });
    return outcome.get();
  }
  static Status Await(const std::shared_ptr<AuditTicket>& ticket) {
    return Await(WaitForAll({ticket}));
  }
};

TEST_P(AuditWriterTest, AReadHandsItsEntriesInAndTheyAreDurableWhenTheWaitSaysSo) {
  Worker worker(*database_);
  EXPECT_FALSE(worker.work.TakeDurabilityWait());
  ASSERT_TRUE(worker.work.Read([&] { return worker.audit.Append(Entry("first")); }).ok());
  ASSERT_TRUE(worker.work
                  .Read([&]() -> Status {
                    CORIUM_RETURN_IF_ERROR(worker.audit.Append(Entry("second")));
                    return worker.audit.Append(Entry("second"));
                  })
                  .ok());
  const app::DurabilityWait wait = worker.work.TakeDurabilityWait();
  ASSERT_TRUE(wait);
  EXPECT_FALSE(worker.work.TakeDurabilityWait());  // taken: the next request starts afresh
  const Status durable = Await(wait);
  ASSERT_TRUE(durable.ok()) << durable.ToString();
  EXPECT_EQ(AuditRows("first"), 1);
  EXPECT_EQ(AuditRows("second"), 2);
  // A write's own entry still goes in with the write.
  ASSERT_TRUE(worker.work.Write([&] { return worker.audit.Append(Entry("write")); }).ok());
  EXPECT_FALSE(worker.work.TakeDurabilityWait());
  EXPECT_EQ(AuditRows("write"), 1);
}

TEST_P(AuditWriterTest, AReadThatFailsHandsNothingIn) {
  Worker worker(*database_);
  const Status read = worker.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(worker.audit.Append(Entry("refused")));
    return Status::NotFound("no such client");
  });
  EXPECT_EQ(read.code(), StatusCode::kNotFound);
  EXPECT_FALSE(worker.work.TakeDurabilityWait());
  EXPECT_EQ(AuditRows("refused"), 0);
}

TEST_P(AuditWriterTest, AnEntryThatCannotBeWrittenFailsTheWaitAndWritesNothingOfItsRead) {
  Worker worker(*database_);
  ASSERT_TRUE(worker.work
                  .Read([&]() -> Status {
                    CORIUM_RETURN_IF_ERROR(worker.audit.Append(Entry("good half")));
                    return worker.audit.Append(Entry("bad", 999999));
                  })
                  .ok());
  EXPECT_FALSE(Await(worker.work.TakeDurabilityWait()).ok());
  EXPECT_EQ(AuditRows("good half"), 0);
  ASSERT_TRUE(worker.work.Read([&] { return worker.audit.Append(Entry("after")); }).ok());
  EXPECT_TRUE(Await(worker.work.TakeDurabilityWait()).ok());
  EXPECT_EQ(AuditRows("after"), 1);
}

TEST_P(AuditWriterTest, EveryWorkersEntriesAreWrittenWhenItsWaitReportsOk) {
  const auto writer = StartWriter();
  constexpr int kWorkers = 6;
  constexpr int kReads = 25;
  std::vector<int> failures(kWorkers, 0);
  std::vector<std::unique_ptr<SqlConnection>> connections;
  connections.reserve(kWorkers);
  for (int t = 0; t < kWorkers; ++t) connections.push_back(database_->Reconnect());
  std::vector<std::thread> workers;
  workers.reserve(kWorkers);
  for (int t = 0; t < kWorkers; ++t) {
    workers.emplace_back([&, t] {
      SqlConnection& db = *connections[static_cast<size_t>(t)];
      SqlAuditLog audit(db);
      SqlUnitOfWork work(db, audit, writer.get());
      for (int i = 0; i < kReads; ++i) {
        const Status read = work.Read([&]() -> Status {
          CORIUM_RETURN_IF_ERROR(audit.Append(Entry("many")));
          return audit.Append(Entry("many"));
        });
        if (!read.ok() || !Await(work.TakeDurabilityWait()).ok()) {
          ++failures[static_cast<size_t>(t)];
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  EXPECT_EQ(failures, std::vector<int>(kWorkers, 0));
  EXPECT_EQ(AuditRows("many"), 2 * kWorkers * kReads);
}

TEST_P(AuditWriterTest, InAGroupOnlyTheSubmissionWithABadEntryFails) {
  const auto writer = StartWriter();
  constexpr int kThreads = 4;
  constexpr int kSubmissions = 10;
  std::vector<int> failures(kThreads, 0);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Thread 0 names a clinic that does not exist; the others' entries share its groups.
      const app::AuditEntry entry = t == 0 ? Entry("bad", 999999) : Entry("fine");
      std::vector<std::shared_ptr<AuditTicket>> tickets;
      tickets.reserve(kSubmissions);
      for (int i = 0; i < kSubmissions; ++i) tickets.push_back(writer->Submit({entry}));
      for (const auto& ticket : tickets) {
        if (!Await(ticket).ok()) ++failures[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, (std::vector<int>{kSubmissions, 0, 0, 0}));
  EXPECT_EQ(AuditRows("fine"), (kThreads - 1) * kSubmissions);
  EXPECT_EQ(AuditRows("bad"), 0);
}

TEST_P(AuditWriterTest, StoppingWritesEverythingHandedInFirst) {
  auto writer = StartWriter();
  constexpr int kSubmissions = 200;
  std::vector<std::shared_ptr<AuditTicket>> tickets;
  tickets.reserve(kSubmissions);
  for (int i = 0; i < kSubmissions; ++i) tickets.push_back(writer->Submit({Entry("last")}));
  writer.reset();
  EXPECT_EQ(AuditRows("last"), kSubmissions);
  for (const auto& ticket : tickets) EXPECT_TRUE(Await(ticket).ok());
}

// Only a PostgreSQL connection can be lost; an open SQLite file cannot.
class AuditWriterReconnectTest : public AuditWriterTest {};

TEST_P(AuditWriterReconnectTest, AfterItsConnectionIsLostTheWriterReconnectsForTheNextGroup) {
  std::unique_ptr<SqlConnection> first = database_->Reconnect();
  auto pid = first->Query("SELECT pg_backend_pid()", {});
  ASSERT_TRUE(pid.ok()) << pid.status().ToString();
  int reconnects = 0;
  AuditWriter writer(std::move(first), [&]() -> Result<std::unique_ptr<SqlConnection>> {
    ++reconnects;
    return database_->Reconnect();
  });
  ASSERT_TRUE(Await(writer.Submit({Entry("before")})).ok());
  auto cut = database_->db().Query("SELECT pg_terminate_backend($1::integer, 5000)",
                                   {pid->front().Int(0)});
  ASSERT_TRUE(cut.ok()) << cut.status().ToString();

  const Status lost = Await(writer.Submit({Entry("lost")}));
  EXPECT_EQ(lost.code(), StatusCode::kUnavailable) << lost.ToString();
  const Status again = Await(writer.Submit({Entry("again")}));
  EXPECT_TRUE(again.ok()) << again.ToString();
  EXPECT_EQ(reconnects, 1);
  EXPECT_EQ(AuditRows("before"), 1);
  EXPECT_EQ(AuditRows("lost"), 0);
  EXPECT_EQ(AuditRows("again"), 1);
}

TEST_P(AuditWriterTest, AWaitForNoTicketsReportsOkAtOnce) {
  EXPECT_TRUE(Await(WaitForAll({})).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, SqlUnitOfWorkTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });
INSTANTIATE_TEST_SUITE_P(Engines, AuditWriterReconnectTest, ::testing::Values(Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });
INSTANTIATE_TEST_SUITE_P(Engines, AuditWriterTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::store
