// The clinic calendar over HTTP: rooms, working hours, appointment types, slot search (one
// appointment or a whole course), and appointments (book, read, move, cancel, the diary by day or
// week, for the clinic or one practitioner). Rules live in app/calendar.h; this maps JSON to it.
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "corium/app/calendar.h"
#include "corium/http/api.h"
#include "corium/http/api/calendar_json.h"

namespace corium::http {
namespace {

using app::Permission;
using nlohmann::json;

// An integer query parameter; nullopt when absent; an error naming it when not a whole number.
Result<std::optional<std::int64_t>> IntParameter(const ApiCall& call, std::string_view name) {
  const auto text = call.Query(name);
  if (!text) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() || end != text->data() + text->size()) {
    return Status::InvalidFields({{std::string(name), "expected a whole number"}});
  }
  return std::optional<std::int64_t>(value);
}

ApiReply AppointmentReply(const app::Appointment& appointment, int status = 200) {
  ApiReply reply = ApiReply::Json(AppointmentToJson(appointment), status);
  reply.version = appointment.version;
  if (status == 201) reply.location = "/api/v1/appointments/" + std::to_string(appointment.id);
  return reply;
}

Result<ApiReply> ListRooms(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto rooms, call.services.calendar.Rooms(call.actor()));
  json items = json::array();
  for (const app::Room& room : rooms) items.push_back(RoomToJson(room));
  return ApiReply::Json({{"items", items}});
}

Result<ApiReply> AddRoom(ApiCall& call) {
  const std::string name = call.body.value("name", "");
  CORIUM_ASSIGN_OR_RETURN(const app::Id id, call.services.calendar.AddRoom(call.actor(), name));
  return ApiReply::Created(RoomToJson({id, name, true, 1}), "/api/v1/rooms");
}

Result<ApiReply> ReadHours(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id staff_id, call.PathId("staff_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto hours,
                          call.services.calendar.WorkingHoursOf(call.actor(), staff_id));
  return ApiReply::Json(WorkingHoursToJson(staff_id, hours));
}

Result<ApiReply> ReplaceHours(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id staff_id, call.PathId("staff_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto hours, WorkingHoursFromJson(call.body));
  CORIUM_RETURN_IF_ERROR(call.services.calendar.SetWorkingHours(call.actor(), staff_id, hours));
  return ApiReply::Json(WorkingHoursToJson(staff_id, hours));
}

Result<ApiReply> ListTypes(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto types, call.services.calendar.AppointmentTypes(call.actor()));
  json items = json::array();
  for (const app::AppointmentType& type : types) items.push_back(AppointmentTypeToJson(type));
  return ApiReply::Json({{"items", items}});
}

Result<ApiReply> AddType(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::AppointmentTypeSpec spec, AppointmentTypeFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id id,
                          call.services.calendar.AddAppointmentType(call.actor(), spec));
  return ApiReply::Created(AppointmentTypeToJson({id, spec, true, 1}), "/api/v1/appointment-types");
}

Result<ApiReply> FindSlots(ApiCall& call) {
  app::SlotQuery query;
  CORIUM_ASSIGN_OR_RETURN(const auto type_id, IntParameter(call, "type_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto practitioner_id, IntParameter(call, "practitioner_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto from, IntParameter(call, "from"));
  CORIUM_ASSIGN_OR_RETURN(const auto count, IntParameter(call, "count"));
  CORIUM_ASSIGN_OR_RETURN(const auto horizon, IntParameter(call, "horizon_days"));
  if (!type_id) return Status::InvalidFields({{"type_id", "required"}});
  query.type_id = *type_id;
  query.practitioner_id = practitioner_id;
  query.from = from.value_or(0);
  query.count = static_cast<int>(count.value_or(query.count));
  query.horizon_days = static_cast<int>(horizon.value_or(query.horizon_days));
  CORIUM_ASSIGN_OR_RETURN(const auto slots, call.services.calendar.FindSlots(call.actor(), query));
  json items = json::array();
  for (const app::ProposedSlot& slot : slots) items.push_back(SlotToJson(slot));
  return ApiReply::Json({{"items", items}});
}

Result<ApiReply> FindCourseSlots(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::CourseSlotQuery query, CourseSlotQueryFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const auto slots,
                          call.services.calendar.FindCourseSlots(call.actor(), query));
  json sessions = json::array();
  for (const app::ProposedSlot& slot : slots) sessions.push_back(SlotToJson(slot));
  return ApiReply::Json({{"sessions", sessions}});
}

Result<ApiReply> Book(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::BookingRequest request, BookingFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id id, call.services.calendar.Book(call.actor(), request));
  CORIUM_ASSIGN_OR_RETURN(const app::Appointment booked,
                          call.services.calendar.Find(call.actor(), id));
  return AppointmentReply(booked, 201);
}

Result<ApiReply> ReadAppointment(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id id, call.PathId("appointment_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::Appointment found,
                          call.services.calendar.Find(call.actor(), id));
  return AppointmentReply(found);
}

Result<ApiReply> MoveAppointment(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id id, call.PathId("appointment_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t version, call.IfMatch());
  CORIUM_ASSIGN_OR_RETURN(const app::MoveRequest request, MoveFromJson(call.body));
  CORIUM_RETURN_IF_ERROR(call.services.calendar.Move(call.actor(), id, version, request));
  CORIUM_ASSIGN_OR_RETURN(const app::Appointment moved,
                          call.services.calendar.Find(call.actor(), id));
  return AppointmentReply(moved);
}

Result<ApiReply> CancelAppointment(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id id, call.PathId("appointment_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t version, call.IfMatch());
  CORIUM_RETURN_IF_ERROR(call.services.calendar.Cancel(call.actor(), id, version));
  CORIUM_ASSIGN_OR_RETURN(const app::Appointment cancelled,
                          call.services.calendar.Find(call.actor(), id));
  return AppointmentReply(cancelled);
}

// The diary: either `date` (the clinic's local day, YYYY-MM-DD) with `days` (1 for a day, 7 for a
// week), or `from` and `to` as instants.
Result<ApiReply> ListAppointments(ApiCall& call) {
  app::AppointmentFilter filter;
  CORIUM_ASSIGN_OR_RETURN(filter.practitioner_id, IntParameter(call, "practitioner_id"));
  CORIUM_ASSIGN_OR_RETURN(filter.client_id, IntParameter(call, "client_id"));
  if (const auto date_text = call.Query("date")) {
    const auto date = Date::Parse(*date_text);
    if (!date) return Status::InvalidFields({{"date", "expected a date YYYY-MM-DD"}});
    CORIUM_ASSIGN_OR_RETURN(const auto days, IntParameter(call, "days"));
    CORIUM_ASSIGN_OR_RETURN(
        const calendar::Interval span,
        call.services.calendar.LocalDays(call.actor(), *date, static_cast<int>(days.value_or(1))));
    filter.from = span.start;
    filter.to = span.end;
  } else {
    CORIUM_ASSIGN_OR_RETURN(const auto from, IntParameter(call, "from"));
    CORIUM_ASSIGN_OR_RETURN(const auto to, IntParameter(call, "to"));
    if (!from || !to) return Status::InvalidFields({{"date", "give date, or from and to"}});
    filter.from = *from;
    filter.to = *to;
  }
  CORIUM_ASSIGN_OR_RETURN(const auto appointments,
                          call.services.calendar.List(call.actor(), filter));
  json items = json::array();
  for (const app::Appointment& a : appointments) items.push_back(AppointmentToJson(a));
  return ApiReply::Json({{"from", filter.from}, {"to", filter.to}, {"items", items}});
}

}  // namespace

void AddCalendarRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/rooms",
              .permission = Permission::kReadCalendar,
              .handler = ListRooms});
  router.Add({.method = "POST",
              .pattern = "/api/v1/rooms",
              .permission = Permission::kManageCalendar,
              .handler = AddRoom});
  router.Add({.method = "GET",
              .pattern = "/api/v1/staff/{staff_id}/working-hours",
              .permission = Permission::kReadCalendar,
              .handler = ReadHours});
  router.Add({.method = "PUT",
              .pattern = "/api/v1/staff/{staff_id}/working-hours",
              .permission = Permission::kManageCalendar,
              .handler = ReplaceHours});
  router.Add({.method = "GET",
              .pattern = "/api/v1/appointment-types",
              .permission = Permission::kReadCalendar,
              .handler = ListTypes});
  router.Add({.method = "POST",
              .pattern = "/api/v1/appointment-types",
              .permission = Permission::kManageCalendar,
              .handler = AddType});
  router.Add({.method = "GET",
              .pattern = "/api/v1/slots",
              .permission = Permission::kReadCalendar,
              .handler = FindSlots});
  router.Add({.method = "POST",
              .pattern = "/api/v1/slots/course",
              .permission = Permission::kReadCalendar,
              .handler = FindCourseSlots});
  router.Add({.method = "GET",
              .pattern = "/api/v1/appointments",
              .permission = Permission::kReadCalendar,
              .handler = ListAppointments});
  router.Add({.method = "POST",
              .pattern = "/api/v1/appointments",
              .permission = Permission::kBook,
              .handler = Book});
  router.Add({.method = "GET",
              .pattern = "/api/v1/appointments/{appointment_id}",
              .permission = Permission::kReadCalendar,
              .handler = ReadAppointment});
  router.Add({.method = "POST",
              .pattern = "/api/v1/appointments/{appointment_id}/move",
              .permission = Permission::kBook,
              .handler = MoveAppointment});
  router.Add({.method = "POST",
              .pattern = "/api/v1/appointments/{appointment_id}/cancel",
              .permission = Permission::kBook,
              .handler = CancelAppointment});
}

}  // namespace corium::http
