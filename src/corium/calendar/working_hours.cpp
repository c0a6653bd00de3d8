#include "corium/calendar/working_hours.h"

#include <chrono>

namespace corium::calendar {

int IsoWeekday(Date day) {
  const std::chrono::year_month_day ymd{
      std::chrono::year(day.year()), std::chrono::month(day.month()), std::chrono::day(day.day())};
  return static_cast<int>(std::chrono::weekday(std::chrono::sys_days(ymd)).iso_encoding());
}

std::string LocalDateTimeText(Instant instant, const ClinicZone& zone) {
  const Instant local = instant + std::int64_t{zone.UtcOffsetMinutes(instant)} * kMinute;
  const std::int64_t minute_of_day = ((local % kDay + kDay) % kDay) / kMinute;
  std::string text = zone.DateOf(instant).ToString() + " ";
  text += static_cast<char>('0' + minute_of_day / 600);
  text += static_cast<char>('0' + (minute_of_day / 60) % 10);
  text += ':';
  text += static_cast<char>('0' + (minute_of_day % 60) / 10);
  text += static_cast<char>('0' + minute_of_day % 10);
  return text;
}

std::vector<Interval> ExpandWorkingHours(const std::vector<WeeklyHours>& hours, Date first,
                                         Date last, const ClinicZone& zone) {
  std::vector<Interval> open;
  for (Date day = first; day <= last; day = day.AddDays(1)) {
    const int weekday = IsoWeekday(day);
    for (const WeeklyHours& span : hours) {
      if (span.weekday != weekday) continue;
      open.push_back(
          {zone.ToInstant(day, span.start_minute), zone.ToInstant(day, span.end_minute)});
    }
  }
  return Normalized(std::move(open));
}

}  // namespace corium::calendar
