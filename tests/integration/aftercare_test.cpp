// The aftercare sheet of a charted session through the real server on SQLite and PostgreSQL, over
// the demo clinic: Margaret Doyle, on an anticoagulant, gets the AF-02 statement and nothing that
// tells her to stop it; Emma Larsen, on nothing, gets no AF-02 note; dates count from the session;
// the front desk may not read a sheet and another clinic's session answers like an unknown one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "corium/domain/date.h"
#include "integration/role_sessions.h"

namespace corium::testing {
namespace {

class AftercareApiTest : public RoleApiTest {
 protected:
  // The path of the first session of the demo client named `family_name`.
  std::string FirstSessionOf(const std::string& family_name) {
    const json clients = physician().Get("/api/v1/clients?q=" + family_name).Json();
    EXPECT_FALSE(clients["items"].empty()) << clients;
    if (clients["items"].empty()) return "/api/v1/sessions/0/aftercare";
    const std::string client = std::to_string(clients["items"][0].value("id", 0));
    const json sessions =
        physician().Get("/api/v1/clients/" + client + "/sessions?limit=200").Json();
    EXPECT_FALSE(sessions["items"].empty()) << sessions;
    if (sessions["items"].empty()) return "/api/v1/sessions/0/aftercare";
    return "/api/v1/sessions/" + std::to_string(sessions["items"].back().value("id", 0)) +
           "/aftercare";
  }
};

constexpr const char* kPattern = "/api/v1/sessions/{session_id}/aftercare";

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

TEST_P(AftercareApiTest, AClientOnAnAnticoagulantIsToldToKeepTakingIt) {
  const HttpResponse response = physician().Get(FirstSessionOf("Doyle"));
  CORIUM_EXPECT_REPLY("GET", kPattern, response, 200);
  const json sheet = response.Json();
  EXPECT_EQ(sheet["client"]["name"], "Margaret Doyle");
  EXPECT_EQ(sheet["clinic"]["name"], "Wasatch Skin Studio");
  EXPECT_DOUBLE_EQ(sheet["deepest_mm"].get<double>(), 0.5);
  ASSERT_EQ(sheet["notes"].size(), 1U) << sheet["notes"];
  EXPECT_EQ(sheet["notes"][0]["rule"], "AF-02");
  EXPECT_NE(sheet["notes"][0]["text"].get<std::string>().find("Do not stop"), std::string::npos);
  // Nothing else on the sheet speaks of stopping or avoiding blood-thinning medicine.
  json rest = sheet;
  rest.erase("notes");
  EXPECT_EQ(Lower(rest.dump()).find("blood thin"), std::string::npos);
  EXPECT_EQ(Lower(sheet.dump()).find("stop blood thinners"), std::string::npos);
  EXPECT_EQ(sheet["warning_signs"].size(), 7U);
  EXPECT_EQ(sheet["warning_signs"][0]["urgency"], "emergency");
}

TEST_P(AftercareApiTest, DatesCountFromTheSessionAndNoNoteWithoutABloodThinner) {
  const HttpResponse response = physician().Get(FirstSessionOf("Larsen"));
  CORIUM_EXPECT_REPLY("GET", kPattern, response, 200);
  const json sheet = response.Json();
  EXPECT_TRUE(sheet["notes"].empty()) << sheet["notes"];
  const Date day0 = *Date::Parse(sheet["session_date"].get<std::string>());
  EXPECT_EQ(sheet["timeline"][0]["from"], day0.ToString());
  EXPECT_EQ(sheet["check_ins"][0]["date"], day0.AddDays(2).ToString());
  for (const json& avoid : sheet["avoid"]) {
    if (avoid["what"] == "Makeup") {
      const bool deep = sheet["deepest_mm"].is_null() || sheet["deepest_mm"].get<double>() > 1.0;
      EXPECT_EQ(avoid["until"], day0.AddDays(deep ? 2 : 1).ToString());
    }
  }
}

TEST_P(AftercareApiTest, OnlyThoseWhoMayReadTheChartGetIt) {
  const std::string path = FirstSessionOf("Doyle");
  CORIUM_EXPECT_REPLY("GET", kPattern, As("front_desk").Get(path), 403);
  EXPECT_EQ(As("nurse").Get(path).status, 200);
  ExpectSameNotFound(stranger().Get(path), stranger().Get("/api/v1/sessions/987654321/aftercare"),
                     "aftercare");
}

INSTANTIATE_TEST_SUITE_P(Engines, AftercareApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
