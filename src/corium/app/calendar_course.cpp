// The calendar and the course engine joined: which sessions of a plan are booked, and whether a
// booking or a move keeps every session where the course allows it (issue 6).
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "corium/app/calendar.h"
#include "corium/course/bookings.h"

namespace corium::app {
namespace {

// How long ahead the booked sessions of a plan are looked for: the longest course (24 sessions a
// year apart would not fit, but no plan's interval is that long in practice) is within this.
constexpr std::int64_t kCourseHorizon = 800 * calendar::kDay;

std::set<std::int64_t> Unfit(const course::BookedCourse& fitted) {
  std::set<std::int64_t> ids;
  for (const course::BookingFit& fit : fitted.fits) {
    if (fit.needs_new_date) ids.insert(fit.id);
  }
  return ids;
}

}  // namespace

Result<PlanBookings> Calendar::BookedSessions(Id clinic_id, Id plan_id, std::optional<Id> except) {
  CORIUM_ASSIGN_OR_RETURN(const std::string zone_name, repository_.ClinicTimeZone(clinic_id));
  CORIUM_ASSIGN_OR_RETURN(const auto zone, zones_(zone_name));
  const Instant from = zone->ToInstant(clock_.Today(), 0);
  AppointmentFilter filter;
  filter.from = from;
  filter.to = from + kCourseHorizon;
  CORIUM_ASSIGN_OR_RETURN(const auto appointments, repository_.ListAppointments(clinic_id, filter));
  std::map<Id, bool> is_session;  // by type id
  PlanBookings out;
  for (const Appointment& a : appointments) {
    if (a.status != AppointmentStatus::kBooked || a.plan_id != plan_id || a.id == except) continue;
    auto known = is_session.find(a.type_id);
    if (known == is_session.end()) {
      CORIUM_ASSIGN_OR_RETURN(const auto type,
                              repository_.FindAppointmentType(clinic_id, a.type_id));
      const bool session = type && type->spec.purpose == AppointmentPurpose::kSession;
      known = is_session.emplace(a.type_id, session).first;
    }
    if (!known->second) continue;
    out.dates.push_back({a.id, zone->DateOf(a.time.start)});
    out.starts_at[a.id] = a.time.start;
  }
  return out;
}

Result<std::vector<Date>> Calendar::UnbookedEarliest(const Actor& actor, Id plan_id,
                                                     int& interval_days) {
  if (course_records_ == nullptr) {
    return Status::InvalidFields({{"plan_id", "the course is not available here"}});
  }
  CORIUM_ASSIGN_OR_RETURN(const PlanView plan, course_records_->Plan(actor.clinic_id, plan_id));
  if (plan.status != "active") {
    return Status::InvalidFields({{"plan_id", "the plan is " + plan.status + ", not active"}});
  }
  CORIUM_ASSIGN_OR_RETURN(const auto request,
                          CourseRequestOf(*course_records_, actor.clinic_id, plan, clock_.Today()));
  CORIUM_ASSIGN_OR_RETURN(const PlanBookings booked,
                          BookedSessions(actor.clinic_id, plan_id, std::nullopt));
  CORIUM_ASSIGN_OR_RETURN(const auto fitted, course::FitBookings(kb_, request, booked.dates));
  std::vector<Date> earliest;
  for (const course::ScheduledSession& s : fitted.course.sessions) {
    if (!s.moved) earliest.push_back(s.earliest);
  }
  interval_days = plan.interval_days;
  return earliest;
}

Status Calendar::CheckCourse(const Actor& actor, const AppointmentType& type,
                             const Appointment& appointment) {
  if (course_records_ == nullptr || !appointment.plan_id ||
      type.spec.purpose != AppointmentPurpose::kSession) {
    return Status::Ok();
  }
  const Id plan_id = *appointment.plan_id;
  CORIUM_ASSIGN_OR_RETURN(const PlanView plan, course_records_->Plan(actor.clinic_id, plan_id));
  if (plan.client_id != appointment.client_id) {
    return Status::InvalidFields({{"plan_id", "is a plan of another client"}});
  }
  if (plan.status != "active") {
    return Status::InvalidFields({{"plan_id", "the plan is " + plan.status + ", not active"}});
  }
  CORIUM_ASSIGN_OR_RETURN(const auto request,
                          CourseRequestOf(*course_records_, actor.clinic_id, plan, clock_.Today()));
  const std::optional<Id> self =
      appointment.id != 0 ? std::optional<Id>(appointment.id) : std::nullopt;
  CORIUM_ASSIGN_OR_RETURN(PlanBookings others, BookedSessions(actor.clinic_id, plan_id, self));
  CORIUM_ASSIGN_OR_RETURN(const auto before, course::FitBookings(kb_, request, others.dates));
  CORIUM_ASSIGN_OR_RETURN(const std::string zone_name, repository_.ClinicTimeZone(actor.clinic_id));
  CORIUM_ASSIGN_OR_RETURN(const auto zone, zones_(zone_name));
  const Date day = zone->DateOf(appointment.time.start);
  others.dates.push_back({appointment.id, day});
  CORIUM_ASSIGN_OR_RETURN(const auto after, course::FitBookings(kb_, request, others.dates));
  const std::set<std::int64_t> unfit_before = Unfit(before);
  for (const course::BookingFit& fit : after.fits) {
    if (!fit.needs_new_date) continue;
    if (fit.id == appointment.id) {
      return Status::InvalidFields({{"starts_at", fit.problem}});
    }
    if (unfit_before.count(fit.id) == 0) {
      return Status::InvalidFields(
          {{"starts_at", "a session on " + day.ToString() + " would put the session booked on " +
                             fit.date.ToString() + " (appointment " + std::to_string(fit.id) +
                             ") out of the course: " + fit.problem}});
    }
  }
  return Status::Ok();
}

}  // namespace corium::app
