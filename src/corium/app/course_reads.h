// CourseReads: a plan's course of treatment (course/schedule.h) and a client's home-rolling plan
// (course/home_care.h), computed from the records on every read: the plan, the sessions charted,
// the procedures of the latest intake and the latest screening's deferral. Read-only and audited
// like the chart reads; another clinic's ids answer "not found" exactly like unknown ids.
// Not thread-safe: one instance per connection, like the repository beneath it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/chart_reads.h"
#include "corium/app/clock.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/course/bookings.h"
#include "corium/course/course.h"
#include "corium/course/home_care.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

// A charted session as the course engine needs it: when, for which plan, how deep per zone.
struct CourseSessionRecord {
  Id id = 0;
  Id plan_id = 0;
  Date performed_on;
  std::vector<course::ZoneDepth> zones;
};

// The records the course is computed from; every call is scoped by clinic.
class CourseRecordRepository {
 public:
  virtual ~CourseRecordRepository() = default;
  virtual Result<bool> HasClient(Id clinic_id, Id client_id) = 0;
  // kNotFound ("plan not found").
  virtual Result<PlanView> Plan(Id clinic_id, Id plan_id) = 0;
  // The client's plans with status "active", oldest first.
  virtual Result<std::vector<PlanView>> ActivePlans(Id clinic_id, Id client_id) = 0;
  // Every session of the client, oldest first.
  virtual Result<std::vector<CourseSessionRecord>> ClientSessions(Id clinic_id, Id client_id) = 0;
  // The latest intake's JSON (contracts.md §1.1), if any.
  virtual Result<std::optional<std::string>> LatestIntake(Id clinic_id, Id client_id) = 0;
  // The earliest date the client's latest screening deferred to, if it did.
  virtual Result<std::optional<Date>> LatestScreeningEarliest(Id clinic_id, Id client_id) = 0;
  // The plan's recorded outcome ("no_response"), if any.
  virtual Result<std::optional<std::string>> PlanOutcome(Id clinic_id, Id plan_id) = 0;
  // Sets status and outcome if the plan is still at `version`; answers the rows changed (0: stale).
  virtual Result<std::int64_t> SetPlanStatus(Id clinic_id, Id plan_id, std::int64_t version,
                                             const std::string& status,
                                             const std::optional<std::string>& outcome) = 0;
};

// The course engine's request for a plan (no moves) from the records: its zones, sessions and
// interval, the client's sessions, the latest intake's procedures and screening's deferral.
Result<course::CourseRequest> CourseRequestOf(CourseRecordRepository& records, Id clinic_id,
                                              const PlanView& plan, Date as_of);

// A plan's booked sessions as the course engine takes them: each booked appointment of a session
// type for the plan from today on, with its local date and its start.
struct PlanBookings {
  std::vector<course::BookedDate> dates;
  std::map<Id, std::int64_t> starts_at;  // by appointment id
};

// The calendar's side of the course (app/calendar.h implements it). Runs inside the caller's
// transaction; `except` leaves one appointment out (the one being moved).
class SessionBookings {
 public:
  virtual ~SessionBookings() = default;
  virtual Result<PlanBookings> BookedSessions(Id clinic_id, Id plan_id,
                                              std::optional<Id> except) = 0;
};

// A booked session as the course read shows it: the session it stands for, or why it needs a
// new date (a later screening deferred past it, say); it is never moved silently.
struct BookedSessionView {
  course::BookingFit fit;
  std::int64_t starts_at = 0;
};

struct PlanCourseView {
  PlanView plan;
  std::optional<std::string> outcome;  // "no_response" (FU-03), or none
  Date as_of;
  std::vector<Id> done_session_ids;  // in the order of course.done
  course::Course course;             // booked sessions that fit are its moved sessions
  std::vector<BookedSessionView> booked;
};

struct HomeCareView {
  Id client_id = 0;
  Date from;
  course::HomeCarePlan plan;
};

class CourseReads {
 public:
  CourseReads(UnitOfWork& work, CourseRecordRepository& records, AuditLog& audit,
              const Clock& clock)
      : work_(work), records_(records), audit_(audit), clock_(clock) {}

  // With the calendar's bookings, the course read fits the plan's booked sessions into the course.
  void UseBookings(SessionBookings* bookings) { bookings_ = bookings; }

  // The plan's course from today in the clinic's time zone.
  Result<PlanCourseView> Course(const Actor& actor, const kb::KnowledgeBase& kb, Id plan_id);
  // The home-rolling calendar for `weeks` weeks from today around the client's sessions, done
  // and still to come in the client's active plans.
  Result<HomeCareView> HomeCare(const Actor& actor, const kb::KnowledgeBase& kb, Id client_id,
                                int weeks, int uses_so_far);

 private:
  UnitOfWork& work_;
  CourseRecordRepository& records_;
  AuditLog& audit_;
  const Clock& clock_;
  SessionBookings* bookings_ = nullptr;
};

}  // namespace corium::app
