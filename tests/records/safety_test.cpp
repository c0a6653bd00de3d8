// Adverse events and outcome assessments on both engines: grading (brief §7), ES-07 escalation,
// outcome scales and their score ranges from the knowledge base (brief §8), references held to the
// clinic, optimistic versions; every refusal leaves the database as it was.
#include "corium/app/safety.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "corium/store/records/sql_safety.h"
#include "records/inventory_fixture.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

class SafetyTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repository_ = std::make_unique<store::SqlSafetyRepository>(db());
    safety_ = std::make_unique<app::SafetyRecords>(*work_, *audit_, *repository_, clock_);
    lot_ = NewLot(a_, "L1");
    session_ = NewSession(a_, a_.client, NewCartridge(a_, lot_, "U1"), "2026-11-18");
    product_ = NewProduct(a_, "Glide", "P1");
  }

  app::AdverseEventReport Report() const {
    app::AdverseEventReport report;
    report.client_id = a_.client;
    report.session_id = session_;
    report.onset_on = Date::FromYmd(2026, 11, 19);
    report.description = "Papules on both cheeks";
    report.grade = 2;
    report.causality = app::Causality::kProbable;
    report.suspected_device_id = a_.device;
    report.suspected_lot_id = lot_;
    report.suspected_product_id = product_;
    return report;
  }

  app::OutcomeAssessment Assessment() const {
    app::OutcomeAssessment assessment;
    assessment.plan_id = a_.plan;
    assessment.scale = Code("gais");
    assessment.score = 2;
    assessment.time_point = app::TimePoint::kBaseline;
    assessment.assessed_on = Date::FromYmd(2026, 11, 20);
    return assessment;
  }

  std::unique_ptr<store::SqlSafetyRepository> repository_;
  std::unique_ptr<app::SafetyRecords> safety_;
  app::Id lot_ = 0, session_ = 0, product_ = 0;
};

TEST_P(SafetyTest, AnAdverseEventIsStoredWithItsSuspectsAndAuditedOnceUnderTheClient) {
  const auto id = safety_->RecordAdverseEvent(a_.actor, Report());
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(Text("SELECT causality FROM adverse_events WHERE id = $1", {*id}), "probable");
  EXPECT_EQ(Text("SELECT outcome FROM adverse_events WHERE id = $1", {*id}), "ongoing");
  EXPECT_EQ(Scalar("SELECT suspected_lot_id FROM adverse_events WHERE id = $1", {*id}), lot_);
  EXPECT_EQ(Scalar("SELECT reported_by FROM adverse_events WHERE id = $1", {*id}), a_.staff);
  EXPECT_EQ(AuditCount(), 1);
  EXPECT_EQ(Scalar("SELECT client_id FROM audit_log WHERE record_type = 'adverse_event'"),
            a_.client);
}

TEST_P(SafetyTest, AnEventWithoutSessionOrSuspectsIsAccepted) {
  app::AdverseEventReport report = Report();
  report.session_id.reset();
  report.suspected_device_id.reset();
  report.suspected_lot_id.reset();
  report.suspected_product_id.reset();
  EXPECT_TRUE(safety_->RecordAdverseEvent(a_.actor, report).ok());
}

TEST_P(SafetyTest, GradesOutsideOneToFourAreRefused) {
  const auto before = Fingerprint();
  for (const int grade : {0, 5, -1}) {
    app::AdverseEventReport report = Report();
    report.grade = grade;
    report.escalation = "MedWatch filed";
    const auto refused = safety_->RecordAdverseEvent(a_.actor, report);
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(FirstField(refused.status()), "grade") << grade;
  }
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, ES07AGradeThreeOrFourEventNeedsAnEscalation) {
  const auto before = Fingerprint();
  app::AdverseEventReport report = Report();
  report.grade = 3;
  report.escalation = "  ";
  EXPECT_EQ(FirstField(safety_->RecordAdverseEvent(a_.actor, report).status()), "escalation");
  report.grade = 4;
  EXPECT_EQ(FirstField(safety_->RecordAdverseEvent(a_.actor, report).status()), "escalation");
  EXPECT_EQ(Fingerprint(), before);
  report.escalation = "FDA MedWatch 3500 filed; manufacturer complaint opened";
  const auto id = safety_->RecordAdverseEvent(a_.actor, report);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(Text("SELECT escalation FROM adverse_events WHERE id = $1", {*id}), report.escalation);
}

TEST_P(SafetyTest, AFutureOnsetOrABlankDescriptionIsRefused) {
  const auto before = Fingerprint();
  app::AdverseEventReport report = Report();
  report.onset_on = Date::FromYmd(2026, 11, 21);
  EXPECT_EQ(FirstField(safety_->RecordAdverseEvent(a_.actor, report).status()), "onset_on");
  report = Report();
  report.description = "\n";
  EXPECT_EQ(FirstField(safety_->RecordAdverseEvent(a_.actor, report).status()), "description");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, AnotherClinicsIdsAnswerLikeUnknownOnes) {
  const auto before = Fingerprint();
  const auto b_lot = NewLot(b_, "L9");
  const auto b_product = NewProduct(b_, "Glide", "P9");
  const auto b_session = NewSession(b_, b_.client, NewCartridge(b_, b_lot, "U1"), "2026-11-18");
  const auto after_seed = Fingerprint();
  ASSERT_NE(before, after_seed);

  struct Case {
    const char* field;
    void (*point_at)(app::AdverseEventReport&, app::Id);
    app::Id foreign;
  };
  const Case cases[] = {
      {"client_id", [](app::AdverseEventReport& r, app::Id id) { r.client_id = id; }, b_.client},
      {"session_id", [](app::AdverseEventReport& r, app::Id id) { r.session_id = id; }, b_session},
      {"suspected_device_id",
       [](app::AdverseEventReport& r, app::Id id) { r.suspected_device_id = id; }, b_.device},
      {"suspected_lot_id", [](app::AdverseEventReport& r, app::Id id) { r.suspected_lot_id = id; },
       b_lot},
      {"suspected_product_id",
       [](app::AdverseEventReport& r, app::Id id) { r.suspected_product_id = id; }, b_product},
  };
  for (const Case& c : cases) {
    app::AdverseEventReport foreign = Report();
    c.point_at(foreign, c.foreign);
    app::AdverseEventReport unknown = Report();
    c.point_at(unknown, 999'999);
    const Status foreign_status = safety_->RecordAdverseEvent(a_.actor, foreign).status();
    const Status unknown_status = safety_->RecordAdverseEvent(a_.actor, unknown).status();
    EXPECT_EQ(foreign_status.code(), StatusCode::kNotFound) << c.field;
    EXPECT_EQ(foreign_status.ToString(), unknown_status.ToString()) << c.field;
    EXPECT_NE(foreign_status.message().find(c.field), std::string::npos) << c.field;
  }
  EXPECT_EQ(Fingerprint(), after_seed);
}

TEST_P(SafetyTest, ASessionOfAnotherClientOfTheClinicIsRefused) {
  const auto other = NewClient(a_, "Cy");
  const auto theirs = NewSession(a_, other, NewCartridge(a_, lot_, "U2"), "2026-11-17");
  const auto before = Fingerprint();
  app::AdverseEventReport report = Report();
  report.session_id = theirs;
  EXPECT_EQ(FirstField(safety_->RecordAdverseEvent(a_.actor, report).status()), "session_id");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, UpdatingTheOutcomeTakesTheVersionReadAndAStaleOneConflicts) {
  const auto id = safety_->RecordAdverseEvent(a_.actor, Report());
  ASSERT_TRUE(id.ok());
  const auto version =
      safety_->UpdateAdverseEventOutcome(a_.actor, *id, 1, app::AdverseOutcome::kResolved);
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, 2);
  EXPECT_EQ(AuditCount(), 2);

  const auto before = Fingerprint();
  const auto stale = safety_->UpdateAdverseEventOutcome(a_.actor, *id, 1,
                                                        app::AdverseOutcome::kResolvedWithSequelae);
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_EQ(Text("SELECT outcome FROM adverse_events WHERE id = $1", {*id}), "resolved");
}

TEST_P(SafetyTest, AnotherClinicCannotUpdateAnEvent) {
  const auto id = safety_->RecordAdverseEvent(a_.actor, Report());
  ASSERT_TRUE(id.ok());
  const auto before = Fingerprint();
  const auto foreign =
      safety_->UpdateAdverseEventOutcome(b_.actor, *id, 1, app::AdverseOutcome::kResolved);
  const auto unknown =
      safety_->UpdateAdverseEventOutcome(b_.actor, 999'999, 1, app::AdverseOutcome::kResolved);
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.status().ToString(), unknown.status().ToString());
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, AnOutcomeAssessmentIsFiledUnderThePlansClientAndAuditedOnce) {
  const auto id = safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), Assessment());
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(Scalar("SELECT client_id FROM outcome_assessments WHERE id = $1", {*id}), a_.client);
  EXPECT_EQ(Text("SELECT time_point FROM outcome_assessments WHERE id = $1", {*id}), "baseline");
  EXPECT_EQ(AuditCount(), 1);
  EXPECT_EQ(Scalar("SELECT client_id FROM audit_log"), a_.client);
}

TEST_P(SafetyTest, AnInvalidOutcomeAssessmentIsRefusedNamingTheField) {
  const auto before = Fingerprint();
  app::OutcomeAssessment bad = Assessment();
  bad.scale = Code("");
  EXPECT_EQ(FirstField(safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), bad).status()),
            "scale");
  bad = Assessment();
  bad.scale = Code("GAIS; DROP");
  EXPECT_EQ(FirstField(safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), bad).status()),
            "scale");
  bad = Assessment();
  bad.score = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(FirstField(safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), bad).status()),
            "score");
  bad = Assessment();
  bad.assessed_on = Date::FromYmd(2026, 11, 21);
  EXPECT_EQ(FirstField(safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), bad).status()),
            "assessed_on");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, AScaleTheKnowledgeBaseDoesNotDefineIsRefusedNamingTheScale) {
  const auto before = Fingerprint();
  for (const char* scale : {"gais_v2", "likert", "dlqi_total"}) {
    app::OutcomeAssessment bad = Assessment();
    bad.scale = Code(scale);
    const Status refused = safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), bad).status();
    EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument) << scale;
    EXPECT_EQ(FirstField(refused), "scale") << scale;
  }
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, AScoreOutsideTheScalesRangeIsRefusedNamingTheScore) {
  const auto before = Fingerprint();
  const struct {
    const char* scale;
    double score;
  } outside[] = {{"gais", 0},
                 {"gais", 6},
                 {"gais", 5.5},
                 {"lemperle", -1},
                 {"lemperle", 6},
                 {"vancouver", 14},
                 {"goodman_baron_qualitative", 0.5}};
  for (const auto& c : outside) {
    app::OutcomeAssessment bad = Assessment();
    bad.scale = Code(c.scale);
    bad.score = c.score;
    const Status refused = safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), bad).status();
    EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument) << c.scale << " " << c.score;
    EXPECT_EQ(FirstField(refused), "score") << c.scale << " " << c.score;
  }
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, TheEndsOfAScalesRangeAreAccepted) {
  const app::Id scar_plan = NewPlan(a_, "scars");
  const struct {
    const char* scale;
    double score;
  } ends[] = {{"gais", 1}, {"gais", 5}, {"lemperle", 0}, {"vancouver", 13}};
  for (const auto& c : ends) {
    app::OutcomeAssessment assessment = Assessment();
    if (std::string(c.scale) == "vancouver") assessment.plan_id = scar_plan;
    assessment.scale = Code(c.scale);
    assessment.score = c.score;
    const auto id = safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), assessment);
    EXPECT_TRUE(id.ok()) << c.scale << " " << c.score << ": " << id.status().ToString();
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outcome_assessments"), 4);
}

// POSAS has no range in the knowledge base (the score may be an item, a subscale or a sum), so
// any finite score is kept.
TEST_P(SafetyTest, AScaleWithoutARangeTakesAnyFiniteScore) {
  app::OutcomeAssessment assessment = Assessment();
  assessment.plan_id = NewPlan(a_, "scars");
  assessment.scale = Code("posas");
  assessment.score = 37;
  const auto id = safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), assessment);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(Text("SELECT scale FROM outcome_assessments WHERE id = $1", {*id}), "posas");
}

TEST_P(SafetyTest, AnotherClinicsPlanAnswersLikeAnUnknownOne) {
  const auto before = Fingerprint();
  app::OutcomeAssessment foreign = Assessment();
  foreign.plan_id = b_.plan;
  app::OutcomeAssessment unknown = Assessment();
  unknown.plan_id = 999'999;
  const Status foreign_status =
      safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), foreign).status();
  EXPECT_EQ(foreign_status.code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign_status.ToString(),
            safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), unknown).status().ToString());
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(SafetyTest, EnumsRoundTripThroughTheSchemasSpellings) {
  for (const auto c :
       {app::Causality::kUnrelated, app::Causality::kUnlikely, app::Causality::kPossible,
        app::Causality::kProbable, app::Causality::kDefinite}) {
    EXPECT_EQ(app::ParseCausality(app::CausalityName(c)), c);
  }
  for (const auto o : {app::AdverseOutcome::kOngoing, app::AdverseOutcome::kResolved,
                       app::AdverseOutcome::kResolvedWithSequelae, app::AdverseOutcome::kUnknown}) {
    EXPECT_EQ(app::ParseAdverseOutcome(app::AdverseOutcomeName(o)), o);
  }
  for (const auto t : {app::TimePoint::kBaseline, app::TimePoint::kMonth1, app::TimePoint::kMonth3,
                       app::TimePoint::kMonth6, app::TimePoint::kMonth12, app::TimePoint::kOther}) {
    EXPECT_EQ(app::ParseTimePoint(app::TimePointName(t)), t);
  }
  EXPECT_FALSE(app::ParseCausality("certain").has_value());
  EXPECT_FALSE(app::ParseAdverseOutcome("fatal").has_value());
  EXPECT_FALSE(app::ParseTimePoint("week_2").has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, SafetyTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
