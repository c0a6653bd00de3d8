// Adverse events and outcome assessments through the real server, on SQLite and PostgreSQL: every
// answer matches the OpenAPI document; grading and escalation refusals name their fields; the
// outcome takes If-Match (412 stale, 428 missing); the Today list shows open events of this clinic
// only, and another clinic's ids answer exactly as unknown ones.
#include <gtest/gtest.h>

#include "integration/clinic_api.h"

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
  const kb::OutcomeScale& scale = ShippedKb().outcome_scales.front();
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
