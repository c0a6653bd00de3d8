// The slot search across daylight-saving changes in a US zone (America/Denver) and a UK zone
// (Europe/London): working hours stay on the local clock, a course interval counts local days,
// and a day that spans the change is an hour longer or shorter in real time.
#include <gtest/gtest.h>

#include "corium/calendar/slot_search.h"
#include "corium/calendar/working_hours.h"
#include "corium/tz/clinic_time_zone.h"

namespace corium::tz {
namespace {

using calendar::Instant;
using calendar::kHour;

std::unique_ptr<ClinicTimeZone> Zone(const std::string& name) {
  auto zone = ClinicTimeZone::Open(name);
  EXPECT_TRUE(zone.ok()) << zone.status().ToString();
  return std::move(*zone);
}

// 2026: US clocks go forward on 8 March and back on 1 November; UK clocks on 29 March and
// 25 October.
const Date kUsSpring = Date::FromYmd(2026, 3, 8);
const Date kUsAutumn = Date::FromYmd(2026, 11, 1);
const Date kUkSpring = Date::FromYmd(2026, 3, 29);
const Date kUkAutumn = Date::FromYmd(2026, 10, 25);

calendar::ResourceCalendar EveryDay(const calendar::ClinicZone& zone, Date first, int days,
                                    int start_minute, int end_minute) {
  std::vector<calendar::WeeklyHours> hours;
  for (int weekday = 1; weekday <= 7; ++weekday)
    hours.push_back({weekday, start_minute, end_minute});
  return {1,
          calendar::Opening::kWithinHours,
          calendar::ExpandWorkingHours(hours, first, first.AddDays(days), zone),
          {}};
}

TEST(DstSlotSearch, DenverNineOClockIsNineOClockOnBothSidesOfTheSpringChange) {
  const auto denver = Zone("America/Denver");
  const auto doctor = EveryDay(*denver, kUsSpring.AddDays(-1), 3, 9 * 60, 17 * 60);
  calendar::SlotRequest request{kHour, denver->ToInstant(kUsSpring.AddDays(3), 0), {{{doctor}}}};
  const auto before = calendar::FindSlots(request, denver->ToInstant(kUsSpring.AddDays(-1), 0), 1);
  const auto after = calendar::FindSlots(request, denver->ToInstant(kUsSpring.AddDays(1), 0), 1);
  ASSERT_EQ(before.size(), 1U);
  ASSERT_EQ(after.size(), 1U);
  // 09:00 MST is 16:00 UTC; 09:00 MDT is 15:00 UTC.
  EXPECT_EQ(before[0].time.start, denver->ToInstant(kUsSpring.AddDays(-1), 9 * 60));
  EXPECT_EQ(before[0].time.start % calendar::kDay, 16 * kHour);
  EXPECT_EQ(after[0].time.start % calendar::kDay, 15 * kHour);
  EXPECT_EQ(denver->DateOf(after[0].time.start), kUsSpring.AddDays(1));
}

TEST(DstSlotSearch, ANightSpanAcrossTheChangeIsShorterInSpringAndLongerInAutumn) {
  const auto denver = Zone("America/Denver");
  const auto spring = calendar::ExpandWorkingHours({{7, 0, 4 * 60}}, kUsSpring, kUsSpring, *denver);
  ASSERT_EQ(spring.size(), 1U);
  EXPECT_EQ(spring[0].length(), 3 * kHour);
  const auto autumn = calendar::ExpandWorkingHours({{7, 0, 4 * 60}}, kUsAutumn, kUsAutumn, *denver);
  ASSERT_EQ(autumn.size(), 1U);
  EXPECT_EQ(autumn[0].length(), 5 * kHour);
  // 02:30 does not exist on the spring day: it becomes the instant of the change (09:00 UTC).
  EXPECT_EQ(denver->ToInstant(kUsSpring, 150), denver->ToInstant(kUsSpring, 120));
  // A four-hour appointment fits the autumn night (five real hours) but not the spring one.
  calendar::SlotRequest request{4 * kHour, denver->ToInstant(kUsAutumn.AddDays(1), 0), {}};
  request.pools = {{{{1, calendar::Opening::kWithinHours, spring, {}}}}};
  EXPECT_TRUE(calendar::FindSlots(request, denver->ToInstant(kUsSpring, 0), 1).empty());
  request.pools = {{{{1, calendar::Opening::kWithinHours, autumn, {}}}}};
  EXPECT_EQ(calendar::FindSlots(request, denver->ToInstant(kUsAutumn, 0), 1).size(), 1U);
}

TEST(DstSlotSearch, LondonWorkingHoursFollowTheClockThroughBothChanges) {
  const auto london = Zone("Europe/London");
  for (const Date change : {kUkSpring, kUkAutumn}) {
    const auto nurse = EveryDay(*london, change.AddDays(-1), 3, 10 * 60, 12 * 60);
    calendar::SlotRequest request{2 * kHour, london->ToInstant(change.AddDays(3), 0), {{{nurse}}}};
    const auto slots = calendar::FindSlots(request, london->ToInstant(change.AddDays(-1), 0), 3);
    ASSERT_EQ(slots.size(), 3U) << change.ToString();
    for (int i = 0; i < 3; ++i) {
      EXPECT_EQ(slots[static_cast<size_t>(i)].time.start,
                london->ToInstant(change.AddDays(i - 1), 10 * 60))
          << change.ToString();
    }
  }
  // GMT in winter, BST in summer.
  EXPECT_EQ(london->UtcOffsetMinutes(london->ToInstant(kUkSpring.AddDays(-1), 600)), 0);
  EXPECT_EQ(london->UtcOffsetMinutes(london->ToInstant(kUkSpring.AddDays(1), 600)), 60);
  EXPECT_EQ(calendar::LocalDateTimeText(london->ToInstant(kUkSpring, 600), *london),
            "2026-03-29 10:00");
}

TEST(DstSlotSearch, ACourseIntervalCountsLocalDaysAcrossTheChange) {
  const auto london = Zone("Europe/London");
  const Date first = kUkAutumn.AddDays(-14);
  const auto nurse = EveryDay(*london, first, 60, 9 * 60, 17 * 60);
  calendar::SlotRequest request{kHour, london->ToInstant(first.AddDays(60), 0), {{{nurse}}}};
  calendar::CourseRequest course{{first, first}, 28, london->ToInstant(first, 0)};
  const auto placed = calendar::FindCourseSlots(request, course, *london);
  ASSERT_TRUE(placed.has_value());
  // Both at 09:00 local, 28 local days apart: 28 days and one hour of real time.
  EXPECT_EQ((*placed)[1].time.start, london->ToInstant(first.AddDays(28), 9 * 60));
  EXPECT_EQ((*placed)[1].time.start - (*placed)[0].time.start, 28 * calendar::kDay + kHour);
}

TEST(ClinicTimeZone, AnUnknownZoneIsRefusedNamingTheField) {
  const auto zone = ClinicTimeZone::Open("Mars/Olympus_Mons");
  ASSERT_FALSE(zone.ok());
  ASSERT_EQ(zone.status().field_errors().size(), 1U);
  EXPECT_EQ(zone.status().field_errors()[0].path, "time_zone");
}

}  // namespace
}  // namespace corium::tz
