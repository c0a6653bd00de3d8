#include "corium/app/course_reads.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "corium/course/bookings.h"
#include "corium/course/schedule.h"

namespace corium::app {
namespace {

// The string at `key` of a JSON object, or null. (Through get_ptr: g++ 12 at -O2 sees a null
// dereference in nlohmann's value() that cannot happen.)
const std::string* StringField(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found == object.end() ? nullptr : found->get_ptr<const std::string*>();
}

// The other procedures of an intake (contracts.md §1.1 `procedures`), done or booked. The intake
// was validated when it was recorded; an entry without a readable date is skipped.
std::vector<course::OtherProcedure> ProceduresOf(const std::string& intake_json) {
  std::vector<course::OtherProcedure> out;
  const auto intake = nlohmann::json::parse(intake_json, nullptr, /*allow_exceptions=*/false);
  if (!intake.is_object() || !intake.contains("procedures")) return out;
  for (const auto& p : intake["procedures"]) {
    if (!p.is_object()) continue;
    const std::string* code = StringField(p, "code");
    const std::string* when = StringField(p, "date");
    if (code == nullptr || when == nullptr) continue;
    const auto date = Date::Parse(*when);
    if (!date) continue;
    course::OtherProcedure procedure{Code(*code), {}, *date, std::nullopt};
    if (p.contains("zones") && p["zones"].is_array()) {
      for (const auto& z : p["zones"]) {
        if (z.is_string()) procedure.zones.emplace_back(z.get<std::string>());
      }
    }
    if (p.contains("depth_mm") && p["depth_mm"].is_number()) {
      procedure.depth = Depth::FromMillimetres(p["depth_mm"].get<double>());
    }
    out.push_back(std::move(procedure));
  }
  return out;
}

course::CoursePlan CoursePlanOf(const PlanView& plan) {
  course::CoursePlan out{plan.indication, {}, plan.sessions, plan.interval_days};
  for (const PlanZoneRecord& z : plan.zones) out.zones.push_back({z.zone, z.planned_max});
  return out;
}

Result<course::ClientHistory> HistoryOf(CourseRecordRepository& records, Id clinic_id, Id client_id,
                                        Id plan_id) {
  course::ClientHistory history;
  CORIUM_ASSIGN_OR_RETURN(const auto sessions, records.ClientSessions(clinic_id, client_id));
  for (const CourseSessionRecord& s : sessions) {
    history.sessions.push_back({s.performed_on, s.zones, s.plan_id == plan_id});
  }
  CORIUM_ASSIGN_OR_RETURN(const auto intake, records.LatestIntake(clinic_id, client_id));
  if (intake) history.procedures = ProceduresOf(*intake);
  CORIUM_ASSIGN_OR_RETURN(history.screening_earliest,
                          records.LatestScreeningEarliest(clinic_id, client_id));
  return history;
}

}  // namespace

Result<course::CourseRequest> CourseRequestOf(CourseRecordRepository& records, Id clinic_id,
                                              const PlanView& plan, Date as_of) {
  course::CourseRequest request;
  request.plan = CoursePlanOf(plan);
  request.as_of = as_of;
  CORIUM_ASSIGN_OR_RETURN(request.history, HistoryOf(records, clinic_id, plan.client_id, plan.id));
  return request;
}

Result<PlanCourseView> CourseReads::Course(const Actor& actor, const kb::KnowledgeBase& kb,
                                           Id plan_id) {
  PlanCourseView view;
  view.as_of = clock_.Today();
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(view.plan, records_.Plan(actor.clinic_id, plan_id));
    CORIUM_ASSIGN_OR_RETURN(view.outcome, records_.PlanOutcome(actor.clinic_id, plan_id));
    CORIUM_ASSIGN_OR_RETURN(const auto sessions,
                            records_.ClientSessions(actor.clinic_id, view.plan.client_id));
    for (const CourseSessionRecord& s : sessions) {
      if (s.plan_id == plan_id) view.done_session_ids.push_back(s.id);
    }
    CORIUM_ASSIGN_OR_RETURN(const auto request,
                            CourseRequestOf(records_, actor.clinic_id, view.plan, view.as_of));
    if (bookings_ != nullptr) {
      CORIUM_ASSIGN_OR_RETURN(const auto booked,
                              bookings_->BookedSessions(actor.clinic_id, plan_id, std::nullopt));
      CORIUM_ASSIGN_OR_RETURN(auto fitted, course::FitBookings(kb, request, booked.dates));
      view.course = std::move(fitted.course);
      for (course::BookingFit& fit : fitted.fits) {
        const std::int64_t starts_at = booked.starts_at.at(fit.id);
        view.booked.push_back({std::move(fit), starts_at});
      }
    } else {
      CORIUM_ASSIGN_OR_RETURN(view.course, course::PlanCourse(kb, request));
    }
    return audit_.Append(EntryFor(actor, clock_.NowSeconds(), "read", "plan", view.plan.id,
                                  view.plan.client_id, "course"));
  });
  if (!done.ok()) return done;
  return view;
}

Result<HomeCareView> CourseReads::HomeCare(const Actor& actor, const kb::KnowledgeBase& kb,
                                           Id client_id, int weeks, int uses_so_far) {
  HomeCareView view;
  view.client_id = client_id;
  view.from = clock_.Today();
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const bool found, records_.HasClient(actor.clinic_id, client_id));
    if (!found) return Status::NotFound("client not found");
    course::HomeCareRequest request{{}, view.from, weeks, uses_so_far};
    CORIUM_ASSIGN_OR_RETURN(const auto sessions,
                            records_.ClientSessions(actor.clinic_id, client_id));
    for (const CourseSessionRecord& s : sessions) request.clinic_sessions.push_back(s.performed_on);
    CORIUM_ASSIGN_OR_RETURN(const auto plans, records_.ActivePlans(actor.clinic_id, client_id));
    for (const PlanView& plan : plans) {
      CORIUM_ASSIGN_OR_RETURN(const auto course_request,
                              CourseRequestOf(records_, actor.clinic_id, plan, view.from));
      CORIUM_ASSIGN_OR_RETURN(const auto planned, course::PlanCourse(kb, course_request));
      for (const auto& s : planned.sessions) request.clinic_sessions.push_back(s.date);
    }
    CORIUM_ASSIGN_OR_RETURN(view.plan, course::PlanHomeCare(kb, request));
    return audit_.Append(
        EntryFor(actor, clock_.NowSeconds(), "read", "client", client_id, client_id, "home care"));
  });
  if (!done.ok()) return done;
  return view;
}

}  // namespace corium::app
