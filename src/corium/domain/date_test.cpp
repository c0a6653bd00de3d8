#include "corium/domain/date.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>

namespace corium {
namespace {

TEST(Date, WritesEveryDayAsYearMonthDayWithLeadingZeros) {
  for (Date day = Date::FromYmd(1800, 1, 1); day <= Date::FromYmd(2300, 12, 31);
       day = day.AddDays(1)) {
    std::array<char, 16> expected{};
    std::snprintf(expected.data(), expected.size(), "%04d-%02u-%02u", day.year(), day.month(),
                  day.day());
    ASSERT_EQ(day.ToString(), expected.data());
    ASSERT_EQ(Date::Parse(day.ToString()), day);
  }
  EXPECT_EQ(Date::FromYmd(0, 1, 1).ToString(), "0000-01-01");
  EXPECT_EQ(Date::FromYmd(9999, 12, 31).ToString(), "9999-12-31");
  EXPECT_EQ(Date::FromYmd(999, 2, 3).ToString(), "0999-02-03");
}

TEST(Date, ParsesStrictIsoDates) {
  ASSERT_TRUE(Date::Parse("2026-11-20"));
  EXPECT_EQ(Date::Parse("2026-11-20")->ToString(), "2026-11-20");
  EXPECT_TRUE(Date::Parse("2028-02-29"));
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  for (const char* text : {"2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-1-01",
                           "26-11-20", "2026/11/20", "2026-11-20T00:00", "", "abcd-ef-gh"}) {
    EXPECT_FALSE(Date::Parse(text)) << text;
  }
}

TEST(Date, AddsDaysAcrossMonthsAndYears) {
  EXPECT_EQ(Date::FromYmd(2026, 11, 10).AddDays(14).ToString(), "2026-11-24");
  EXPECT_EQ(Date::FromYmd(2026, 12, 25).AddDays(14).ToString(), "2027-01-08");
}

TEST(Date, AddsCalendarMonthsClampedToTheLastDay) {
  EXPECT_EQ(Date::FromYmd(2026, 8, 1).AddMonths(6).ToString(), "2027-02-01");
  EXPECT_EQ(Date::FromYmd(2026, 8, 31).AddMonths(6).ToString(), "2027-02-28");
  EXPECT_EQ(Date::FromYmd(2027, 8, 31).AddMonths(6).ToString(), "2028-02-29");
  EXPECT_EQ(Date::FromYmd(2026, 1, 31).AddMonths(1).ToString(), "2026-02-28");
}

TEST(Date, AgeCountsOnlyReachedAnniversaries) {
  const Date birth = Date::FromYmd(2008, 11, 21);
  EXPECT_EQ(birth.WholeYearsUntil(Date::FromYmd(2026, 11, 20)), 17);
  EXPECT_EQ(birth.WholeYearsUntil(Date::FromYmd(2026, 11, 21)), 18);
}

TEST(Date, LeapDayBirthdayIsReachedOnFirstOfMarchInCommonYears) {
  const Date birth = Date::FromYmd(2008, 2, 29);
  EXPECT_EQ(birth.WholeYearsUntil(Date::FromYmd(2026, 2, 28)), 17);
  EXPECT_EQ(birth.WholeYearsUntil(Date::FromYmd(2026, 3, 1)), 18);
}

}  // namespace
}  // namespace corium
