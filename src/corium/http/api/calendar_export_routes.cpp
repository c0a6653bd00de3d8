// Calendar exports as RFC 5545 iCalendar files (a client's appointments and a practitioner's
// diary, from 90 days back to a year and a half ahead, written by the pure ICS writer), and the
// state of the outbox of reminders and check-ins.
#include <map>
#include <string>

#include "corium/app/calendar.h"
#include "corium/app/outbox.h"
#include "corium/calendar/ics_writer.h"
#include "corium/http/api.h"

namespace corium::http {
namespace {

using app::Permission;

constexpr std::int64_t kDaysBack = 90;
constexpr std::int64_t kDaysAhead = 540;

Result<ApiReply> IcsReply(ApiCall& call, const app::AppointmentFilter& filter,
                          const std::string& name, bool name_clients) {
  app::Calendar& calendar = call.services.calendar;
  CORIUM_ASSIGN_OR_RETURN(const auto appointments, calendar.Export(call.actor(), filter));
  CORIUM_ASSIGN_OR_RETURN(const auto types, calendar.AppointmentTypes(call.actor()));
  CORIUM_ASSIGN_OR_RETURN(const auto rooms, calendar.Rooms(call.actor()));
  std::map<app::Id, std::string> type_names;
  for (const app::AppointmentType& type : types) type_names[type.id] = type.spec.name;
  std::map<app::Id, std::string> room_names;
  for (const app::Room& room : rooms) room_names[room.id] = room.name;

  calendar::IcsCalendar ics;
  ics.name = name;
  ics.stamp = call.services.clock.NowSeconds();
  for (const app::Appointment& a : appointments) {
    calendar::IcsEvent event;
    event.uid = "appointment-" + std::to_string(a.id) + "@corium";
    event.time = a.time;
    event.summary = type_names[a.type_id];
    if (name_clients) {
      event.summary += " — " + a.client_given_name + " " + a.client_family_name;
    }
    if (a.placement.room_id) event.location = room_names[*a.placement.room_id];
    event.cancelled = a.status == app::AppointmentStatus::kCancelled;
    ics.events.push_back(std::move(event));
  }
  ApiReply reply;
  reply.content_type = "text/calendar; charset=utf-8";
  reply.raw_body = calendar::WriteIcs(ics);
  return reply;
}

app::AppointmentFilter ExportWindow(const ApiCall& call) {
  const std::int64_t now = call.services.clock.NowSeconds();
  app::AppointmentFilter filter;
  filter.from = now - kDaysBack * calendar::kDay;
  filter.to = now + kDaysAhead * calendar::kDay;
  return filter;
}

Result<ApiReply> ClientAppointmentsIcs(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  app::AppointmentFilter filter = ExportWindow(call);
  filter.client_id = client_id;
  return IcsReply(call, filter, "Appointments", false);
}

Result<ApiReply> StaffDiaryIcs(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id staff_id, call.PathId("staff_id"));
  app::AppointmentFilter filter = ExportWindow(call);
  filter.practitioner_id = staff_id;
  return IcsReply(call, filter, "Diary", true);
}

Result<ApiReply> OutboxState(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::OutboxSummary summary,
                          call.services.outbox.Summary(call.actor()));
  return ApiReply::Json({{"pending", summary.pending},
                         {"sent", summary.sent},
                         {"cancelled", summary.cancelled},
                         {"failing", summary.failing},
                         {"next_due", summary.next_due ? nlohmann::json(*summary.next_due)
                                                       : nlohmann::json(nullptr)}});
}

}  // namespace

void AddCalendarExportRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/outbox",
              .permission = Permission::kReadCalendar,
              .handler = OutboxState});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/appointments.ics",
              .permission = Permission::kReadCalendar,
              .handler = ClientAppointmentsIcs});
  router.Add({.method = "GET",
              .pattern = "/api/v1/staff/{staff_id}/diary.ics",
              .permission = Permission::kReadCalendar,
              .handler = StaffDiaryIcs});
}

}  // namespace corium::http
