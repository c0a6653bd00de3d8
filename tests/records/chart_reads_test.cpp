// The audited reads of plans, consents, sessions and amendments on both engines: each read returns
// what was stored, appends one audit entry under the client, and answers another clinic's ids
// exactly as unknown ones, writing nothing.
#include "corium/app/chart_reads.h"

#include <gtest/gtest.h>

#include "corium/store/records/sql_chart_reads.h"
#include "records/inventory_fixture.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

class ChartReadsTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    records_ = std::make_unique<store::SqlChartReadRepository>(db());
    reads_ = std::make_unique<app::ChartReads>(*work_, *records_, *audit_, clock_);
    Insert(
        "INSERT INTO plan_zones (plan_id, zone, planned_min_um, planned_max_um, cap_max_um)"
        " VALUES ($1, 'cheeks', 500, 1000, 1500)",
        {a_.plan});
    Insert(
        "INSERT INTO plan_zones (plan_id, zone, planned_min_um, planned_max_um, cap_max_um)"
        " VALUES ($1, 'forehead', 250, 500, 750)",
        {a_.plan});
    session_ = NewSession(a_, a_.client, NewCartridge(a_, NewLot(a_, "L1"), "U1"), "2026-11-18");
  }

  app::Id NewPlan(const SeededClinic& c, std::int64_t created_at) {
    return Insert(
        "INSERT INTO plans (clinic_id, client_id, screening_id, indication, sessions,"
        " interval_days, created_by, created_at) VALUES ($1, $2, $3, 'acne_scars', 4, 30, $4, $5)",
        {c.clinic, c.client, c.screening, c.staff, created_at});
  }

  // The last audit entry, as "action record_type record_id client_id".
  std::string LastAudit() {
    return Text(
        "SELECT action || ' ' || record_type || ' ' || COALESCE(CAST(record_id AS TEXT), '-')"
        " || ' ' || CAST(client_id AS TEXT) FROM audit_log ORDER BY id DESC LIMIT 1");
  }

  // Expects `status` to be the not-found answer `message`, with nothing written.
  void ExpectNotFound(const Status& status, const std::string& message, std::int64_t audit) {
    EXPECT_EQ(status.code(), StatusCode::kNotFound) << status.ToString();
    EXPECT_EQ(status.message(), message);
    EXPECT_EQ(AuditCount(), audit);
  }

  std::unique_ptr<store::SqlChartReadRepository> records_;
  std::unique_ptr<app::ChartReads> reads_;
  app::Id session_ = 0;
};

TEST_P(ChartReadsTest, APlanIsReadWithItsZonesAndOneAuditEntry) {
  const std::int64_t before = AuditCount();
  const auto plan = reads_->Plan(a_.actor, a_.plan);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->client_id, a_.client);
  EXPECT_EQ(plan->screening_id, a_.screening);
  EXPECT_EQ(plan->indication, "wrinkles");
  EXPECT_EQ(plan->sessions, 3);
  EXPECT_EQ(plan->interval_days, 28);
  EXPECT_EQ(plan->status, "active");
  EXPECT_EQ(plan->version, 1);
  ASSERT_EQ(plan->zones.size(), 2U);
  EXPECT_EQ(plan->zones[0].zone, "cheeks");
  EXPECT_EQ(plan->zones[0].planned_max.micrometres(), 1000);
  EXPECT_EQ(plan->zones[1].cap_max.micrometres(), 750);
  EXPECT_EQ(AuditCount(), before + 1);
  EXPECT_EQ(LastAudit(), "read plan " + std::to_string(a_.plan) + " " + std::to_string(a_.client));
}

TEST_P(ChartReadsTest, AnotherClinicsRecordsAnswerExactlyLikeUnknownOnes) {
  const std::int64_t before = AuditCount();
  ExpectNotFound(reads_->Plan(a_.actor, b_.plan).status(), "plan not found", before);
  ExpectNotFound(reads_->Plan(a_.actor, 999999).status(), "plan not found", before);
  ExpectNotFound(reads_->Consent(a_.actor, b_.consent).status(), "consent not found", before);
  ExpectNotFound(reads_->Session(b_.actor, session_).status(), "session not found", before);
  ExpectNotFound(reads_->ClientPlans(a_.actor, b_.client, {}).status(), "client not found", before);
  ExpectNotFound(reads_->ClientSessions(b_.actor, a_.client, {}).status(), "client not found",
                 before);
  ExpectNotFound(reads_->ConsentItems(a_.actor, ShippedKb(), b_.plan).status(), "plan not found",
                 before);
  ExpectNotFound(reads_->Amendments(b_.actor, "session", session_, {}).status(),
                 "session not found", before);
}

TEST_P(ChartReadsTest, AClientsPlansArePagedNewestFirst) {
  const app::Id second = NewPlan(a_, 5);
  const app::Id third = NewPlan(a_, 9);
  NewPlan(b_, 9);
  const auto page = reads_->ClientPlans(a_.actor, a_.client, {2, 0});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->items.size(), 2U);
  EXPECT_EQ(page->items[0].id, third);
  EXPECT_EQ(page->items[1].id, second);
  const auto rest = reads_->ClientPlans(a_.actor, a_.client, {2, 2});
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->items.size(), 1U);
  EXPECT_EQ(rest->items[0].id, a_.plan);
  EXPECT_EQ(rest->items[0].zones.size(), 2U);
  EXPECT_EQ(LastAudit(), "read plan - " + std::to_string(a_.client));
}

TEST_P(ChartReadsTest, APageOutsideItsLimitsIsRefusedNamingTheParameter) {
  const auto status = reads_->ClientPlans(a_.actor, a_.client, {0, -1}).status();
  ASSERT_EQ(status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(status.field_errors().size(), 2U);
  EXPECT_EQ(status.field_errors()[0].path, "limit");
  EXPECT_EQ(status.field_errors()[1].path, "offset");
}

TEST_P(ChartReadsTest, ConsentItemsAreTheScreeningsWithTheKnowledgeBaseThatWordsThem) {
  const app::Id screening = Insert(
      "INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision, intake_json,"
      " decision_json, kb_version, kb_digest, screened_by, screened_at)"
      " SELECT clinic_id, client_id, intake_id, as_of, decision, intake_json,"
      " '{\"consent_items\": [\"CN-01\", \"CN-02\"]}', kb_version, kb_digest, screened_by, 2"
      " FROM screenings WHERE id = $1",
      {a_.screening});
  const app::Id plan = Insert(
      "INSERT INTO plans (clinic_id, client_id, screening_id, indication, sessions,"
      " interval_days, created_by, created_at) VALUES ($1, $2, $3, 'wrinkles', 3, 28, $4, 1)",
      {a_.clinic, a_.client, screening, a_.staff});
  const auto items = reads_->ConsentItems(a_.actor, ShippedKb(), plan);
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  EXPECT_EQ(items->items, (std::vector<std::string>{"CN-01", "CN-02"}));
  EXPECT_EQ(items->screening_id, screening);
  EXPECT_EQ(items->client_id, a_.client);
  EXPECT_EQ(items->text_version, ShippedKb().version);
  EXPECT_EQ(items->text_digest, ShippedKb().digest);
  // The client reads each item's own words, in the order of the items.
  ASSERT_EQ(items->texts.size(), 2U);
  EXPECT_EQ(items->texts[0].id, "CN-01");
  EXPECT_EQ(items->texts[1].id, "CN-02");
  EXPECT_NE(items->texts[1].text.find("darker patches"), std::string::npos);
  EXPECT_FALSE(items->texts[1].title.empty());
  EXPECT_EQ(LastAudit(), "read plan " + std::to_string(plan) + " " + std::to_string(a_.client));
}

TEST_P(ChartReadsTest, AConsentIsReadAsSigned) {
  const auto consent = reads_->Consent(a_.actor, a_.consent);
  ASSERT_TRUE(consent.ok()) << consent.status().ToString();
  EXPECT_EQ(consent->plan_id, a_.plan);
  EXPECT_TRUE(consent->items.empty());
  EXPECT_EQ(consent->text_digest, "sha256:y");
  EXPECT_EQ(consent->signature, "sig");
  EXPECT_EQ(consent->signer_name, "Signer");
  EXPECT_FALSE(consent->photo_consent);
  EXPECT_EQ(consent->witnessed_by, a_.staff);
  EXPECT_EQ(LastAudit(),
            "read consent " + std::to_string(a_.consent) + " " + std::to_string(a_.client));
}

TEST_P(ChartReadsTest, ASessionIsReadWithItsZonesProductsAndSignature) {
  const app::Id glide = NewProduct(a_, "Glide", "P1");
  const auto zone = db().Execute(
      "INSERT INTO session_zones (session_id, zone, position, depth_um, passes, endpoint, speed,"
      " override_by, override_reason) VALUES ($1, 'cheeks', 0, 1250, 3, 'erythema', 'level 4',"
      " $2, 'deep scars')",
      {session_, a_.staff});
  ASSERT_TRUE(zone.ok()) << zone.status().ToString();
  UseProduct(session_, glide, "glide");
  auto session = reads_->Session(a_.actor, session_);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(session->status, "draft");
  EXPECT_FALSE(session->signed_by.has_value());
  EXPECT_EQ(session->performed_on, Date::FromYmd(2026, 11, 18));
  ASSERT_EQ(session->zones.size(), 1U);
  EXPECT_EQ(session->zones[0].depth.micrometres(), 1250);
  EXPECT_EQ(session->zones[0].speed, "level 4");
  EXPECT_EQ(session->zones[0].override_by, a_.staff);
  EXPECT_EQ(session->zones[0].override_reason, "deep scars");
  ASSERT_EQ(session->products.size(), 1U);
  EXPECT_EQ(session->products[0].product_id, glide);
  EXPECT_EQ(session->products[0].step, "glide");

  ASSERT_TRUE(db().Execute("UPDATE sessions SET status = 'signed', signed_by = $1, signed_at = 77,"
                           " version = 2 WHERE id = $2",
                           {a_.staff, session_})
                  .ok());
  session = reads_->Session(a_.actor, session_);
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->status, "signed");
  EXPECT_EQ(session->signed_by, a_.staff);
  EXPECT_EQ(session->signed_at, 77);
  EXPECT_EQ(session->version, 2);
}

TEST_P(ChartReadsTest, AClientsSessionsAreListedNewestFirst) {
  const app::Id lot = NewLot(a_, "L2");
  const app::Id later = NewSession(a_, a_.client, NewCartridge(a_, lot, "U1"), "2026-11-19");
  const auto page = reads_->ClientSessions(a_.actor, a_.client, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->items.size(), 2U);
  EXPECT_EQ(page->items[0].id, later);
  EXPECT_EQ(page->items[1].id, session_);
  EXPECT_EQ(page->items[1].status, "draft");
}

TEST_P(ChartReadsTest, AmendmentsOfARecordAreListedOldestFirstAndReadOneByOne) {
  const app::Id first = Insert(
      "INSERT INTO amendments (clinic_id, record_type, record_id, reason, body_json, author_id,"
      " created_at) VALUES ($1, 'session', $2, 'wrong zone', '{\"zone\": \"chin\"}', $3, 10)",
      {a_.clinic, session_, a_.staff});
  Insert(
      "INSERT INTO amendments (clinic_id, record_type, record_id, reason, body_json, author_id,"
      " created_at) VALUES ($1, 'session', $2, 'typo', '{}', $3, 20)",
      {a_.clinic, session_, a_.staff});
  const auto list = reads_->Amendments(a_.actor, "session", session_, {});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->total, 2);
  ASSERT_EQ(list->items.size(), 2U);
  EXPECT_EQ(list->items[0].id, first);
  EXPECT_EQ(list->items[0].body_json, "{\"zone\": \"chin\"}");
  EXPECT_EQ(LastAudit(), "read amendment - " + std::to_string(a_.client));

  const auto one = reads_->Amendment(a_.actor, first);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->reason, "wrong zone");
  EXPECT_EQ(LastAudit(),
            "read amendment " + std::to_string(first) + " " + std::to_string(a_.client));
  ExpectNotFound(reads_->Amendment(b_.actor, first).status(), "amendment not found", AuditCount());

  const auto wrong = reads_->Amendments(a_.actor, "plan", a_.plan, {});
  ASSERT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstField(wrong.status()), "record_type");
}

INSTANTIATE_TEST_SUITE_P(Engines, ChartReadsTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
