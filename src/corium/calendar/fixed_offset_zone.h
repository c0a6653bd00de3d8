// FixedOffsetZone: a ClinicZone with one constant offset from UTC and no daylight saving, for
// tests of the calendar's own logic and for callers that want plain UTC.
#pragma once

#include <chrono>

#include "corium/calendar/clinic_zone.h"

namespace corium::calendar {

class FixedOffsetZone final : public ClinicZone {
 public:
  explicit FixedOffsetZone(int offset_minutes = 0) : offset_(offset_minutes * kMinute) {}

  Instant ToInstant(Date day, int minute_of_day) const override {
    const std::chrono::sys_days days{std::chrono::year(day.year()) /
                                     std::chrono::month(day.month()) / std::chrono::day(day.day())};
    return days.time_since_epoch().count() * kDay + minute_of_day * kMinute - offset_;
  }
  Date DateOf(Instant instant) const override {
    const std::chrono::sys_days days{
        std::chrono::days((instant + offset_ - ((instant + offset_) % kDay + kDay) % kDay) / kDay)};
    const std::chrono::year_month_day ymd{days};
    return Date::FromYmd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                         static_cast<unsigned>(ymd.day()));
  }
  int UtcOffsetMinutes(Instant /*instant*/) const override {
    return static_cast<int>(offset_ / kMinute);
  }

 private:
  std::int64_t offset_;
};

}  // namespace corium::calendar
