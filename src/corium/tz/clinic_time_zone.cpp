#include "corium/tz/clinic_time_zone.h"

#include <date/tz.h>

#include <chrono>
#include <exception>

namespace corium::tz {

Result<std::unique_ptr<ClinicTimeZone>> ClinicTimeZone::Open(const std::string& iana_name) {
  try {
    if (!iana_name.empty()) {
      return std::unique_ptr<ClinicTimeZone>(new ClinicTimeZone(date::locate_zone(iana_name)));
    }
  } catch (const std::exception&) {
    // date-tz throws for a name it does not know; answered below.
  }
  return Status::InvalidFields({{"time_zone", "not a time zone of the tz database"}});
}

calendar::Instant ClinicTimeZone::ToInstant(Date day, int minute_of_day) const {
  const date::local_days local_day{date::year(day.year()) / date::month(day.month()) /
                                   date::day(day.day())};
  const date::local_seconds local = local_day + std::chrono::minutes(minute_of_day);
  const date::local_info info = zone_->get_info(local);
  std::chrono::seconds offset = info.first.offset;
  // In a gap (clocks going forward) the local time does not exist: the instant of the change is
  // where the first offset ends. Twice-occurring times take the first offset as well.
  if (info.result == date::local_info::nonexistent) {
    return std::chrono::duration_cast<std::chrono::seconds>(info.first.end.time_since_epoch())
        .count();
  }
  return (local.time_since_epoch() - offset).count();
}

Date ClinicTimeZone::DateOf(calendar::Instant instant) const {
  const auto local = zone_->to_local(date::sys_seconds(std::chrono::seconds(instant)));
  const date::year_month_day ymd{date::floor<date::days>(local)};
  return Date::FromYmd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

int ClinicTimeZone::UtcOffsetMinutes(calendar::Instant instant) const {
  const date::sys_info info = zone_->get_info(date::sys_seconds(std::chrono::seconds(instant)));
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
}

}  // namespace corium::tz
