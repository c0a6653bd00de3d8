#include "corium/store/records/sql_calendar.h"

#include <string>
#include <utility>

#include "corium/calendar/slot_search.h"
#include "corium/store/records/sql_inventory.h"

namespace corium::store {
namespace {

constexpr const char* kAppointmentColumns =
    "a.id, a.client_id, a.plan_id, a.type_id, a.practitioner_id, a.room_id, a.device_id,"
    " a.starts_at, a.ends_at, a.status, a.version, c.given_name, c.family_name"
    " FROM appointments a JOIN clients c ON c.id = a.client_id";

SqlValue Optional(const std::optional<app::Id>& id) {
  return id ? SqlValue(*id) : SqlValue(std::monostate{});
}

std::optional<app::Id> OptionalId(const SqlRow& row, size_t column) {
  return row.IsNull(column) ? std::nullopt : std::optional<app::Id>(row.Int(column));
}

app::Appointment AppointmentFrom(const SqlRow& row) {
  app::Appointment a;
  a.id = row.Int(0);
  a.client_id = row.Int(1);
  a.plan_id = OptionalId(row, 2);
  a.type_id = row.Int(3);
  a.placement = {row.Int(4), OptionalId(row, 5), OptionalId(row, 6)};
  a.time = {row.Int(7), row.Int(8)};
  a.status = row.Text(9) == "booked" ? app::AppointmentStatus::kBooked
                                     : app::AppointmentStatus::kCancelled;
  a.version = row.Int(10);
  a.client_given_name = row.Text(11);
  a.client_family_name = row.Text(12);
  return a;
}

app::AppointmentType TypeFrom(const SqlRow& row) {
  app::AppointmentType type;
  type.id = row.Int(0);
  type.spec.name = row.Text(1);
  type.spec.purpose =
      app::ParseAppointmentPurpose(row.Text(2)).value_or(app::AppointmentPurpose::kSession);
  type.spec.duration_minutes = static_cast<int>(row.Int(3));
  type.spec.needs_room = row.Int(4) != 0;
  if (!row.IsNull(5)) type.spec.device_kind = Code(row.Text(5));
  type.active = row.Int(6) != 0;
  type.version = row.Int(7);
  return type;
}

}  // namespace

Result<std::string> SqlCalendarRepository::ClinicTimeZone(app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db_.Query("SELECT time_zone FROM clinics WHERE id = $1", {clinic_id}));
  if (rows.empty()) return Status::NotFound("clinic not found");
  return rows.front().Text(0);
}

Result<app::Id> SqlCalendarRepository::InsertRoom(app::Id clinic_id, const std::string& name,
                                                  app::Instant now) {
  return db_.InsertReturningId(
      "INSERT INTO rooms (clinic_id, name, created_at) VALUES ($1, $2, $3)",
      {clinic_id, name, now});
}

Result<std::vector<app::Room>> SqlCalendarRepository::ListRooms(app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "SELECT id, name, active, version FROM rooms WHERE clinic_id = $1 ORDER BY name, id",
          {clinic_id}));
  std::vector<app::Room> rooms;
  rooms.reserve(rows.size());
  for (const SqlRow& row : rows) {
    rooms.push_back({row.Int(0), row.Text(1), row.Int(2) != 0, row.Int(3)});
  }
  return rooms;
}

Result<bool> SqlCalendarRepository::HasRow(app::Id clinic_id, std::string_view table, app::Id id) {
  return ClinicHasRow(db_, table, clinic_id, id);
}

Status SqlCalendarRepository::ReplaceWorkingHours(app::Id clinic_id, app::Id staff_id,
                                                  const std::vector<calendar::WeeklyHours>& hours) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto removed,
      db_.Execute("DELETE FROM working_hours WHERE clinic_id = $1 AND staff_id = $2",
                  {clinic_id, staff_id}));
  (void)removed;
  for (const calendar::WeeklyHours& span : hours) {
    CORIUM_ASSIGN_OR_RETURN(
        const auto added,
        db_.Execute("INSERT INTO working_hours (clinic_id, staff_id, weekday, start_minute,"
                    " end_minute) VALUES ($1, $2, $3, $4, $5)",
                    {clinic_id, staff_id, std::int64_t{span.weekday},
                     std::int64_t{span.start_minute}, std::int64_t{span.end_minute}}));
    (void)added;
  }
  return Status::Ok();
}

Result<std::map<app::Id, std::vector<calendar::WeeklyHours>>> SqlCalendarRepository::WorkingHours(
    app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT h.staff_id, h.weekday, h.start_minute, h.end_minute FROM working_hours h"
                " JOIN staff s ON s.id = h.staff_id WHERE h.clinic_id = $1 AND s.active = 1"
                " ORDER BY h.staff_id, h.weekday, h.start_minute",
                {clinic_id}));
  std::map<app::Id, std::vector<calendar::WeeklyHours>> hours;
  for (const SqlRow& row : rows) {
    hours[row.Int(0)].push_back(
        {static_cast<int>(row.Int(1)), static_cast<int>(row.Int(2)), static_cast<int>(row.Int(3))});
  }
  return hours;
}

Result<app::Id> SqlCalendarRepository::InsertAppointmentType(app::Id clinic_id,
                                                             const app::AppointmentTypeSpec& spec,
                                                             app::Instant now) {
  const SqlValue device_kind =
      spec.device_kind ? SqlValue(spec.device_kind->str()) : SqlValue(std::monostate{});
  return db_.InsertReturningId(
      "INSERT INTO appointment_types (clinic_id, name, purpose, duration_minutes, needs_room,"
      " device_kind, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {clinic_id, spec.name, std::string(app::AppointmentPurposeName(spec.purpose)),
       std::int64_t{spec.duration_minutes}, std::int64_t{spec.needs_room ? 1 : 0}, device_kind,
       now});
}

Result<std::optional<app::AppointmentType>> SqlCalendarRepository::FindAppointmentType(
    app::Id clinic_id, app::Id type_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT id, name, purpose, duration_minutes, needs_room, device_kind, active,"
                " version FROM appointment_types WHERE id = $1 AND clinic_id = $2",
                {type_id, clinic_id}));
  if (rows.empty()) return std::optional<app::AppointmentType>();
  return std::optional<app::AppointmentType>(TypeFrom(rows.front()));
}

Result<std::vector<app::AppointmentType>> SqlCalendarRepository::ListAppointmentTypes(
    app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT id, name, purpose, duration_minutes, needs_room, device_kind, active,"
                " version FROM appointment_types WHERE clinic_id = $1 ORDER BY name, id",
                {clinic_id}));
  std::vector<app::AppointmentType> types;
  types.reserve(rows.size());
  for (const SqlRow& row : rows) types.push_back(TypeFrom(row));
  return types;
}

Result<std::vector<app::Id>> SqlCalendarRepository::ActiveDevices(app::Id clinic_id,
                                                                  const Code& kind) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT id FROM devices WHERE clinic_id = $1 AND kind = $2 AND active = 1"
                " ORDER BY id",
                {clinic_id, kind.str()}));
  std::vector<app::Id> ids;
  ids.reserve(rows.size());
  for (const SqlRow& row : rows) ids.push_back(row.Int(0));
  return ids;
}

Result<std::vector<app::Appointment>> SqlCalendarRepository::BookedBetween(
    app::Id clinic_id, calendar::Interval window, std::optional<app::Id> except) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string("SELECT ") + kAppointmentColumns +
                    " WHERE a.clinic_id = $1 AND a.status = 'booked' AND a.starts_at < $2"
                    " AND a.ends_at > $3 AND a.id <> $4 ORDER BY a.starts_at, a.id",
                {clinic_id, window.end, window.start, except.value_or(0)}));
  std::vector<app::Appointment> booked;
  booked.reserve(rows.size());
  for (const SqlRow& row : rows) booked.push_back(AppointmentFrom(row));
  return booked;
}

Result<app::Id> SqlCalendarRepository::InsertAppointment(app::Id clinic_id,
                                                         const app::Appointment& appointment,
                                                         app::Id actor_id, app::Instant now) {
  return db_.InsertReturningId(
      "INSERT INTO appointments (clinic_id, client_id, plan_id, type_id, practitioner_id,"
      " room_id, device_id, starts_at, ends_at, created_by, created_at, updated_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
      {clinic_id, appointment.client_id, Optional(appointment.plan_id), appointment.type_id,
       appointment.placement.practitioner_id, Optional(appointment.placement.room_id),
       Optional(appointment.placement.device_id), appointment.time.start, appointment.time.end,
       actor_id > 0 ? SqlValue(actor_id) : SqlValue(std::monostate{}), now});
}

// One statement per resource, one row per 15-minute slot: any overlap with another booking of
// the same resource violates the primary key, and the whole transaction rolls back.
Status SqlCalendarRepository::Occupy(app::Id clinic_id, const app::Appointment& appointment) {
  const std::pair<const char*, std::optional<app::Id>> resources[] = {
      {"practitioner", appointment.placement.practitioner_id},
      {"room", appointment.placement.room_id},
      {"device", appointment.placement.device_id}};
  for (const auto& [kind, id] : resources) {
    if (!id) continue;
    std::string sql =
        "INSERT INTO resource_occupancy (resource_kind, resource_id, slot_start, clinic_id,"
        " appointment_id) VALUES ";
    std::vector<SqlValue> params{std::string(kind), *id, clinic_id, appointment.id};
    int n = 0;
    for (calendar::Instant slot = appointment.time.start; slot < appointment.time.end;
         slot += calendar::kSlotSeconds) {
      params.emplace_back(slot);
      sql += std::string(n++ == 0 ? "" : ", ") + "($1, $2, $" + std::to_string(params.size()) +
             ", $3, $4)";
    }
    CORIUM_ASSIGN_OR_RETURN(const auto inserted, db_.Execute(sql, params));
    (void)inserted;
  }
  return Status::Ok();
}

Status SqlCalendarRepository::Vacate(app::Id appointment_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto removed,
      db_.Execute("DELETE FROM resource_occupancy WHERE appointment_id = $1", {appointment_id}));
  (void)removed;
  return Status::Ok();
}

Result<std::optional<app::Appointment>> SqlCalendarRepository::FindAppointment(
    app::Id clinic_id, app::Id appointment_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query(std::string("SELECT ") + kAppointmentColumns +
                                                         " WHERE a.id = $1 AND a.clinic_id = $2",
                                                     {appointment_id, clinic_id}));
  if (rows.empty()) return std::optional<app::Appointment>();
  return std::optional<app::Appointment>(AppointmentFrom(rows.front()));
}

Result<std::int64_t> SqlCalendarRepository::UpdateAppointment(app::Id clinic_id,
                                                              const app::Appointment& appointment,
                                                              std::int64_t version,
                                                              app::Instant now) {
  return db_.Execute(
      "UPDATE appointments SET practitioner_id = $1, room_id = $2, device_id = $3,"
      " starts_at = $4, ends_at = $5, status = $6, version = version + 1, updated_at = $7"
      " WHERE id = $8 AND clinic_id = $9 AND version = $10",
      {appointment.placement.practitioner_id, Optional(appointment.placement.room_id),
       Optional(appointment.placement.device_id), appointment.time.start, appointment.time.end,
       std::string(app::AppointmentStatusName(appointment.status)), now, appointment.id, clinic_id,
       version});
}

Result<std::vector<app::Appointment>> SqlCalendarRepository::ListAppointments(
    app::Id clinic_id, const app::AppointmentFilter& filter) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string("SELECT ") + kAppointmentColumns +
                    " WHERE a.clinic_id = $1 AND a.starts_at < $2 AND a.ends_at > $3"
                    " AND ($4 = 0 OR a.practitioner_id = $4) AND ($5 = 0 OR a.client_id = $5)"
                    " ORDER BY a.starts_at, a.id",
                {clinic_id, filter.to, filter.from, filter.practitioner_id.value_or(0),
                 filter.client_id.value_or(0)}));
  std::vector<app::Appointment> appointments;
  appointments.reserve(rows.size());
  for (const SqlRow& row : rows) appointments.push_back(AppointmentFrom(row));
  return appointments;
}

}  // namespace corium::store
