// ClinicZone: how the calendar turns the clinic's local clock times into instants and back. The
// calendar layer stays pure by taking this interface; tz/ implements it over the tz database, so
// daylight-saving rules come from the operating system's zone data, never from code here.
#pragma once

#include <string>

#include "corium/calendar/interval.h"
#include "corium/domain/date.h"

namespace corium::calendar {

class ClinicZone {
 public:
  virtual ~ClinicZone() = default;
  // The instant of `minute_of_day` (0–1440) minutes after local midnight on `day`. A local time
  // that occurs twice (clocks going back) is its first occurrence; one that never occurs (clocks
  // going forward) is the instant of the change.
  virtual Instant ToInstant(Date day, int minute_of_day) const = 0;
  // The local calendar date at `instant`.
  virtual Date DateOf(Instant instant) const = 0;
  // Minutes east of UTC in force at `instant`.
  virtual int UtcOffsetMinutes(Instant instant) const = 0;
};

// "YYYY-MM-DD HH:MM" on the clinic's clock at `instant`.
std::string LocalDateTimeText(Instant instant, const ClinicZone& zone);

// ISO weekday of a date: 1 = Monday … 7 = Sunday.
int IsoWeekday(Date day);

}  // namespace corium::calendar
