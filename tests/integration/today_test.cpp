// The Today worklist through the real server on SQLite and PostgreSQL, over the demo clinic: Ava
// Martinez's draft session and open adverse event, the deferred demo clients awaiting clearance
// and the lot near expiry are listed; the front desk gets no decisions and no adverse events; the
// admin and auditor may not read it; another clinic sees none of it.
#include <gtest/gtest.h>

#include <string>

#include "integration/role_sessions.h"

namespace corium::testing {
namespace {

class TodayApiTest : public RoleApiTest {};

const json* Named(const json& list, const std::string& name) {
  for (const json& item : list) {
    if (item.value("client_name", "") == name) return &item;
  }
  return nullptr;
}

TEST_P(TodayApiTest, ListsTheDemoClinicsOpenWork) {
  const HttpResponse response = physician().Get("/api/v1/today");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/today", response, 200);
  const json today = response.Json();
  EXPECT_EQ(today.value("date", "").size(), 10U);

  const json* draft = Named(today["sessions_due"], "Ava Martinez");
  ASSERT_NE(draft, nullptr) << today["sessions_due"];
  EXPECT_EQ((*draft)["status"], "draft");
  EXPECT_EQ((*draft)["due_date"], "2026-11-20");
  EXPECT_TRUE(draft->contains("session_id"));

  // The demo's deferrals of its last week: the latest screening defers and nobody overrode it.
  for (const std::string name : {"Lucas Brennan", "Noah Fischer"}) {
    const json* pending = Named(today["awaiting_clearance"], name);
    ASSERT_NE(pending, nullptr) << name << ": " << today["awaiting_clearance"];
    EXPECT_EQ((*pending)["decision"], "defer") << name;
  }
  // Ava's referral was overridden, and her latest screening proceeds with caution.
  EXPECT_EQ(Named(today["awaiting_clearance"], "Ava Martinez"), nullptr);

  const json* event = Named(today["open_adverse_events"], "Ava Martinez");
  ASSERT_NE(event, nullptr) << today["open_adverse_events"];
  EXPECT_EQ((*event)["grade"], 1);
  EXPECT_EQ((*event)["onset"], "2026-11-17");
  // Amara Okafor's pigmentation was resolved on 13 November: no longer open.
  EXPECT_EQ(Named(today["open_adverse_events"], "Amara Okafor"), nullptr);

  ASSERT_FALSE(today["expiring_lots"].empty());
  EXPECT_EQ(today["expiring_lots"][0]["kind"], "cartridge");
  EXPECT_EQ(today["expiring_lots"][0]["expires"], "2026-12-10");
}

TEST_P(TodayApiTest, FrontDeskGetsNoClinicalDetail) {
  const HttpResponse response = As("front_desk").Get("/api/v1/today");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/today", response, 200);
  const json today = response.Json();
  EXPECT_FALSE(today.contains("open_adverse_events"));
  ASSERT_FALSE(today["awaiting_clearance"].empty());
  for (const json& pending : today["awaiting_clearance"]) {
    EXPECT_FALSE(pending.contains("decision")) << pending;
  }
  EXPECT_NE(Named(today["sessions_due"], "Ava Martinez"), nullptr);
  EXPECT_EQ(As("nurse").Get("/api/v1/today").status, 200);
}

TEST_P(TodayApiTest, AdminAuditorAndOtherClinicsSeeNothingOfIt) {
  CORIUM_EXPECT_REPLY("GET", "/api/v1/today", As("admin").Get("/api/v1/today"), 403);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/today", As("auditor").Get("/api/v1/today"), 403);
  const json theirs = stranger().Get("/api/v1/today").Json();
  EXPECT_TRUE(theirs["sessions_due"].empty()) << theirs;
  EXPECT_TRUE(theirs["awaiting_clearance"].empty()) << theirs;
  EXPECT_TRUE(theirs["open_adverse_events"].empty()) << theirs;
  EXPECT_TRUE(theirs["expiring_lots"].empty()) << theirs;
}

INSTANTIATE_TEST_SUITE_P(Engines, TodayApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
