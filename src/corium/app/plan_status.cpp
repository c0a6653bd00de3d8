#include "corium/app/plan_status.h"

#include <array>
#include <optional>
#include <string_view>

#include "corium/course/schedule.h"

namespace corium::app {
namespace {

constexpr std::string_view kNoResponse = "no_response";
constexpr std::array<std::string_view, 3> kStatuses = {"active", "completed", "cancelled"};

bool IsStatus(std::string_view status) {
  for (const std::string_view s : kStatuses) {
    if (s == status) return true;
  }
  return false;
}

}  // namespace

Result<std::int64_t> PlanStatusChanges::SetStatus(const Actor& actor, const kb::KnowledgeBase& kb,
                                                  Id plan_id, std::int64_t version,
                                                  const std::string& status) {
  const bool no_response = status == kNoResponse;
  if (!no_response && !IsStatus(status)) {
    return Status::InvalidFields(
        {{"status", "expected active, completed, cancelled or no_response"}});
  }
  const Date today = clock_.Today();
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const PlanView plan, records_.Plan(actor.clinic_id, plan_id));
    if (no_response) {
      course::CourseRequest request;
      request.plan = {plan.indication, {}, plan.sessions, plan.interval_days};
      for (const PlanZoneRecord& z : plan.zones) {
        request.plan.zones.push_back({z.zone, z.planned_max});
      }
      request.as_of = today;
      CORIUM_ASSIGN_OR_RETURN(const auto sessions,
                              records_.ClientSessions(actor.clinic_id, plan.client_id));
      for (const CourseSessionRecord& s : sessions) {
        request.history.sessions.push_back({s.performed_on, s.zones, s.plan_id == plan_id});
      }
      CORIUM_ASSIGN_OR_RETURN(const course::Course course, course::PlanCourse(kb, request));
      CORIUM_RETURN_IF_ERROR(course::CheckNoResponse(kb, course, today));
    }
    const std::optional<std::string> outcome =
        no_response ? std::optional<std::string>(kNoResponse) : std::nullopt;
    CORIUM_ASSIGN_OR_RETURN(const std::int64_t changed,
                            records_.SetPlanStatus(actor.clinic_id, plan_id, version,
                                                   no_response ? "completed" : status, outcome));
    if (changed != 1) return Status::Conflict("plan changed since it was read (stale version)");
    return audit_.Append(EntryFor(actor, clock_.NowSeconds(), "update", "plan", plan_id,
                                  plan.client_id, "status " + status));
  });
  if (!done.ok()) return done;
  return version + 1;
}

}  // namespace corium::app
