// Home care (brief §9; HM-01, HM-02, HM-03, HM-06): the regimen's limits come from the knowledge
// base, rolling pauses around clinic sessions, never on consecutive days, at most 3 times a week.
#include "corium/course/home_care.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace corium::course {
namespace {

using testing::ShippedKb;

Date D(const char* text) { return *Date::Parse(text); }

HomeCarePlan Plan(const HomeCareRequest& request) {
  auto plan = PlanHomeCare(ShippedKb(), request);
  EXPECT_TRUE(plan.ok()) << plan.status().ToString();
  return plan.ok() ? *plan : HomeCarePlan{};
}

TEST(HomeCare, RegimenLimitsComeFromTheRules) {
  const HomeCarePlan p = Plan({{}, D("2026-11-23"), 1, 0});
  EXPECT_EQ(p.max_depth.ToString(), "0.25");
  EXPECT_EQ(p.depth_rule, "HM-01");
  EXPECT_EQ(p.pause_days_after, 14);  // HM-03's window in rules/home.yaml
  EXPECT_EQ(p.pause_days_before, 7);
  EXPECT_EQ(p.avoid_products.rule, "HM-05");
  EXPECT_FALSE(p.avoid_products.items.empty());
  ASSERT_EQ(p.days.size(), 7u);
}

TEST(HomeCare, RollsEveryOtherDayAtMostThreeTimesAWeek) {
  const HomeCarePlan p = Plan({{}, D("2026-11-23"), 2, 0});
  std::string pattern;
  for (const HomeDay& d : p.days) pattern += d.kind == HomeDayKind::kRoll ? 'R' : '.';
  EXPECT_EQ(pattern, "R.R.R..R.R.R..");
}

TEST(HomeCare, PausesSevenDaysBeforeAndFourteenAfterASession) {
  const HomeCarePlan p = Plan({{D("2026-12-10")}, D("2026-11-23"), 6, 0});
  for (const HomeDay& d : p.days) {
    const bool in_pause = d.date >= D("2026-12-03") && d.date < D("2026-12-24");
    EXPECT_EQ(d.kind == HomeDayKind::kPaused, in_pause) << d.date.ToString();
    if (in_pause) {
      EXPECT_EQ(d.rule, "HM-03");
    }
  }
}

TEST(HomeCare, ReplacementIsDueAfterTenUses) {
  const HomeCarePlan p = Plan({{}, D("2026-11-23"), 4, 8});
  ASSERT_FALSE(p.replace_on.empty());
  EXPECT_EQ(p.replace_on.front(), D("2026-11-25"));  // the second roll makes ten uses
  EXPECT_EQ(p.replacement_rule, "HM-06");
}

TEST(HomeCare, WeeksOutOfRangeIsRefusedNamingTheField) {
  const auto p = PlanHomeCare(ShippedKb(), {{}, D("2026-11-23"), 0, 0});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().field_errors()[0].path, "weeks");
}

}  // namespace
}  // namespace corium::course
