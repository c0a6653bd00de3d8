#include "corium/calendar/working_hours.h"

#include <chrono>

namespace corium::calendar {

int IsoWeekday(Date day) {
  const std::chrono::year_month_day ymd{
      std::chrono::year(day.year()), std::chrono::month(day.month()), std::chrono::day(day.day())};
  return static_cast<int>(std::chrono::weekday(std::chrono::sys_days(ymd)).iso_encoding());
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
