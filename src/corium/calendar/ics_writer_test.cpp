// The ICS writer's output read back by libical, a real RFC 5545 parser: events, times in UTC,
// escaped text and folded long lines come back exactly as written.
#include "corium/calendar/ics_writer.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

namespace corium::calendar {
namespace {

// 2026-11-23 16:00 UTC.
constexpr Instant kStart = 1'795'449'600;

IcsCalendar Diary() {
  IcsCalendar calendar;
  calendar.name = "Dr Ortiz, diary";
  calendar.stamp = 1'795'176'000;
  calendar.events.push_back({"appointment-12@corium",
                             {kStart, kStart + 3600},
                             "Microneedling; session 2, cheeks",
                             "Line one\nLine two: a \\ backslash, and a long text that goes on "
                             "and on past seventy-five octets — with an em dash and é accents "
                             "that must never be split by a fold.",
                             "Room 1",
                             false,
                             std::nullopt});
  calendar.events.push_back({"appointment-13@corium",
                             {kStart + 7200, kStart + 9000},
                             "Review",
                             "",
                             "",
                             true,
                             std::nullopt});
  return calendar;
}

TEST(IcsWriter, LinesEndInCrlfAndNoneIsLongerThan75Octets) {
  const std::string ics = WriteIcs(Diary());
  size_t begin = 0;
  while (begin < ics.size()) {
    const size_t end = ics.find("\r\n", begin);
    ASSERT_NE(end, std::string::npos) << "a line without CRLF";
    EXPECT_LE(end - begin, 75U) << ics.substr(begin, end - begin);
    begin = end + 2;
  }
  EXPECT_EQ(ics.find('\n'), ics.find("\r\n") + 1);
}

TEST(IcsWriter, LibicalReadsBackEveryEventExactly) {
  const IcsCalendar diary = Diary();
  icalcomponent* root = icalparser_parse_string(WriteIcs(diary).c_str());
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(icalcomponent_isa(root), ICAL_VCALENDAR_COMPONENT);
  int count = 0;
  for (icalcomponent* event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
       event != nullptr; event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
    const IcsEvent& expected = diary.events[static_cast<size_t>(count++)];
    EXPECT_EQ(std::string(icalcomponent_get_uid(event)), expected.uid);
    EXPECT_EQ(std::string(icalcomponent_get_summary(event)), expected.summary);
    const icaltimetype start = icalcomponent_get_dtstart(event);
    EXPECT_TRUE(icaltime_is_utc(start));
    EXPECT_EQ(icaltime_as_timet(start), expected.time.start);
    EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtend(event)), expected.time.end);
    EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstamp(event)), diary.stamp);
    if (!expected.description.empty()) {
      EXPECT_EQ(std::string(icalcomponent_get_description(event)), expected.description);
    }
    EXPECT_EQ(icalcomponent_get_status(event),
              expected.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);
  }
  EXPECT_EQ(count, 2);
  // libical's own checks find nothing missing (UID and DTSTAMP are required in a VEVENT).
  EXPECT_EQ(icalcomponent_count_errors(root), 0);
  icalcomponent_free(root);
}

TEST(IcsWriter, AWholeDayEventIsADateValueThatLibicalReadsAsOneDay) {
  IcsCalendar calendar;
  calendar.stamp = 1'795'176'000;
  IcsEvent follow_up;
  follow_up.uid = "plan-4-follow-up-day_28@corium";
  follow_up.summary = "Re-screen";
  follow_up.all_day = Date::FromYmd(2026, 12, 31);
  calendar.events.push_back(follow_up);
  const std::string ics = WriteIcs(calendar);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20261231\r\n"), std::string::npos) << ics;
  icalcomponent* root = icalparser_parse_string(ics.c_str());
  ASSERT_NE(root, nullptr);
  icalcomponent* event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  const icaltimetype start = icalcomponent_get_dtstart(event);
  EXPECT_TRUE(icaltime_is_date(start));
  EXPECT_EQ(start.year, 2026);
  EXPECT_EQ(start.month, 12);
  EXPECT_EQ(start.day, 31);
  const icaltimetype end = icalcomponent_get_dtend(event);
  EXPECT_EQ(end.year, 2027);  // the day after, across the year's end
  EXPECT_EQ(end.day, 1);
  EXPECT_EQ(icalcomponent_count_errors(root), 0);
  icalcomponent_free(root);
}

TEST(IcsWriter, TextIsEscapedAndFoldingKeepsUtf8Whole) {
  EXPECT_EQ(EscapeIcsText("a;b,c\\d\r\ne"), "a\\;b\\,c\\\\d\\ne");
  const std::string folded = FoldIcsLine(std::string(74, 'x') + "é");
  // The two-octet character moves to the continuation line rather than being split.
  EXPECT_EQ(folded, std::string(74, 'x') + "\r\n é");
}

}  // namespace
}  // namespace corium::calendar
