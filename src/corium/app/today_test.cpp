// Which active plans the Today worklist lists as due (PlansDue): the plan's interval after its
// last signed session, from the start when none is signed, never with a draft open or every
// session signed.
#include "corium/app/today.h"

#include <gtest/gtest.h>

namespace corium::app {
namespace {

PlanProgress Plan(int signed_sessions, std::optional<Date> last_signed_on, bool has_draft = false) {
  PlanProgress plan;
  plan.client = {7, "Ava", "Martinez"};
  plan.plan_id = 3;
  plan.sessions = 3;
  plan.interval_days = 28;
  plan.signed_sessions = signed_sessions;
  plan.last_signed_on = last_signed_on;
  plan.has_draft = has_draft;
  return plan;
}

const Date kToday = Date::FromYmd(2026, 11, 20);

TEST(PlansDue, NextSessionIsDueTheIntervalAfterTheLastSignedOne) {
  const auto due = PlansDue({Plan(1, Date::FromYmd(2026, 10, 23))}, kToday);
  ASSERT_EQ(due.size(), 1U);
  EXPECT_EQ(due[0].status, "due");
  EXPECT_EQ(due[0].due_date, Date::FromYmd(2026, 11, 20));
  EXPECT_EQ(due[0].plan_id, 3);
  EXPECT_FALSE(due[0].session_id.has_value());
}

TEST(PlansDue, NotDueBeforeTheIntervalHasPassed) {
  EXPECT_TRUE(PlansDue({Plan(1, Date::FromYmd(2026, 10, 24))}, kToday).empty());
}

TEST(PlansDue, APlanWithNoSignedSessionIsDueWithoutADate) {
  const auto due = PlansDue({Plan(0, std::nullopt)}, kToday);
  ASSERT_EQ(due.size(), 1U);
  EXPECT_FALSE(due[0].due_date.has_value());
}

TEST(PlansDue, ADraftOrAFinishedPlanIsNotDue) {
  EXPECT_TRUE(PlansDue({Plan(1, Date::FromYmd(2026, 9, 1), /*has_draft=*/true)}, kToday).empty());
  EXPECT_TRUE(PlansDue({Plan(3, Date::FromYmd(2026, 9, 1))}, kToday).empty());
}

}  // namespace
}  // namespace corium::app
