#include "corium/http/api/calendar_json.h"

#include <cstdio>
#include <string>

#include "corium/http/api/json_read.h"

namespace corium::http {
namespace {

using nlohmann::json;

json OptionalIdJson(const std::optional<app::Id>& id) { return id ? json(*id) : json(nullptr); }

// "HH:MM" → minutes after midnight; "24:00" only where `allow_midnight` (an end time).
std::optional<int> ParseClockTime(const std::string& text, bool allow_midnight) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (const size_t i : {0U, 1U, 3U, 4U}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59) return std::nullopt;
  if (hours == 24 && minutes == 0 && allow_midnight) return 24 * 60;
  if (hours > 23) return std::nullopt;
  return hours * 60 + minutes;
}

std::string ClockTime(int minutes) {
  char text[8];
  const int written = std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return written == 5 ? std::string(text) : std::string("00:00");
}

}  // namespace

json RoomToJson(const app::Room& room) {
  return {{"id", room.id}, {"name", room.name}, {"active", room.active}, {"version", room.version}};
}

Result<std::vector<calendar::WeeklyHours>> WorkingHoursFromJson(const json& body) {
  BodyReader read(body);
  std::vector<calendar::WeeklyHours> hours;
  size_t index = 0;
  for (const json& item : read.At("hours")) {
    BodyReader span(item, "hours[" + std::to_string(index++) + "].");
    calendar::WeeklyHours h;
    h.weekday = static_cast<int>(span.Int("weekday"));
    const auto start = ParseClockTime(span.String("start"), false);
    const auto end = ParseClockTime(span.String("end"), true);
    if (!start) span.Fail("start", "expected HH:MM");
    if (!end) span.Fail("end", "expected HH:MM (24:00 at the latest)");
    h.start_minute = start.value_or(0);
    h.end_minute = end.value_or(0);
    read.Merge(span);
    hours.push_back(h);
  }
  CORIUM_RETURN_IF_ERROR(read.status());
  return hours;
}

json WorkingHoursToJson(app::Id staff_id, const std::vector<calendar::WeeklyHours>& hours) {
  json items = json::array();
  for (const calendar::WeeklyHours& h : hours) {
    items.push_back({{"weekday", h.weekday},
                     {"start", ClockTime(h.start_minute)},
                     {"end", ClockTime(h.end_minute)}});
  }
  return {{"staff_id", staff_id}, {"hours", items}};
}

Result<app::AppointmentTypeSpec> AppointmentTypeFromJson(const json& body) {
  BodyReader read(body);
  app::AppointmentTypeSpec spec;
  spec.name = read.String("name");
  if (const auto purpose = app::ParseAppointmentPurpose(read.String("purpose"))) {
    spec.purpose = *purpose;
  } else {
    read.Fail("purpose", "expected consultation, session or review");
  }
  spec.duration_minutes = static_cast<int>(read.Int("duration_minutes"));
  spec.needs_room = read.Bool("needs_room", true);
  if (const auto kind = read.OptionalString("device_kind")) spec.device_kind = Code(*kind);
  CORIUM_RETURN_IF_ERROR(read.status());
  return spec;
}

json AppointmentTypeToJson(const app::AppointmentType& type) {
  return {{"id", type.id},
          {"name", type.spec.name},
          {"purpose", std::string(app::AppointmentPurposeName(type.spec.purpose))},
          {"duration_minutes", type.spec.duration_minutes},
          {"needs_room", type.spec.needs_room},
          {"device_kind", type.spec.device_kind ? json(type.spec.device_kind->str()) : json()},
          {"active", type.active},
          {"version", type.version}};
}

json SlotToJson(const app::ProposedSlot& slot) {
  return {{"starts_at", slot.time.start},
          {"ends_at", slot.time.end},
          {"practitioner_id", slot.placement.practitioner_id},
          {"room_id", OptionalIdJson(slot.placement.room_id)},
          {"device_id", OptionalIdJson(slot.placement.device_id)}};
}

Result<app::CourseSlotQuery> CourseSlotQueryFromJson(const json& body) {
  BodyReader read(body);
  app::CourseSlotQuery query;
  query.type_id = read.Int("type_id");
  query.practitioner_id = read.OptionalId("practitioner_id");
  query.plan_id = read.OptionalId("plan_id");
  query.min_interval_days = static_cast<int>(read.Int("min_interval_days"));
  query.horizon_days = static_cast<int>(read.Int("horizon_days", query.horizon_days));
  if (query.plan_id && !read.At("min_interval_days").is_null()) {
    read.Fail("min_interval_days", "not with plan_id: the plan gives it");
  }
  if (!query.plan_id && read.At("min_interval_days").is_null()) {
    read.Fail("min_interval_days", "required without plan_id");
  }
  size_t index = 0;
  for (const json& item : read.At("earliest")) {
    const std::string path = "earliest[" + std::to_string(index++) + "]";
    const auto date = item.is_string() ? Date::Parse(item.get<std::string>()) : std::nullopt;
    if (!date) read.Fail(path, "expected a date YYYY-MM-DD");
    query.earliest.push_back(date.value_or(Date()));
  }
  CORIUM_RETURN_IF_ERROR(read.status());
  return query;
}

Result<app::BookingRequest> BookingFromJson(const json& body) {
  BodyReader read(body);
  app::BookingRequest request;
  request.client_id = read.Int("client_id");
  request.plan_id = read.OptionalId("plan_id");
  request.type_id = read.Int("type_id");
  request.practitioner_id = read.Int("practitioner_id");
  request.room_id = read.OptionalId("room_id");
  request.device_id = read.OptionalId("device_id");
  request.starts_at = read.Int("starts_at");
  CORIUM_RETURN_IF_ERROR(read.status());
  return request;
}

Result<app::MoveRequest> MoveFromJson(const json& body) {
  BodyReader read(body);
  app::MoveRequest request;
  request.starts_at = read.Int("starts_at");
  request.practitioner_id = read.OptionalId("practitioner_id");
  request.room_id = read.OptionalId("room_id");
  request.device_id = read.OptionalId("device_id");
  CORIUM_RETURN_IF_ERROR(read.status());
  return request;
}

json AppointmentToJson(const app::Appointment& a) {
  return {{"id", a.id},
          {"client_id", a.client_id},
          {"client_name", a.client_given_name + " " + a.client_family_name},
          {"plan_id", OptionalIdJson(a.plan_id)},
          {"type_id", a.type_id},
          {"practitioner_id", a.placement.practitioner_id},
          {"room_id", OptionalIdJson(a.placement.room_id)},
          {"device_id", OptionalIdJson(a.placement.device_id)},
          {"starts_at", a.time.start},
          {"ends_at", a.time.end},
          {"status", std::string(app::AppointmentStatusName(a.status))},
          {"version", a.version}};
}

}  // namespace corium::http
