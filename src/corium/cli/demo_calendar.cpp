// The demo clinic's calendar: two treatment rooms, weekday hours for three practitioners, three
// appointment types, and a few appointments in the week after the demo's today (each enqueuing its
// reminders and check-ins, as a real booking does).
#include <memory>

#include "corium/cli/demo_clinic.h"
#include "corium/cli/demo_story.h"
#include "corium/tz/clinic_time_zone.h"

namespace corium::cli::demo {

Result<std::unique_ptr<calendar::ClinicZone>> OpenDemoZone(const std::string& iana_name) {
  CORIUM_ASSIGN_OR_RETURN(auto zone, tz::ClinicTimeZone::Open(iana_name));
  return std::unique_ptr<calendar::ClinicZone>(std::move(zone));
}

Status DemoStory::NextWeeksCalendar() {
  At(DemoToday(), 17);
  for (const char* room : {"Treatment room 1", "Treatment room 2"}) {
    CORIUM_RETURN_IF_ERROR(Step("room", calendar_.AddRoom(director_, room).status()));
  }
  std::vector<calendar::WeeklyHours> weekdays;
  for (int weekday = 1; weekday <= 5; ++weekday) {
    weekdays.push_back({weekday, 9 * 60, 12 * 60});
    weekdays.push_back({weekday, 13 * 60, 17 * 60});
  }
  for (const app::Actor* practitioner : {&director_, &nurse_practitioner_, &nurse_}) {
    CORIUM_RETURN_IF_ERROR(
        Step("hours", calendar_.SetWorkingHours(director_, practitioner->staff_id, weekdays)));
  }
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id session,
      Step("type", calendar_.AddAppointmentType(
                       director_, {"Microneedling session", app::AppointmentPurpose::kSession, 60,
                                   true, Code("pen")})));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id consultation,
      Step("type", calendar_.AddAppointmentType(
                       director_, {"Consultation", app::AppointmentPurpose::kConsultation, 30, true,
                                   std::nullopt})));
  CORIUM_RETURN_IF_ERROR(Step(
      "type",
      calendar_
          .AddAppointmentType(director_, {"Three-month review", app::AppointmentPurpose::kReview,
                                          30, false, std::nullopt})
          .status()));
  // The clinic's first three clients come back next week.
  CORIUM_ASSIGN_OR_RETURN(
      const auto clients,
      db_.Query("SELECT id FROM clients WHERE clinic_id = $1 ORDER BY id LIMIT 3", {clinic_id_}));
  const Date monday = DemoToday().AddDays(3);
  const struct {
    const app::Actor* with;
    app::Id type;
    int day;
    int hour;
  } visits[] = {{&nurse_practitioner_, session, 0, 10},
                {&director_, consultation, 1, 9},
                {&nurse_, session, 2, 14}};
  for (size_t i = 0; i < clients.size() && i < std::size(visits); ++i) {
    app::BookingRequest booking;
    booking.client_id = clients[i].Int(0);
    booking.type_id = visits[i].type;
    booking.practitioner_id = visits[i].with->staff_id;
    CORIUM_ASSIGN_OR_RETURN(const std::string zone_name,
                            calendar_repository_.ClinicTimeZone(clinic_id_));
    CORIUM_ASSIGN_OR_RETURN(const auto zone, OpenDemoZone(zone_name));
    booking.starts_at = zone->ToInstant(monday.AddDays(visits[i].day), visits[i].hour * 60);
    CORIUM_RETURN_IF_ERROR(Step("booking", calendar_.Book(director_, booking).status()));
  }
  return Status::Ok();
}

}  // namespace corium::cli::demo
