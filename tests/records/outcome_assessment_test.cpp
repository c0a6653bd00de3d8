// Outcome assessments on both engines: the scale must suit the plan's indication (FU-02, from
// kb/indications.yaml), and the photographs an assessment links must be its client's, in its
// clinic; each refusal names the field and leaves the database as it was. Links are written with
// the assessment and the database refuses to change them afterwards.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corium/app/safety.h"
#include "corium/app/safety_reads.h"
#include "corium/store/records/sql_safety.h"
#include "corium/store/records/sql_safety_reads.h"
#include "records/inventory_fixture.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

class OutcomeAssessmentTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repository_ = std::make_unique<store::SqlSafetyRepository>(db());
    safety_ = std::make_unique<app::SafetyRecords>(*work_, *audit_, *repository_, clock_);
    read_repository_ = std::make_unique<store::SqlSafetyReadRepository>(db());
    reads_ = std::make_unique<app::SafetyReads>(*work_, *read_repository_, *audit_, clock_);
  }

  app::OutcomeAssessment On(app::Id plan, const std::string& scale,
                            std::vector<app::Id> photos = {}) const {
    app::OutcomeAssessment assessment;
    assessment.plan_id = plan;
    assessment.scale = Code(scale);
    assessment.score = 2;  // within the range of every scale used here
    assessment.time_point = app::TimePoint::kMonth3;
    assessment.assessed_on = Date::FromYmd(2026, 11, 20);
    assessment.photo_ids = std::move(photos);
    return assessment;
  }

  Result<app::Id> Record(const app::OutcomeAssessment& assessment) {
    return safety_->RecordOutcomeAssessment(a_.actor, ShippedKb(), assessment);
  }

  std::unique_ptr<store::SqlSafetyRepository> repository_;
  std::unique_ptr<app::SafetyRecords> safety_;
  std::unique_ptr<store::SqlSafetyReadRepository> read_repository_;
  std::unique_ptr<app::SafetyReads> reads_;
};

// The brief's FU-02 pairs, stated here independently of the knowledge base that encodes them.
TEST_P(OutcomeAssessmentTest, EachIndicationTakesItsStandardScaleAndGais) {
  const struct {
    const char* indication;
    const char* scale;
  } suitable[] = {{"acne_scars", "goodman_baron_qualitative"},
                  {"acne_scars", "gais"},
                  {"wrinkles", "lemperle"},
                  {"wrinkles", "gais"},
                  {"scars", "vancouver"},
                  {"scars", "posas"},
                  {"scars", "gais"},
                  {"melasma", "gais"}};
  for (const auto& c : suitable) {
    const auto id = Record(On(NewPlan(a_, c.indication), c.scale));
    EXPECT_TRUE(id.ok()) << c.indication << " " << c.scale << ": " << id.status().ToString();
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outcome_assessments"), 8);
}

TEST_P(OutcomeAssessmentTest, AScaleForAnotherIndicationIsRefusedNamingTheScale) {
  const struct {
    const char* indication;
    const char* scale;
  } unsuitable[] = {{"acne_scars", "lemperle"},
                    {"acne_scars", "vancouver"},
                    {"wrinkles", "goodman_baron_qualitative"},
                    {"wrinkles", "posas"},
                    {"scars", "lemperle"},
                    {"scars", "goodman_baron_qualitative"},
                    {"pores", "lemperle"}};
  std::vector<app::Id> plans;
  for (const auto& c : unsuitable) plans.push_back(NewPlan(a_, c.indication));
  const auto before = Fingerprint();
  for (size_t i = 0; i < plans.size(); ++i) {
    const Status refused = Record(On(plans[i], unsuitable[i].scale)).status();
    EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument) << unsuitable[i].scale;
    ASSERT_EQ(refused.field_errors().size(), 1U) << refused.ToString();
    EXPECT_EQ(refused.field_errors()[0].path, "scale");
    const std::string& message = refused.field_errors()[0].message;
    EXPECT_NE(message.find(unsuitable[i].indication), std::string::npos) << message;
    EXPECT_NE(message.find("FU-02"), std::string::npos) << message;
    EXPECT_NE(message.find("gais"), std::string::npos) << message;  // the way out is named
  }
  EXPECT_EQ(Fingerprint(), before);
}

// Every indication of the shipped knowledge base offers GAIS (FU-02: "GAIS for all"), and every
// scale an indication lists is one the knowledge base defines.
TEST_P(OutcomeAssessmentTest, TheShippedKnowledgeBaseOffersGaisForEveryIndication) {
  const kb::KnowledgeBase& kb = ShippedKb();
  EXPECT_EQ(kb.outcome_scale_rule, "FU-02");
  ASSERT_NE(kb.FindRule(kb.outcome_scale_rule), nullptr);
  for (const kb::IndicationInfo& indication : kb.indications) {
    EXPECT_TRUE(indication.SuitsScale(Code("gais"))) << indication.indication.str();
    for (const Code& scale : indication.outcome_scales) {
      EXPECT_NE(kb.FindOutcomeScale(scale), nullptr)
          << indication.indication.str() << " " << scale.str();
    }
  }
  const kb::IndicationInfo* acne_scars = kb.FindIndication(Code("acne_scars"));
  ASSERT_NE(acne_scars, nullptr);
  EXPECT_EQ(acne_scars->assess_months, (std::vector<int>{3, 6}));
}

TEST_P(OutcomeAssessmentTest, PhotosAreLinkedInTheirOrderAndReadBack) {
  const app::Id baseline = NewPhoto(a_, a_.client, 1);
  const app::Id follow_up = NewPhoto(a_, a_.client, 2);
  const auto id = Record(On(a_.plan, "gais", {follow_up, baseline}));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(
      Scalar("SELECT COUNT(*) FROM outcome_assessment_photos WHERE assessment_id = $1", {*id}), 2);
  const auto read = reads_->Assessment(a_.actor, *id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->photo_ids, (std::vector<app::Id>{follow_up, baseline}));
  const auto listed = reads_->PlanAssessments(a_.actor, a_.plan, {});
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->items.size(), 1U);
  EXPECT_EQ(listed->items[0].photo_ids, (std::vector<app::Id>{follow_up, baseline}));
  // Without photos the list is empty, not missing.
  const auto bare = Record(On(a_.plan, "lemperle"));
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  const auto bare_read = reads_->Assessment(a_.actor, *bare);
  ASSERT_TRUE(bare_read.ok());
  EXPECT_TRUE(bare_read->photo_ids.empty());
}

TEST_P(OutcomeAssessmentTest, AnotherClinicsPhotoAnswersExactlyLikeAnUnknownOne) {
  const app::Id mine = NewPhoto(a_, a_.client);
  const app::Id theirs = NewPhoto(b_, b_.client);
  const auto before = Fingerprint();
  const Status foreign = Record(On(a_.plan, "gais", {mine, theirs})).status();
  const Status unknown = Record(On(a_.plan, "gais", {mine, 999'999})).status();
  EXPECT_EQ(foreign.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstField(foreign), "photo_ids[1]");
  EXPECT_EQ(foreign.ToString(), unknown.ToString());
  ASSERT_EQ(foreign.field_errors().size(), unknown.field_errors().size());
  EXPECT_EQ(foreign.field_errors()[0].message, unknown.field_errors()[0].message);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(OutcomeAssessmentTest, AnotherClientsPhotoOrARepeatedOneIsRefusedNamingItsPlace) {
  const app::Id mine = NewPhoto(a_, a_.client);
  const app::Id neighbours = NewPhoto(a_, NewClient(a_, "Cy"));
  const auto before = Fingerprint();
  const Status other = Record(On(a_.plan, "gais", {neighbours, mine})).status();
  EXPECT_EQ(other.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstField(other), "photo_ids[0]");
  EXPECT_NE(other.field_errors()[0].message.find("another client"), std::string::npos);
  const Status twice = Record(On(a_.plan, "gais", {mine, mine})).status();
  EXPECT_EQ(twice.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstField(twice), "photo_ids[1]");
  const Status too_many =
      Record(On(a_.plan, "gais", std::vector<app::Id>(app::kMaxAssessmentPhotos + 1, mine)))
          .status();
  EXPECT_EQ(FirstField(too_many), "photo_ids");
  // A bad photo and a bad scale are reported together.
  const Status both = Record(On(a_.plan, "posas", {neighbours})).status();
  ASSERT_EQ(both.field_errors().size(), 2U) << both.ToString();
  EXPECT_EQ(both.field_errors()[0].path, "scale");
  EXPECT_EQ(both.field_errors()[1].path, "photo_ids[0]");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(OutcomeAssessmentTest, TheDatabaseRefusesToChangeAnAssessmentOrItsPhotos) {
  const app::Id photo = NewPhoto(a_, a_.client);
  const auto id = Record(On(a_.plan, "gais", {photo}));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  const auto before = Fingerprint();
  EXPECT_FALSE(db().Execute("UPDATE outcome_assessments SET score = 5 WHERE id = $1", {*id}).ok());
  EXPECT_FALSE(db().Execute("DELETE FROM outcome_assessments WHERE id = $1", {*id}).ok());
  EXPECT_FALSE(db().Execute("UPDATE outcome_assessment_photos SET position = 3", {}).ok());
  EXPECT_FALSE(db().Execute("DELETE FROM outcome_assessment_photos", {}).ok());
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outcome_assessments WHERE id = $1 AND score = 2", {*id}),
            1);
}

INSTANTIATE_TEST_SUITE_P(Engines, OutcomeAssessmentTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
