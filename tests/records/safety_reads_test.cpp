// The audited reads of adverse events and outcome assessments on both engines: one event, a
// client's, a clinic's open ones (each client on the page audited), a plan's assessments; another
// clinic's ids answer exactly as unknown ones.
#include "corium/app/safety_reads.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "corium/store/records/sql_safety_reads.h"
#include "records/inventory_fixture.h"

namespace corium::testing {
namespace {

class SafetyReadsTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    records_ = std::make_unique<store::SqlSafetyReadRepository>(db());
    reads_ = std::make_unique<app::SafetyReads>(*work_, *records_, *audit_, clock_);
  }

  app::Id NewEvent(const SeededClinic& c, app::Id client, const std::string& onset_on,
                   const std::string& outcome) {
    return Insert(
        "INSERT INTO adverse_events (clinic_id, client_id, onset_on, description, grade,"
        " causality, suspected_device_id, outcome, reported_by, created_at)"
        " VALUES ($1, $2, $3, 'Papules', 2, 'possible', $4, $5, $6, 1)",
        {c.clinic, client, onset_on, c.device, outcome, c.staff});
  }

  // An assessment with two photos of the client linked, the later one first.
  app::Id NewAssessment(const SeededClinic& c, const std::string& assessed_on, double score) {
    const app::Id id = Insert(
        "INSERT INTO outcome_assessments (clinic_id, client_id, plan_id, scale, score,"
        " time_point, assessed_on, assessed_by)"
        " VALUES ($1, $2, $3, 'gais', $4, 'month_3', $5, $6)",
        {c.clinic, c.client, c.plan, score, assessed_on, c.staff});
    const app::Id first = NewPhoto(c, c.client, 1);
    const app::Id second = NewPhoto(c, c.client, 2);
    photos_[id] = {second, first};
    for (std::int64_t position : {0, 1}) {
      Insert(
          "INSERT INTO outcome_assessment_photos (assessment_id, photo_id, position)"
          " VALUES ($1, $2, $3)",
          {id, photos_[id][static_cast<size_t>(position)], position});
    }
    return id;
  }

  std::int64_t ReadsOfClient(app::Id client) {
    return Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND client_id = $1",
                  {client});
  }

  std::unique_ptr<store::SqlSafetyReadRepository> records_;
  std::unique_ptr<app::SafetyReads> reads_;
  std::map<app::Id, std::vector<app::Id>> photos_;  // by assessment, in the order linked
};

TEST_P(SafetyReadsTest, AnEventIsReadWithItsClientsNameAndVersion) {
  const app::Id event = NewEvent(a_, a_.client, "2026-11-19", "ongoing");
  const auto read = reads_->AdverseEvent(a_.actor, event);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->client_given_name, "Ada");
  EXPECT_EQ(read->client_family_name, "Doe");
  EXPECT_EQ(read->onset_on, Date::FromYmd(2026, 11, 19));
  EXPECT_EQ(read->causality, "possible");
  EXPECT_EQ(read->suspected_device_id, a_.device);
  EXPECT_FALSE(read->suspected_lot_id.has_value());
  EXPECT_FALSE(read->session_id.has_value());
  EXPECT_EQ(read->outcome, "ongoing");
  EXPECT_EQ(read->version, 1);
  EXPECT_EQ(ReadsOfClient(a_.client), 1);
}

TEST_P(SafetyReadsTest, AnotherClinicsEventsPlansAndClientsAnswerLikeUnknownOnes) {
  const app::Id theirs = NewEvent(b_, b_.client, "2026-11-19", "ongoing");
  const std::int64_t before = AuditCount();
  for (const Status& status : {reads_->AdverseEvent(a_.actor, theirs).status(),
                               reads_->AdverseEvent(a_.actor, 999999).status()}) {
    EXPECT_EQ(status.code(), StatusCode::kNotFound);
    EXPECT_EQ(status.message(), "adverse event not found");
  }
  EXPECT_EQ(reads_->ClientAdverseEvents(a_.actor, b_.client, app::EventState::kAny, {})
                .status()
                .message(),
            "client not found");
  EXPECT_EQ(reads_->PlanAssessments(a_.actor, b_.plan, {}).status().message(), "plan not found");
  const app::Id assessment = NewAssessment(b_, "2026-11-20", 2);
  EXPECT_EQ(reads_->Assessment(a_.actor, assessment).status().message(),
            "outcome assessment not found");
  EXPECT_EQ(AuditCount(), before);
}

TEST_P(SafetyReadsTest, TheClinicsOpenEventsAreListedNewestFirstAuditingEachClient) {
  const app::Id second_client = NewClient(a_, "Second");
  const app::Id resolved = NewEvent(a_, a_.client, "2026-11-01", "resolved");
  const app::Id older = NewEvent(a_, a_.client, "2026-11-10", "ongoing");
  const app::Id newer = NewEvent(a_, second_client, "2026-11-18", "unknown");
  NewEvent(b_, b_.client, "2026-11-19", "ongoing");

  const auto open = reads_->ClinicAdverseEvents(a_.actor, app::EventState::kOpen, {});
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  EXPECT_EQ(open->total, 2);
  ASSERT_EQ(open->items.size(), 2U);
  EXPECT_EQ(open->items[0].id, newer);
  EXPECT_EQ(open->items[1].id, older);
  EXPECT_EQ(ReadsOfClient(a_.client), 1);
  EXPECT_EQ(ReadsOfClient(second_client), 1);
  EXPECT_EQ(ReadsOfClient(b_.client), 0);

  const auto closed = reads_->ClinicAdverseEvents(a_.actor, app::EventState::kClosed, {});
  ASSERT_TRUE(closed.ok());
  ASSERT_EQ(closed->items.size(), 1U);
  EXPECT_EQ(closed->items[0].id, resolved);

  const auto all = reads_->ClientAdverseEvents(a_.actor, a_.client, app::EventState::kAny, {1, 0});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 2);
  ASSERT_EQ(all->items.size(), 1U);
  EXPECT_EQ(all->items[0].id, older);
}

TEST_P(SafetyReadsTest, APlansAssessmentsAreListedByDateWithTheirPhotos) {
  const app::Id later = NewAssessment(a_, "2026-11-20", 2.5);
  const app::Id earlier = NewAssessment(a_, "2026-08-20", 1);
  const auto list = reads_->PlanAssessments(a_.actor, a_.plan, {});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->items.size(), 2U);
  EXPECT_EQ(list->items[0].id, earlier);
  EXPECT_EQ(list->items[1].id, later);
  EXPECT_DOUBLE_EQ(list->items[1].score, 2.5);
  EXPECT_EQ(list->items[1].time_point, "month_3");
  EXPECT_EQ(list->items[0].photo_ids, photos_[earlier]);
  EXPECT_EQ(list->items[1].photo_ids, photos_[later]);
  ASSERT_EQ(photos_[later].size(), 2U);
  EXPECT_GT(photos_[later][0], photos_[later][1]);  // the linked order, not the id order
  const auto one = reads_->Assessment(a_.actor, later);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->scale, "gais");
  EXPECT_EQ(one->photo_ids, photos_[later]);
  EXPECT_EQ(ReadsOfClient(a_.client), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, SafetyReadsTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
