// ClinicTimeZone: the calendar's ClinicZone over the operating system's tz database (date-tz), so
// working hours follow each zone's daylight-saving rules. Immutable; safe to share across threads.
#pragma once

#include <memory>
#include <string>

#include "corium/base/result.h"
#include "corium/calendar/clinic_zone.h"

namespace date {
class time_zone;
}

namespace corium::tz {

class ClinicTimeZone final : public calendar::ClinicZone {
 public:
  // kInvalidArgument naming time_zone for a name the tz database does not know.
  static Result<std::unique_ptr<ClinicTimeZone>> Open(const std::string& iana_name);

  calendar::Instant ToInstant(Date day, int minute_of_day) const override;
  Date DateOf(calendar::Instant instant) const override;
  int UtcOffsetMinutes(calendar::Instant instant) const override;

 private:
  explicit ClinicTimeZone(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone_;
};

}  // namespace corium::tz
