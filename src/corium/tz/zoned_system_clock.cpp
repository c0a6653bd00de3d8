#include "corium/tz/zoned_system_clock.h"

#include <date/tz.h>

#include <chrono>
#include <exception>

namespace corium::tz {
namespace {

const date::time_zone* Locate(const std::string& iana_name) {
  if (iana_name.empty()) return nullptr;
  try {
    return date::locate_zone(iana_name);
  } catch (const std::exception&) {
    return nullptr;  // date-tz throws for a name it does not know
  }
}

Date DateIn(const date::time_zone* zone, std::chrono::sys_seconds instant) {
  const auto local = zone->to_local(instant);
  const date::year_month_day ymd{date::floor<date::days>(local)};
  return Date::FromYmd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

}  // namespace

ZonedSystemClock::ZonedSystemClock(const std::string& iana_name) {
  zone_ = Locate(iana_name);
  name_ = zone_ != nullptr ? iana_name : "UTC";
  if (zone_ == nullptr) zone_ = Locate("UTC");
}

bool ZonedSystemClock::IsKnownZone(const std::string& iana_name) {
  return Locate(iana_name) != nullptr;
}

Status ZonedSystemClock::SetZone(const std::string& iana_name) {
  if (iana_name == name_) return Status::Ok();
  const date::time_zone* zone = Locate(iana_name);
  if (zone == nullptr) return Status::InvalidArgument("unknown time zone \"" + iana_name + "\"");
  zone_ = zone;
  name_ = iana_name;
  return Status::Ok();
}

std::int64_t ZonedSystemClock::NowSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Date ZonedSystemClock::Today() const {
  return DateIn(zone_, std::chrono::sys_seconds(std::chrono::seconds(NowSeconds())));
}

std::optional<Date> CivilDate(std::int64_t epoch_seconds, const std::string& iana_name) {
  const date::time_zone* zone = Locate(iana_name);
  if (zone == nullptr) return std::nullopt;
  return DateIn(zone, std::chrono::sys_seconds(std::chrono::seconds(epoch_seconds)));
}

}  // namespace corium::tz
