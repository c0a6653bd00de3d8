// The course engine (issue 6; FU-01, FU-03, DF-06..DF-11): earliest dates and the constraint that
// set each, wash-outs read from the shipped knowledge base, re-flow after a move, follow-up points,
// preparation reminders and the "no response" guard.
#include "corium/course/schedule.h"

#include <gtest/gtest.h>

#include <string>

#include "support/test_kb.h"

namespace corium::course {
namespace {

using testing::ShippedKb;

Date D(const char* text) { return *Date::Parse(text); }
Depth Mm(double mm) { return *Depth::FromMillimetres(mm); }

CourseRequest CheeksCourse(double depth_mm = 1.0, int sessions = 3, int interval_days = 28) {
  CourseRequest r;
  r.plan = {Code("acne_scars"), {{Code("cheeks"), Mm(depth_mm)}}, sessions, interval_days};
  r.as_of = D("2026-11-20");
  return r;
}

Course Plan(const CourseRequest& request) {
  auto course = PlanCourse(ShippedKb(), request);
  EXPECT_TRUE(course.ok()) << course.status().ToString();
  return course.ok() ? *course : Course{};
}

TEST(CourseSchedule, NoHistorySchedulesFromTodayAtThePlansInterval) {
  const Course c = Plan(CheeksCourse());
  ASSERT_EQ(c.sessions.size(), 3u);
  EXPECT_EQ(c.sessions[0].date, D("2026-11-20"));
  EXPECT_EQ(c.sessions[0].bound_by.rule, "today");
  EXPECT_EQ(c.sessions[1].date, D("2026-12-18"));
  EXPECT_EQ(c.sessions[1].bound_by.rule, "FU-01");
  EXPECT_EQ(c.sessions[2].date, D("2027-01-15"));
  EXPECT_EQ(c.series_ends, D("2027-01-15"));
}

TEST(CourseSchedule, DeepSessionsCloserThanTwentyEightDaysAreHeldByDf11) {
  const Course c = Plan(CheeksCourse(1.0, 3, 14));
  ASSERT_EQ(c.sessions.size(), 3u);
  EXPECT_EQ(c.sessions[1].date, D("2026-12-18"));
  EXPECT_EQ(c.sessions[1].bound_by.rule, "DF-11");
}

TEST(CourseSchedule, ShallowSessionsMayBeFourteenDaysApart) {
  const Course c = Plan(CheeksCourse(0.5, 3, 14));
  EXPECT_EQ(c.sessions[1].date, D("2026-12-04"));
  EXPECT_EQ(c.sessions[1].bound_by.rule, "FU-01");
}

TEST(CourseSchedule, DoneSessionsCountAndTheNextFollowsTheLastOne) {
  CourseRequest r = CheeksCourse();
  r.history.sessions = {{D("2026-10-01"), {{Code("cheeks"), Mm(1.0)}}, true},
                        {D("2026-10-29"), {{Code("cheeks"), Mm(1.0)}}, true}};
  const Course c = Plan(r);
  ASSERT_EQ(c.done.size(), 2u);
  ASSERT_EQ(c.sessions.size(), 1u);
  EXPECT_EQ(c.sessions[0].number, 3);
  EXPECT_EQ(c.sessions[0].date, D("2026-11-26"));
  EXPECT_EQ(c.sessions[0].bound_by.rule, "FU-01");
}

TEST(CourseSchedule, ToxinInTheZoneDefersTheSessionFourteenDays) {
  CourseRequest r = CheeksCourse();
  r.history.procedures = {{Code("neurotoxin"), {Code("cheeks")}, D("2026-11-15"), std::nullopt}};
  const Course c = Plan(r);
  EXPECT_EQ(c.sessions[0].date, D("2026-11-29"));
  EXPECT_EQ(c.sessions[0].bound_by.rule, "DF-10");
  EXPECT_NE(c.sessions[0].bound_by.reason.find("2026-11-15"), std::string::npos);
}

TEST(CourseSchedule, AProcedureInAnotherZoneDoesNotDefer) {
  CourseRequest r = CheeksCourse();
  r.history.procedures = {{Code("ha_filler"), {Code("perioral")}, D("2026-11-15"), std::nullopt}};
  EXPECT_EQ(Plan(r).sessions[0].date, D("2026-11-20"));
}

TEST(CourseSchedule, ABookedPeelLandsTheSessionAfterItsWashout) {
  CourseRequest r = CheeksCourse();
  // The second session would be 2026-12-18, inside the 28 days after a booked medium peel.
  r.history.procedures = {
      {Code("medium_deep_peel"), {Code("cheeks")}, D("2026-12-10"), std::nullopt}};
  const Course c = Plan(r);
  EXPECT_EQ(c.sessions[0].date, D("2026-11-20"));
  EXPECT_EQ(c.sessions[1].date, D("2027-01-07"));
  EXPECT_EQ(c.sessions[1].bound_by.rule, "DF-09");
  EXPECT_EQ(c.sessions[2].date, D("2027-02-04"));
}

TEST(CourseSchedule, ADeferringScreeningSetsTheFirstDate) {
  CourseRequest r = CheeksCourse();
  r.history.screening_earliest = D("2027-01-02");
  const Course c = Plan(r);
  EXPECT_EQ(c.sessions[0].date, D("2027-01-02"));
  EXPECT_EQ(c.sessions[0].bound_by.rule, "screening");
}

TEST(CourseSchedule, MovingASessionReflowsTheLaterOnes) {
  CourseRequest r = CheeksCourse();
  r.moves = {{2, D("2027-01-05")}};
  const Course c = Plan(r);
  EXPECT_EQ(c.sessions[1].date, D("2027-01-05"));
  EXPECT_TRUE(c.sessions[1].moved);
  EXPECT_EQ(c.sessions[1].earliest, D("2026-12-18"));
  EXPECT_EQ(c.sessions[2].date, D("2027-02-02"));
}

TEST(CourseSchedule, MovingBeforeTheEarliestDateIsRefusedNamingTheRule) {
  CourseRequest r = CheeksCourse();
  r.moves = {{2, D("2026-12-01")}};
  const auto c = PlanCourse(ShippedKb(), r);
  ASSERT_FALSE(c.ok());
  ASSERT_EQ(c.status().field_errors().size(), 1u);
  EXPECT_EQ(c.status().field_errors()[0].path, "moves[0].date");
  EXPECT_NE(c.status().field_errors()[0].message.find("FU-01"), std::string::npos);
}

TEST(CourseSchedule, MovingIntoAWashoutIsRefused) {
  CourseRequest r = CheeksCourse();
  r.history.procedures = {{Code("waxing"), {}, D("2026-12-25"), std::nullopt}};
  r.moves = {{2, D("2026-12-30")}};
  const auto c = PlanCourse(ShippedKb(), r);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().field_errors()[0].message.find("DF-08"), std::string::npos);
}

TEST(CourseSchedule, MovingASessionAlreadyDoneIsRefused) {
  CourseRequest r = CheeksCourse();
  r.history.sessions = {{D("2026-10-01"), {{Code("cheeks"), Mm(1.0)}}, true}};
  r.moves = {{1, D("2027-01-05")}};
  const auto c = PlanCourse(ShippedKb(), r);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().field_errors()[0].path, "moves[0].number");
}

TEST(CourseSchedule, BadPlanNamesEveryField) {
  CourseRequest r = CheeksCourse(1.0, 0, 0);
  r.plan.zones.clear();
  const auto c = PlanCourse(ShippedKb(), r);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().field_errors().size(), 3u);
}

TEST(CourseFollowUp, PointsAfterEachSessionAndAfterTheSeries) {
  const Course c = Plan(CheeksCourse());
  int after_first = 0;
  for (const FollowUp& f : c.follow_ups) {
    if (f.after_session == 1) ++after_first;
  }
  EXPECT_EQ(after_first, 3);
  const auto month6 = std::find_if(c.follow_ups.begin(), c.follow_ups.end(),
                                   [](const FollowUp& f) { return f.point == "month_6"; });
  ASSERT_NE(month6, c.follow_ups.end());
  EXPECT_EQ(month6->date, D("2027-07-15"));
  EXPECT_EQ(month6->rule, "FU-02");
  EXPECT_TRUE(std::is_sorted(c.follow_ups.begin(), c.follow_ups.end(),
                             [](const FollowUp& a, const FollowUp& b) { return a.date < b.date; }));
}

TEST(CourseFollowUp, PreparationRemindersComeAtTheRulesWaitsBeforeEachSession) {
  const Course c = Plan(CheeksCourse());
  // The first session is today, so its reminders are past; the second's are at 14 and 7 days.
  std::vector<int> days_before;
  for (const Preparation& p : c.preparation) {
    if (p.session == 2) days_before.push_back(p.days_before);
  }
  EXPECT_EQ(days_before, (std::vector<int>{14, 7}));
  EXPECT_EQ(c.preparation.front().date, D("2026-12-04"));
}

TEST(CourseNoResponse, RefusedWhileSessionsRemain) {
  const Course c = Plan(CheeksCourse());
  const Status s = CheckNoResponse(ShippedKb(), c, D("2028-01-01"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.field_errors()[0].path, "status");
  EXPECT_NE(s.field_errors()[0].message.find("FU-03"), std::string::npos);
}

TEST(CourseNoResponse, RefusedBeforeThreeMonthsAfterTheLastSessionAllowedFromThen) {
  CourseRequest r = CheeksCourse(1.0, 1);
  r.history.sessions = {{D("2026-10-01"), {{Code("cheeks"), Mm(1.0)}}, true}};
  const Course c = Plan(r);
  EXPECT_FALSE(CheckNoResponse(ShippedKb(), c, D("2026-12-31")).ok());
  EXPECT_TRUE(CheckNoResponse(ShippedKb(), c, D("2027-01-01")).ok());
}

}  // namespace
}  // namespace corium::course
