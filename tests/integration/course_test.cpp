// Courses of treatment through the real server, on SQLite and PostgreSQL (issue 6): a plan's
// course counts the session charted today, holds the next one past the wash-out of a laser
// treatment in the latest intake (DF-09) and then keeps the plan's interval (FU-01), with the
// follow-up points; the home-care calendar pauses around the sessions and never rolls on
// consecutive days; bad parameters name themselves, and another clinic's ids answer exactly as
// unknown ones.
#include <gtest/gtest.h>

#include "integration/clinic_api.h"

namespace corium::testing {
namespace {

class CourseApiTest : public ClinicApiTest {
 protected:
  // A client with a plan on the cheeks or forehead, its first session charted today, and an
  // ablative laser of both zones yesterday recorded in a new intake (intakes hold only the past;
  // booked procedures will come from the clinic calendar).
  struct Treated {
    std::int64_t client = 0;
    json plan;
    Date today;
  };

  Treated TreatedClient() {
    Treated t;
    t.client = NewClient(physician());
    const json screening = Screen(physician(), t.client);
    t.plan = ConsentedPlan(physician(), screening, false);
    const Stock stock = NewStock(physician());
    const HttpResponse session =
        physician().Post("/api/v1/sessions", Chart(t.plan, stock, stock.cartridges[0]));
    EXPECT_EQ(session.status, 201) << session.body;
    t.today = *Date::Parse(session.Json().value("performed_on", "1970-01-01"));
    const HttpResponse intake =
        physician().Post("/api/v1/clients/" + std::to_string(t.client) + "/intakes",
                         {{"client", {{"birth_date", "1988-03-14"}, {"fitzpatrick", 2}}},
                          {"procedures",
                           {{{"code", "ablative_laser"},
                             {"date", t.today.AddDays(-1).ToString()},
                             {"zones", {"cheeks", "forehead"}}}}}});
    EXPECT_EQ(intake.status, 201) << intake.body;
    return t;
  }
};

TEST_P(CourseApiTest, ThePlansCourseHasItsDatesReasonsAndFollowUps) {
  const Treated t = TreatedClient();
  const std::string path = "/api/v1/plans/" + std::to_string(t.plan.value("id", 0)) + "/course";
  const HttpResponse course = physician().Get(path);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/plans/{plan_id}/course", course, 200);
  const json c = course.Json();
  EXPECT_EQ(c.value("as_of", ""), t.today.ToString());
  ASSERT_EQ(c["done"].size(), 1U);
  EXPECT_EQ(c["done"][0].value("date", ""), t.today.ToString());
  ASSERT_EQ(c["scheduled"].size(), 2U);
  // 28 days after today falls inside the laser's 90-day wash-out from yesterday: day 89, DF-09.
  EXPECT_EQ(c["scheduled"][0].value("date", ""), t.today.AddDays(89).ToString());
  EXPECT_EQ(c["scheduled"][0]["bound_by"].value("rule", ""), "DF-09");
  EXPECT_EQ(c["scheduled"][1].value("date", ""), t.today.AddDays(117).ToString());
  EXPECT_EQ(c["scheduled"][1]["bound_by"].value("rule", ""), "FU-01");
  EXPECT_EQ(c.value("series_ends", ""), t.today.AddDays(117).ToString());
  EXPECT_TRUE(c["no_response_from"].is_null());
  bool month6 = false;
  for (const json& f : c["follow_ups"]) {
    month6 = month6 || (f.value("point", "") == "month_6" &&
                        f.value("date", "") == t.today.AddDays(117).AddMonths(6).ToString());
  }
  EXPECT_TRUE(month6) << c["follow_ups"].dump();
  EXPECT_FALSE(c["preparation"].empty());
  EXPECT_EQ(c["kb"].value("digest", ""), ShippedKb().digest);
}

TEST_P(CourseApiTest, HomeCarePausesAroundSessionsAndNeverRollsOnConsecutiveDays) {
  const Treated t = TreatedClient();
  const std::string path = "/api/v1/clients/" + std::to_string(t.client) + "/home-care";
  const HttpResponse home = physician().Get(path + "?weeks=8&uses=9");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/home-care", home, 200);
  const json h = home.Json();
  EXPECT_EQ(h["regimen"].value("depth_rule", ""), "HM-01");
  EXPECT_DOUBLE_EQ(h["regimen"].value("max_depth_mm", 0.0), 0.25);
  ASSERT_EQ(h["days"].size(), 56U);
  EXPECT_EQ(h["days"][0].value("kind", ""), "paused");  // the session charted today
  EXPECT_EQ(h["days"][0].value("rule", ""), "HM-03");
  std::string previous;
  int rolls = 0;
  for (const json& d : h["days"]) {
    const std::string kind = d.value("kind", "");
    if (kind == "roll") ++rolls;
    EXPECT_FALSE(kind == "roll" && previous == "roll") << d.dump();
    previous = kind;
  }
  EXPECT_GT(rolls, 0);
  EXPECT_FALSE(h["replace_on"].empty());  // the ninth use was before; the first roll is the tenth

  const HttpResponse zero = physician().Get(path + "?weeks=0");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/home-care", zero, 422);
  EXPECT_TRUE(HasErrorAt(zero, "weeks")) << zero.body;
}

TEST_P(CourseApiTest, AnotherClinicsIdsAnswerAsUnknownOnes) {
  const Treated t = TreatedClient();
  ExpectSameNotFound(
      stranger().Get("/api/v1/plans/" + std::to_string(t.plan.value("id", 0)) + "/course"),
      stranger().Get("/api/v1/plans/987654321/course"), "course");
  ExpectSameNotFound(stranger().Get("/api/v1/clients/" + std::to_string(t.client) + "/home-care"),
                     stranger().Get("/api/v1/clients/987654321/home-care"), "home care");
}

TEST_P(CourseApiTest, NoResponseIsRefusedBeforeThreeMonthsAfterTheSeries) {
  const Treated t = TreatedClient();
  const std::string path = "/api/v1/plans/" + std::to_string(t.plan.value("id", 0)) + "/status";
  const std::string version =
      physician().Get(path.substr(0, path.size() - 7) + "/course").Header("etag").value_or("");
  // Two sessions of the series remain.
  const HttpResponse early =
      physician().Put(path, {{"status", "no_response"}}, {{"If-Match", version}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/plans/{plan_id}/status", early, 422);
  EXPECT_TRUE(HasErrorAt(early, "status")) << early.body;
  EXPECT_NE(early.body.find("FU-03"), std::string::npos) << early.body;
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/plans/{plan_id}/status",
                      physician().Put(path, {{"status", "cancelled"}}, {{"If-Match", "\"99\""}}),
                      412);
  const HttpResponse cancelled =
      physician().Put(path, {{"status", "cancelled"}}, {{"If-Match", version}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/plans/{plan_id}/status", cancelled, 200);
  EXPECT_EQ(cancelled.Json().value("status", ""), "cancelled");
  EXPECT_TRUE(cancelled.Json()["outcome"].is_null());
  EXPECT_NE(cancelled.Header("etag"), version);
}

INSTANTIATE_TEST_SUITE_P(Engines, CourseApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
