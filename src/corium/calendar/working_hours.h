// Working hours: a practitioner's weekly spans of local time, expanded into the instants they
// cover on real days, so that a 09:00–17:00 day stays 09:00–17:00 on the clock on both sides of a
// daylight-saving change (and is an hour shorter or longer only if it spans the change itself).
#pragma once

#include <vector>

#include "corium/calendar/clinic_zone.h"
#include "corium/calendar/interval.h"
#include "corium/domain/date.h"

namespace corium::calendar {

struct WeeklyHours {
  int weekday = 1;       // 1 = Monday … 7 = Sunday
  int start_minute = 0;  // minutes after local midnight
  int end_minute = 0;    // exclusive; up to 1440

  friend bool operator==(const WeeklyHours&, const WeeklyHours&) = default;
};

// The instants covered by `hours` on every local day from `first` to `last` inclusive, normalized.
std::vector<Interval> ExpandWorkingHours(const std::vector<WeeklyHours>& hours, Date first,
                                         Date last, const ClinicZone& zone);

}  // namespace corium::calendar
