// Calendar: the clinic's rooms, practitioners' working hours, appointment types, slot search and
// appointments (book, move, cancel). Times are instants (seconds since the epoch, UTC); working
// hours are local to the clinic's zone and become instants through a ClinicZone, so booking is
// safe across daylight-saving changes. Double booking is refused by the database itself (one
// occupancy row per resource and 15-minute slot), so two processes racing for one slot cannot
// both win. One instance serves one thread, like the connection beneath it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/course_reads.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/calendar/clinic_zone.h"
#include "corium/calendar/interval.h"
#include "corium/calendar/working_hours.h"
#include "corium/domain/code.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

using calendar::Instant;

struct Room {
  Id id = 0;
  std::string name;
  bool active = true;
  std::int64_t version = 1;
};

enum class AppointmentPurpose { kConsultation, kSession, kReview };
std::string_view AppointmentPurposeName(AppointmentPurpose purpose);
std::optional<AppointmentPurpose> ParseAppointmentPurpose(std::string_view text);

struct AppointmentTypeSpec {
  std::string name;
  AppointmentPurpose purpose = AppointmentPurpose::kSession;
  int duration_minutes = 0;  // a positive multiple of 15
  bool needs_room = true;
  std::optional<Code> device_kind;  // vocabulary device_kinds (pen…), when a device is needed
};

struct AppointmentType {
  Id id = 0;
  AppointmentTypeSpec spec;
  bool active = true;
  std::int64_t version = 1;
};

enum class AppointmentStatus { kBooked, kCancelled };
std::string_view AppointmentStatusName(AppointmentStatus status);

// Where and with whom: the resources an appointment holds.
struct Placement {
  Id practitioner_id = 0;
  std::optional<Id> room_id;
  std::optional<Id> device_id;
};

struct Appointment {
  Id id = 0;
  Id client_id = 0;
  std::optional<Id> plan_id;
  Id type_id = 0;
  Placement placement;
  calendar::Interval time;
  AppointmentStatus status = AppointmentStatus::kBooked;
  std::int64_t version = 1;
  std::string client_given_name;  // as read back, for the diary
  std::string client_family_name;
};

struct BookingRequest {
  Id client_id = 0;
  std::optional<Id> plan_id;
  Id type_id = 0;
  Id practitioner_id = 0;
  std::optional<Id> room_id;    // any free room when not given (and the type needs one)
  std::optional<Id> device_id;  // any free device of the type's kind when not given
  Instant starts_at = 0;
};

struct MoveRequest {
  Instant starts_at = 0;
  std::optional<Id> practitioner_id;  // the same practitioner when not given
  std::optional<Id> room_id;          // any free room when not given
  std::optional<Id> device_id;        // any free device when not given
};

struct SlotQuery {
  Id type_id = 0;
  std::optional<Id> practitioner_id;  // any practitioner with working hours when not given
  Instant from = 0;                   // not before now in any case
  int count = 5;                      // 1–50
  int horizon_days = 90;              // 1–400
};

// A course: one earliest date per session (from wash-outs and the plan, by the course engine),
// and the minimum interval between sessions (the plan's, DF-11).
// With plan_id (and the course's records, Calendar::UseCourse), the earliest dates and the
// interval come from the course engine instead: the plan's sessions not yet done or booked.
struct CourseSlotQuery {
  Id type_id = 0;
  std::optional<Id> practitioner_id;
  std::optional<Id> plan_id;   // instead of earliest and min_interval_days
  std::vector<Date> earliest;  // 1–24 sessions
  int min_interval_days = 0;   // 0–365
  int horizon_days = 400;      // 1–800
};

struct ProposedSlot {
  calendar::Interval time;
  Placement placement;
};

struct AppointmentFilter {
  Instant from = 0;
  Instant to = 0;  // exclusive; at most 62 days after from
  std::optional<Id> practitioner_id;
  std::optional<Id> client_id;
};

// Storage for the calendar, owned by the app layer; every call is scoped by clinic.
class CalendarRepository {
 public:
  virtual ~CalendarRepository() = default;
  virtual Result<std::string> ClinicTimeZone(Id clinic_id) = 0;
  // kAlreadyExists when the name is taken in this clinic.
  virtual Result<Id> InsertRoom(Id clinic_id, const std::string& name, Instant now) = 0;
  virtual Result<std::vector<Room>> ListRooms(Id clinic_id) = 0;
  virtual Result<bool> HasRow(Id clinic_id, std::string_view table, Id id) = 0;
  virtual Status ReplaceWorkingHours(Id clinic_id, Id staff_id,
                                     const std::vector<calendar::WeeklyHours>& hours) = 0;
  // By staff id; only staff with at least one span.
  virtual Result<std::map<Id, std::vector<calendar::WeeklyHours>>> WorkingHours(Id clinic_id) = 0;
  virtual Result<Id> InsertAppointmentType(Id clinic_id, const AppointmentTypeSpec& spec,
                                           Instant now) = 0;
  virtual Result<std::optional<AppointmentType>> FindAppointmentType(Id clinic_id, Id type_id) = 0;
  virtual Result<std::vector<AppointmentType>> ListAppointmentTypes(Id clinic_id) = 0;
  // Active devices of a kind, by id.
  virtual Result<std::vector<Id>> ActiveDevices(Id clinic_id, const Code& kind) = 0;
  // Booked appointments overlapping `window`, apart from `except`.
  virtual Result<std::vector<Appointment>> BookedBetween(Id clinic_id, calendar::Interval window,
                                                         std::optional<Id> except) = 0;
  virtual Result<Id> InsertAppointment(Id clinic_id, const Appointment& appointment, Id actor_id,
                                       Instant now) = 0;
  // One row per resource and 15-minute slot; kAlreadyExists when any slot is taken.
  virtual Status Occupy(Id clinic_id, const Appointment& appointment) = 0;
  virtual Status Vacate(Id appointment_id) = 0;
  virtual Result<std::optional<Appointment>> FindAppointment(Id clinic_id, Id appointment_id) = 0;
  // Rows changed: 0 when `version` is stale.
  virtual Result<std::int64_t> UpdateAppointment(Id clinic_id, const Appointment& appointment,
                                                 std::int64_t version, Instant now) = 0;
  virtual Result<std::vector<Appointment>> ListAppointments(Id clinic_id,
                                                            const AppointmentFilter& filter) = 0;
};

// Opens the ClinicZone of an IANA name (tz/clinic_time_zone.h in production).
using ZoneOpener =
    std::function<Result<std::unique_ptr<calendar::ClinicZone>>(const std::string& iana_name)>;

// What a booking enqueues besides itself (reminders and check-ins, app/outbox.h); may be empty.
class BookingListener {
 public:
  virtual ~BookingListener() = default;
  // Called inside the booking's transaction, after the appointment is stored or moved.
  virtual Status Booked(const Actor& actor, const Appointment& appointment,
                        const AppointmentType& type) = 0;
  virtual Status Cancelled(const Actor& actor, const Appointment& appointment) = 0;
};

// With the course's records (UseCourse), booking or moving a session of a plan respects the
// course: the session's date must be one the course engine allows (the plan's interval, DF-11,
// every wash-out, the latest screening's deferral), or the request is refused on starts_at with
// the rule id. The calendar also tells the course read which sessions are booked.
class Calendar final : public SessionBookings {
 public:
  Calendar(UnitOfWork& work, AuditLog& audit, CalendarRepository& repository, const Clock& clock,
           const kb::KnowledgeBase& kb, ZoneOpener zones, BookingListener* listener = nullptr)
      : work_(work),
        audit_(audit),
        repository_(repository),
        clock_(clock),
        kb_(kb),
        zones_(std::move(zones)),
        listener_(listener) {}

  void UseCourse(CourseRecordRepository* records) { course_records_ = records; }
  Result<PlanBookings> BookedSessions(Id clinic_id, Id plan_id, std::optional<Id> except) override;

  Result<Id> AddRoom(const Actor& actor, const std::string& name);
  Result<std::vector<Room>> Rooms(const Actor& actor);
  // Replaces a practitioner's weekly hours (spans may not overlap; an empty list clears them).
  Status SetWorkingHours(const Actor& actor, Id staff_id,
                         const std::vector<calendar::WeeklyHours>& hours);
  Result<std::vector<calendar::WeeklyHours>> WorkingHoursOf(const Actor& actor, Id staff_id);
  Result<Id> AddAppointmentType(const Actor& actor, const AppointmentTypeSpec& spec);
  Result<std::vector<AppointmentType>> AppointmentTypes(const Actor& actor);

  Result<std::vector<ProposedSlot>> FindSlots(const Actor& actor, const SlotQuery& query);
  // The earliest placement of every session of a course; kNotFound when it does not fit in the
  // horizon (or, with a plan, when every session is already done or booked).
  Result<std::vector<ProposedSlot>> FindCourseSlots(const Actor& actor,
                                                    const CourseSlotQuery& query);

  // kConflict when the time is outside the practitioner's hours or any resource is taken.
  Result<Id> Book(const Actor& actor, const BookingRequest& request);
  Status Move(const Actor& actor, Id appointment_id, std::int64_t version,
              const MoveRequest& request);
  Status Cancel(const Actor& actor, Id appointment_id, std::int64_t version);
  Result<Appointment> Find(const Actor& actor, Id appointment_id);
  Result<std::vector<Appointment>> List(const Actor& actor, const AppointmentFilter& filter);
  // Every appointment of one client or one practitioner (the filter names exactly one, which must
  // exist in the clinic) over up to 800 days, for calendar exports.
  Result<std::vector<Appointment>> Export(const Actor& actor, const AppointmentFilter& filter);
  // The instants of `days` (1–62) local days from local midnight of `first`, in the clinic's
  // zone: a day or a week of the diary.
  Result<calendar::Interval> LocalDays(const Actor& actor, Date first, int days);

 private:
  struct Search;  // calendar_search.cpp
  Result<Search> PrepareSearch(const Actor& actor, const AppointmentType& type,
                               std::optional<Id> practitioner_id, const Placement* fixed,
                               calendar::Interval window, std::optional<Id> except);
  Result<AppointmentType> TypeOf(const Actor& actor, Id type_id);
  Result<Appointment> Place(const Actor& actor, const AppointmentType& type,
                            const Placement& wanted, Instant starts_at, std::optional<Id> except);
  Result<std::vector<Appointment>> ListWithin(const Actor& actor, const AppointmentFilter& filter,
                                              std::int64_t longest);
  // InvalidFields on starts_at when booking `appointment` (a session of its plan) would put a
  // session where the course forbids it, or push another booked session out of place.
  // The earliest dates of the plan's sessions not yet done or booked (the booked ones fitted
  // first), for the course slot search; the plan's interval into `interval_days`.
  Result<std::vector<Date>> UnbookedEarliest(const Actor& actor, Id plan_id, int& interval_days);
  Status CheckCourse(const Actor& actor, const AppointmentType& type,
                     const Appointment& appointment);
  Status Audit(const Actor& actor, std::string action, std::optional<Id> record_id,
               std::optional<Id> client_id, std::string detail, std::string record_type);

  UnitOfWork& work_;
  AuditLog& audit_;
  CalendarRepository& repository_;
  const Clock& clock_;
  const kb::KnowledgeBase& kb_;
  ZoneOpener zones_;
  BookingListener* listener_;
  CourseRecordRepository* course_records_ = nullptr;
};

}  // namespace corium::app
