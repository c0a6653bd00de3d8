#include "corium/calendar/slot_search.h"

#include <gtest/gtest.h>

#include "corium/calendar/fixed_offset_zone.h"
#include "corium/calendar/working_hours.h"

namespace corium::calendar {
namespace {

const FixedOffsetZone kUtc;
const Date kMonday = Date::FromYmd(2026, 11, 23);

Instant At(Date day, int hour, int minute = 0) { return kUtc.ToInstant(day, hour * 60 + minute); }

ResourceCalendar Practitioner(std::int64_t id, std::vector<Interval> busy = {}) {
  // Monday to Friday, 09:00–12:00 and 13:00–17:00.
  std::vector<WeeklyHours> hours;
  for (int weekday = 1; weekday <= 5; ++weekday) {
    hours.push_back({weekday, 9 * 60, 12 * 60});
    hours.push_back({weekday, 13 * 60, 17 * 60});
  }
  return {id, Opening::kWithinHours, ExpandWorkingHours(hours, kMonday, kMonday.AddDays(60), kUtc),
          Normalized(busy)};
}

ResourceCalendar Room(std::int64_t id, std::vector<Interval> busy = {}) {
  return {id, Opening::kAlways, {}, Normalized(busy)};
}

SlotRequest Request(std::int64_t minutes, std::vector<ResourcePool> pools) {
  return {minutes * kMinute, At(kMonday.AddDays(60), 0), std::move(pools)};
}

TEST(SlotSearch, TheFirstSlotIsTheStartOfTheWorkingDay) {
  const auto slots = FindSlots(Request(60, {{{Practitioner(1)}}, {{Room(7)}}}), At(kMonday, 6), 3);
  ASSERT_EQ(slots.size(), 3U);
  EXPECT_EQ(slots[0].time, (Interval{At(kMonday, 9), At(kMonday, 10)}));
  EXPECT_EQ(slots[0].resources, (std::vector<std::int64_t>{1, 7}));
  EXPECT_EQ(slots[1].time.start, At(kMonday, 9, 15));
}

TEST(SlotSearch, AnAppointmentNeverSpansTheLunchBreakOrABooking) {
  const ResourceCalendar busy_morning = Practitioner(1, {{At(kMonday, 9), At(kMonday, 11, 30)}});
  const auto slots = FindSlots(Request(60, {{{busy_morning}}}), At(kMonday, 0), 1);
  ASSERT_EQ(slots.size(), 1U);
  // 11:30–12:00 is too short before lunch; the next hour starts at 13:00.
  EXPECT_EQ(slots[0].time.start, At(kMonday, 13));
}

TEST(SlotSearch, EveryPoolMustHaveAFreeResourceAtOnce) {
  const ResourceCalendar room_a = Room(10, {{At(kMonday, 9), At(kMonday, 14)}});
  const ResourceCalendar room_b = Room(11, {{At(kMonday, 0), At(kMonday, 15)}});
  const ResourceCalendar pen = Room(20, {{At(kMonday, 14), At(kMonday, 16)}});
  const auto slots =
      FindSlots(Request(60, {{{Practitioner(1)}}, {{room_a, room_b}}, {{pen}}}), At(kMonday, 0), 1);
  ASSERT_EQ(slots.size(), 1U);
  // Room A is free from 14:00, the pen from 16:00: 16:00–17:00 is the first hour all three share.
  EXPECT_EQ(slots[0].time.start, At(kMonday, 16));
  EXPECT_EQ(slots[0].resources, (std::vector<std::int64_t>{1, 10, 20}));
}

TEST(SlotSearch, TheSecondCandidateOfAPoolIsChosenWhenTheFirstIsTaken) {
  const ResourceCalendar room_a = Room(10, {{At(kMonday, 0), At(kMonday, 23)}});
  const auto slots =
      FindSlots(Request(30, {{{Practitioner(1)}}, {{room_a, Room(11)}}}), At(kMonday, 0), 1);
  ASSERT_EQ(slots.size(), 1U);
  EXPECT_EQ(slots[0].resources[1], 11);
}

TEST(SlotSearch, WeekendsAreSkippedAndTheSearchCrossesWeeks) {
  // Fully booked Monday to Friday of the first week.
  const ResourceCalendar booked = Practitioner(1, {{At(kMonday, 0), At(kMonday.AddDays(5), 0)}});
  const auto slots = FindSlots(Request(45, {{{booked}}}), At(kMonday, 0), 1);
  ASSERT_EQ(slots.size(), 1U);
  EXPECT_EQ(slots[0].time.start, At(kMonday.AddDays(7), 9));
}

TEST(SlotSearch, NothingIsFoundPastTheHorizonOrForAnEmptyPool) {
  SlotRequest request = Request(60, {{{Practitioner(1)}}});
  request.horizon_end = At(kMonday, 9, 30);
  EXPECT_TRUE(FindSlots(request, At(kMonday, 0), 1).empty());
  EXPECT_TRUE(FindSlots(Request(60, {{{Practitioner(1)}}, {}}), At(kMonday, 0), 1).empty());
}

TEST(SlotSearch, AStartBetweenGridLinesMovesToTheNextQuarterHour) {
  const auto slots = FindSlots(Request(60, {{{Practitioner(1)}}}), At(kMonday, 10, 7), 1);
  ASSERT_EQ(slots.size(), 1U);
  EXPECT_EQ(slots[0].time.start, At(kMonday, 10, 15));
}

TEST(CourseSlots, SessionsKeepTheIntervalAndTheirOwnEarliestDates) {
  CourseRequest course;
  course.earliest = {kMonday, kMonday, kMonday.AddDays(45)};
  course.min_interval_days = 28;
  course.not_before = At(kMonday, 0);
  const auto placed =
      FindCourseSlots(Request(60, {{{Practitioner(1)}}, {{Room(3)}}}), course, kUtc);
  ASSERT_TRUE(placed.has_value());
  ASSERT_EQ(placed->size(), 3U);
  EXPECT_EQ((*placed)[0].time.start, At(kMonday, 9));
  // 28 days after a Monday is a Monday.
  EXPECT_EQ((*placed)[1].time.start, At(kMonday.AddDays(28), 9));
  // The third session's own earliest date (day 45) comes before day 56 (two intervals), so the
  // interval decides.
  EXPECT_EQ((*placed)[2].time.start, At(kMonday.AddDays(56), 9));
}

TEST(CourseSlots, AnEarliestDateFromAWashOutPushesASession) {
  CourseRequest course;
  course.earliest = {kMonday.AddDays(3), kMonday.AddDays(40)};
  course.min_interval_days = 28;
  course.not_before = At(kMonday, 0);
  const auto placed = FindCourseSlots(Request(60, {{{Practitioner(1)}}}), course, kUtc);
  ASSERT_TRUE(placed.has_value());
  EXPECT_EQ((*placed)[0].time.start, At(kMonday.AddDays(3), 9));
  // Day 31 would keep the interval; the wash-out's day 40 (a Saturday) moves it to Monday, day 42.
  EXPECT_EQ((*placed)[1].time.start, At(kMonday.AddDays(42), 9));
}

TEST(CourseSlots, ACourseThatDoesNotFitBeforeTheHorizonIsRefused) {
  CourseRequest course;
  course.earliest = {kMonday, kMonday, kMonday};
  course.min_interval_days = 30;
  EXPECT_FALSE(FindCourseSlots(Request(60, {{{Practitioner(1)}}}), course, kUtc).has_value());
}

TEST(Intervals, SubtractAndIntersectKeepOnlyWhatTheySay) {
  const std::vector<Interval> day{{0, 100}};
  EXPECT_EQ(Subtract(day, {{10, 20}, {30, 40}}),
            (std::vector<Interval>{{0, 10}, {20, 30}, {40, 100}}));
  EXPECT_EQ(Intersect({{0, 50}, {60, 80}}, {{40, 70}}),
            (std::vector<Interval>{{40, 50}, {60, 70}}));
  EXPECT_EQ(Normalized({{5, 9}, {0, 5}, {20, 10}}), (std::vector<Interval>{{0, 9}}));
  EXPECT_EQ(AlignUp(-1, 900), 0);
  EXPECT_EQ(AlignUp(901, 900), 1800);
}

}  // namespace
}  // namespace corium::calendar
