// Adverse events and outcome assessments through the real server, on SQLite and PostgreSQL: every
// answer matches the OpenAPI document; grading and escalation refusals name their fields; the
// outcome takes If-Match (412 stale, 428 missing); the Today list shows open events of this clinic
// only, and another clinic's ids answer exactly as unknown ones. An assessment's scale must suit
// its plan's indication (FU-02) and its photos must be its client's.
#include <gtest/gtest.h>

#include "integration/clinic_api.h"
#include "support/test_images.h"

namespace corium::testing {
namespace {

class SafetyApiTest : public ClinicApiTest {
 protected:
  json Event(std::int64_t client, int grade) const {
    return {{"client_id", client},
            {"onset_on", "2026-01-05"},
            {"description", "Papules on both cheeks"},
            {"grade", grade},
            {"causality", "possible"},
            {"outcome", "ongoing"}};
  }
};

std::string Id(const json& record) { return std::to_string(record.value("id", 0)); }

json Assessment(const json& plan, const std::string& scale, const json& photo_ids = nullptr) {
  json body = {{"plan_id", plan["id"]},
               {"scale", scale},
               {"score", 2},
               {"time_point", "month_3"},
               {"assessed_on", "2026-01-05"}};
  if (!photo_ids.is_null()) body["photo_ids"] = photo_ids;
  return body;
}

bool Lists(const HttpResponse& response, const json& record) {
  for (const json& item : response.Json().value("items", json::array())) {
    if (item.value("id", 0) == record.value("id", 0)) return true;
  }
  return false;
}

TEST_P(SafetyApiTest, AnEventIsRecordedReadFollowedUpAndListed) {
  const std::int64_t client = NewClient(physician());
  const HttpResponse event = physician().Post("/api/v1/adverse-events", Event(client, 2));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/adverse-events", event, 201);
  EXPECT_EQ(event.Header("etag"), "\"1\"");
  EXPECT_EQ(event.Json().value("client_family_name", "").rfind("Lee", 0), 0U);
  const std::string path = "/api/v1/adverse-events/" + Id(event.Json());
  CORIUM_EXPECT_REPLY("GET", "/api/v1/adverse-events/{event_id}", physician().Get(path), 200);

  const HttpResponse open = physician().Get("/api/v1/adverse-events?open=true&limit=200");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/adverse-events", open, 200);
  EXPECT_TRUE(Lists(open, event.Json()));

  const HttpResponse resolved =
      physician().Put(path + "/outcome", {{"outcome", "resolved"}}, {{"If-Match", "\"1\""}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/adverse-events/{event_id}/outcome", resolved, 200);
  EXPECT_EQ(resolved.Json().value("outcome", ""), "resolved");
  EXPECT_EQ(resolved.Header("etag"), "\"2\"");
  const HttpResponse stale =
      physician().Put(path + "/outcome", {{"outcome", "unknown"}}, {{"If-Match", "\"1\""}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/adverse-events/{event_id}/outcome", stale, 412);
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/adverse-events/{event_id}/outcome",
                      physician().Put(path + "/outcome", {{"outcome", "unknown"}}), 428);

  EXPECT_FALSE(Lists(physician().Get("/api/v1/adverse-events?open=true&limit=200"), event.Json()));
  EXPECT_TRUE(Lists(physician().Get("/api/v1/adverse-events?open=false&limit=200"), event.Json()));
  const HttpResponse of_client =
      physician().Get("/api/v1/clients/" + std::to_string(client) + "/adverse-events");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/adverse-events", of_client, 200);
  EXPECT_EQ(of_client.Json().value("total", 0), 1);
}

TEST_P(SafetyApiTest, RefusalsNameTheirFields) {
  const std::int64_t client = NewClient(physician());
  // ES-07: a grade 3 event says who was told.
  const HttpResponse unescalated = physician().Post("/api/v1/adverse-events", Event(client, 3));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/adverse-events", unescalated, 422);
  EXPECT_TRUE(HasErrorAt(unescalated, "escalation")) << unescalated.body;
  json bad = Event(client, 5);
  bad["causality"] = "certain";
  bad["onset_on"] = "2026-02-30";
  const HttpResponse invalid = physician().Post("/api/v1/adverse-events", bad);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/adverse-events", invalid, 422);
  EXPECT_TRUE(HasErrorAt(invalid, "grade")) << invalid.body;
  EXPECT_TRUE(HasErrorAt(invalid, "causality")) << invalid.body;
  const HttpResponse filter = physician().Get("/api/v1/adverse-events?open=maybe");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/adverse-events", filter, 422);
  EXPECT_TRUE(HasErrorAt(filter, "open"));

  const json screening = Screen(physician(), client);
  const json plan = ConsentedPlan(physician(), screening, false);
  const HttpResponse scale =
      physician().Post("/api/v1/outcome-assessments", {{"plan_id", plan["id"]},
                                                       {"scale", "happiness"},
                                                       {"score", 3},
                                                       {"time_point", "baseline"},
                                                       {"assessed_on", "2026-01-05"}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments", scale, 422);
  EXPECT_TRUE(HasErrorAt(scale, "scale")) << scale.body;
}

TEST_P(SafetyApiTest, OutcomeAssessmentsAreRecordedAndListedByPlan) {
  const std::int64_t client = NewClient(physician());
  const json plan = ConsentedPlan(physician(), Screen(physician(), client), false);
  // The first scale the kb lists as suitable for the fixture's wrinkles plan (FU-02).
  const kb::OutcomeScale& scale = *ShippedKb().FindOutcomeScale(
      ShippedKb().FindIndication(Code("wrinkles"))->outcome_scales.front());
  const double score = scale.scores ? (scale.scores->min + scale.scores->max) / 2 : 1;
  const HttpResponse assessment =
      physician().Post("/api/v1/outcome-assessments", {{"plan_id", plan["id"]},
                                                       {"scale", scale.code.str()},
                                                       {"score", score},
                                                       {"time_point", "baseline"},
                                                       {"assessed_on", "2026-01-05"}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments", assessment, 201);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/outcome-assessments/{assessment_id}",
                      physician().Get("/api/v1/outcome-assessments/" + Id(assessment.Json())), 200);
  const HttpResponse listed = physician().Get("/api/v1/plans/" + Id(plan) + "/outcome-assessments");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/plans/{plan_id}/outcome-assessments", listed, 200);
  EXPECT_EQ(listed.Json().value("total", 0), 1);
}

TEST_P(SafetyApiTest, AScaleThatDoesNotSuitThePlansIndicationIsRefusedNamingTheScale) {
  const std::int64_t client = NewClient(physician());
  const json plan = ConsentedPlan(physician(), Screen(physician(), client), false);
  const HttpResponse acne_scale = physician().Post("/api/v1/outcome-assessments",
                                                   Assessment(plan, "goodman_baron_qualitative"));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments", acne_scale, 422);
  EXPECT_TRUE(HasErrorAt(acne_scale, "scale")) << acne_scale.body;
  EXPECT_NE(acne_scale.body.find("FU-02"), std::string::npos) << acne_scale.body;
  EXPECT_EQ(physician().Get("/api/v1/plans/" + Id(plan) + "/outcome-assessments").Json()["total"],
            0);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments",
                      physician().Post("/api/v1/outcome-assessments", Assessment(plan, "lemperle")),
                      201);
}

TEST_P(SafetyApiTest, AnAssessmentLinksItsClientsPhotosInOrder) {
  const std::int64_t client = NewClient(physician());
  const json plan = ConsentedPlan(physician(), Screen(physician(), client), /*photo_consent=*/true);
  const std::string photos = "/api/v1/clients/" + std::to_string(client) + "/photos/";
  const HttpResponse baseline = clinic_->physician_raw.Upload(
      http(), photos + "baseline", TinyJpeg(false, '\x01'), "image/jpeg");
  ASSERT_EQ(baseline.status, 201) << baseline.body;
  const HttpResponse follow_up = clinic_->physician_raw.Upload(
      http(), photos + "follow_up", TinyJpeg(false, '\x02'), "image/jpeg");
  ASSERT_EQ(follow_up.status, 201) << follow_up.body;
  const json ids = json::array({follow_up.Json()["id"], baseline.Json()["id"]});

  const HttpResponse recorded =
      physician().Post("/api/v1/outcome-assessments", Assessment(plan, "gais", ids));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments", recorded, 201);
  EXPECT_EQ(recorded.Json()["photo_ids"], ids);
  const HttpResponse read = physician().Get("/api/v1/outcome-assessments/" + Id(recorded.Json()));
  CORIUM_EXPECT_REPLY("GET", "/api/v1/outcome-assessments/{assessment_id}", read, 200);
  EXPECT_EQ(read.Json()["photo_ids"], ids);
  const HttpResponse listed = physician().Get("/api/v1/plans/" + Id(plan) + "/outcome-assessments");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/plans/{plan_id}/outcome-assessments", listed, 200);
  EXPECT_EQ(listed.Json()["items"][0]["photo_ids"], ids);

  // Another client's photo, even in this clinic, is refused naming its place in the list.
  const std::int64_t neighbour = NewClient(physician());
  ConsentedPlan(physician(), Screen(physician(), neighbour), /*photo_consent=*/true);
  const HttpResponse theirs = clinic_->physician_raw.Upload(
      http(), "/api/v1/clients/" + std::to_string(neighbour) + "/photos/baseline",
      TinyJpeg(false, '\x03'), "image/jpeg");
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  const HttpResponse mixed = physician().Post(
      "/api/v1/outcome-assessments",
      Assessment(plan, "gais", json::array({baseline.Json()["id"], theirs.Json()["id"]})));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments", mixed, 422);
  EXPECT_TRUE(HasErrorAt(mixed, "photo_ids[1]")) << mixed.body;
  EXPECT_EQ(physician().Get("/api/v1/plans/" + Id(plan) + "/outcome-assessments").Json()["total"],
            1);
}

TEST_P(SafetyApiTest, AnotherClinicsPhotoAnswersExactlyLikeAnUnknownPhoto) {
  const std::int64_t client = NewClient(physician());
  const json plan = ConsentedPlan(physician(), Screen(physician(), client), false);
  const std::int64_t stranger_client = NewClient(stranger());
  ConsentedPlan(stranger(), Screen(stranger(), stranger_client), /*photo_consent=*/true);
  const HttpResponse foreign_photo = clinic_->stranger_raw.Upload(
      http(), "/api/v1/clients/" + std::to_string(stranger_client) + "/photos/baseline",
      TinyJpeg(false, '\x04'), "image/jpeg");
  ASSERT_EQ(foreign_photo.status, 201) << foreign_photo.body;
  const HttpResponse foreign =
      physician().Post("/api/v1/outcome-assessments",
                       Assessment(plan, "gais", json::array({foreign_photo.Json()["id"]})));
  const HttpResponse unknown = physician().Post("/api/v1/outcome-assessments",
                                                Assessment(plan, "gais", json::array({987654321})));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments", foreign, 422);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/outcome-assessments", unknown, 422);
  EXPECT_TRUE(HasErrorAt(foreign, "photo_ids[0]")) << foreign.body;
  EXPECT_EQ(foreign.Json()["errors"], unknown.Json()["errors"]);
  EXPECT_EQ(physician().Get("/api/v1/plans/" + Id(plan) + "/outcome-assessments").Json()["total"],
            0);
}

TEST_P(SafetyApiTest, AnotherClinicsIdsAnswerExactlyLikeUnknownIds) {
  const std::int64_t client = NewClient(physician());
  const HttpResponse event = physician().Post("/api/v1/adverse-events", Event(client, 1));
  ASSERT_EQ(event.status, 201) << event.body;
  const json plan = ConsentedPlan(physician(), Screen(physician(), client), false);
  const std::string unknown = "987654321";
  const std::string e = Id(event.Json());
  for (const auto& [theirs, nowhere] : std::vector<std::pair<std::string, std::string>>{
           {"/api/v1/adverse-events/" + e, "/api/v1/adverse-events/" + unknown},
           {"/api/v1/clients/" + std::to_string(client) + "/adverse-events",
            "/api/v1/clients/" + unknown + "/adverse-events"},
           {"/api/v1/plans/" + Id(plan) + "/outcome-assessments",
            "/api/v1/plans/" + unknown + "/outcome-assessments"},
       }) {
    ExpectSameNotFound(stranger().Get(theirs), stranger().Get(nowhere), theirs);
  }
  ExpectSameNotFound(stranger().Put("/api/v1/adverse-events/" + e + "/outcome",
                                    {{"outcome", "resolved"}}, {{"If-Match", "\"1\""}}),
                     stranger().Put("/api/v1/adverse-events/" + unknown + "/outcome",
                                    {{"outcome", "resolved"}}, {{"If-Match", "\"1\""}}),
                     "outcome");
  // Reporting against another clinic's client is refused like an unknown client.
  ExpectSameNotFound(stranger().Post("/api/v1/adverse-events", Event(client, 1)),
                     stranger().Post("/api/v1/adverse-events", Event(987654321, 1)), "report");
  EXPECT_FALSE(Lists(stranger().Get("/api/v1/adverse-events?open=true&limit=200"), event.Json()));
  EXPECT_EQ(physician().Get("/api/v1/adverse-events/" + e).Header("etag"), "\"1\"");
}

INSTANTIATE_TEST_SUITE_P(Engines, SafetyApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
