// ZonedSystemClock: the real clock, with "today" as the calendar date in a clinic's IANA time
// zone (the operating system's tz database, through date-tz; the only place Corium includes it).
// One instance per worker thread: SetZone changes what Today() answers for that thread's calls.
#pragma once

#include <string>

#include "corium/app/services.h"

namespace date {
class time_zone;
}

namespace corium::tz {

class ZonedSystemClock final : public app::ZonedClock {
 public:
  // Starts in `iana_name` (UTC when empty or unknown).
  explicit ZonedSystemClock(const std::string& iana_name = "UTC");

  Status SetZone(const std::string& iana_name) override;
  std::int64_t NowSeconds() const override;
  Date Today() const override;

  // Whether the tz database knows the zone.
  static bool IsKnownZone(const std::string& iana_name);

 private:
  const date::time_zone* zone_ = nullptr;
  std::string name_;
};

// The calendar date at `epoch_seconds` in `iana_name`; nullopt for an unknown zone.
std::optional<Date> CivilDate(std::int64_t epoch_seconds, const std::string& iana_name);

}  // namespace corium::tz
