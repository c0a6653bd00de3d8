// SqlCalendarRepository: the app's CalendarRepository over a SqlConnection, in portable SQL that
// runs unchanged on SQLite and PostgreSQL. Single-threaded, like the connection it wraps.
#pragma once

#include "corium/app/calendar.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlCalendarRepository final : public app::CalendarRepository {
 public:
  explicit SqlCalendarRepository(SqlConnection& db) : db_(db) {}

  Result<std::string> ClinicTimeZone(app::Id clinic_id) override;
  Result<app::Id> InsertRoom(app::Id clinic_id, const std::string& name, app::Instant now) override;
  Result<std::vector<app::Room>> ListRooms(app::Id clinic_id) override;
  Result<bool> HasRow(app::Id clinic_id, std::string_view table, app::Id id) override;
  Status ReplaceWorkingHours(app::Id clinic_id, app::Id staff_id,
                             const std::vector<calendar::WeeklyHours>& hours) override;
  Result<std::map<app::Id, std::vector<calendar::WeeklyHours>>> WorkingHours(
      app::Id clinic_id) override;
  Result<app::Id> InsertAppointmentType(app::Id clinic_id, const app::AppointmentTypeSpec& spec,
                                        app::Instant now) override;
  Result<std::optional<app::AppointmentType>> FindAppointmentType(app::Id clinic_id,
                                                                  app::Id type_id) override;
  Result<std::vector<app::AppointmentType>> ListAppointmentTypes(app::Id clinic_id) override;
  Result<std::vector<app::Id>> ActiveDevices(app::Id clinic_id, const Code& kind) override;
  Result<std::vector<app::Appointment>> BookedBetween(app::Id clinic_id, calendar::Interval window,
                                                      std::optional<app::Id> except) override;
  Result<app::Id> InsertAppointment(app::Id clinic_id, const app::Appointment& appointment,
                                    app::Id actor_id, app::Instant now) override;
  Status Occupy(app::Id clinic_id, const app::Appointment& appointment) override;
  Status Vacate(app::Id appointment_id) override;
  Result<std::optional<app::Appointment>> FindAppointment(app::Id clinic_id,
                                                          app::Id appointment_id) override;
  Result<std::int64_t> UpdateAppointment(app::Id clinic_id, const app::Appointment& appointment,
                                         std::int64_t version, app::Instant now) override;
  Result<std::vector<app::Appointment>> ListAppointments(
      app::Id clinic_id, const app::AppointmentFilter& filter) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
