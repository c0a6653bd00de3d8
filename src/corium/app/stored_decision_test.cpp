// Reading a stored decision back (contracts.md §1.2): the zones of one indication with their
// status and cap, from real screenings and from hand-written decisions, and the consent items.
#include "corium/app/stored_decision.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corium/engine/decision_json.h"
#include "support/intake_builder.h"
#include "support/test_kb.h"

namespace corium::app {
namespace {

std::string StoredDecision(const testing::IntakeBuilder& intake) {
  return engine::DecisionToJson(testing::ScreenJson(intake.str()));
}

TEST(StoredDecision, ReadsTheCapOfEveryZoneOfARealScreening) {
  testing::IntakeBuilder intake;
  intake.Request("wrinkles", {"cheeks", "forehead", "eyelid"});
  const auto zones = DecidedZonesFor(StoredDecision(intake), Code("wrinkles"));
  ASSERT_TRUE(zones.ok()) << zones.status().ToString();
  ASSERT_EQ(zones->size(), 3u);
  EXPECT_EQ(zones->at(Code("cheeks")).status, "ok");
  EXPECT_EQ(zones->at(Code("cheeks")).max, Depth::FromMillimetres(1.0));
  EXPECT_EQ(zones->at(Code("forehead")).max, Depth::FromMillimetres(0.75));
  // Inside the orbital rim is never needled (EX-10): no depth at all.
  EXPECT_NE(zones->at(Code("eyelid")).status, "ok");
  EXPECT_FALSE(zones->at(Code("eyelid")).max.has_value());
}

TEST(StoredDecision, KeepsOnlyTheZonesOfTheIndicationAsked) {
  testing::IntakeBuilder intake;
  intake.Request("wrinkles", {"cheeks"})
      .Add("requests", {{"indication", "acne_scars"}, {"zones", {"chin"}}});
  const auto zones = DecidedZonesFor(StoredDecision(intake), Code("acne_scars"));
  ASSERT_TRUE(zones.ok()) << zones.status().ToString();
  ASSERT_EQ(zones->size(), 1u);
  EXPECT_EQ(zones->begin()->first, Code("chin"));
  EXPECT_TRUE(DecidedZonesFor(StoredDecision(intake), Code("melasma"))->empty());
}

TEST(StoredDecision, SkipsWhatItDoesNotReadAndKeepsTheFirstEntryOfAZone) {
  const std::string decision = R"({
    "decision": "proceed", "findings": [{"zones": ["cheeks"], "basis": {"depth_mm": {"max": 9}}}],
    "zones": [
      {"zone": "cheeks", "indication": "wrinkles", "status": "ok", "extra": [1, {"max": 7}],
       "depth_mm": {"min": 0.5, "max": 1, "note": {"max": 8}}},
      {"zone": "cheeks", "indication": "wrinkles", "status": "ok", "depth_mm": {"max": 2.0}},
      {"indication": "wrinkles", "zone": "neck", "status": "deferred", "depth_mm": null}
    ],
    "consent_items": ["CN-01"], "kb": {"version": "x"}})";
  const auto zones = DecidedZonesFor(decision, Code("wrinkles"));
  ASSERT_TRUE(zones.ok()) << zones.status().ToString();
  ASSERT_EQ(zones->size(), 2u);
  EXPECT_EQ(zones->at(Code("cheeks")).max, Depth::FromMillimetres(1.0));
  EXPECT_EQ(zones->at(Code("neck")).status, "deferred");
  EXPECT_FALSE(zones->at(Code("neck")).max.has_value());
}

TEST(StoredDecision, AnythingButAJsonObjectIsAnInternalError) {
  for (const char* text : {"", "[]", "\"zones\"", "{\"zones\": [", "{} trailing"}) {
    const auto zones = DecidedZonesFor(text, Code("wrinkles"));
    EXPECT_EQ(zones.status().code(), StatusCode::kInternal) << text;
    EXPECT_EQ(ConsentItemsOf(text).status().code(), StatusCode::kInternal) << text;
  }
  EXPECT_TRUE(DecidedZonesFor("{}", Code("wrinkles"))->empty());
}

TEST(StoredDecision, ConsentItemsAreTheDecisionsOwn) {
  testing::IntakeBuilder intake;
  intake.Set("/client/fitzpatrick", 5).Request("wrinkles", {"cheeks"});
  const auto items = ConsentItemsOf(StoredDecision(intake));
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  EXPECT_EQ(*items, (std::vector<std::string>{"CN-01", "CN-02"}));
}

}  // namespace
}  // namespace corium::app
