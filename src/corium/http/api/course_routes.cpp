// Courses of treatment over HTTP (issue 6): a plan's course (earliest dates with the constraint
// that set each, sessions done, follow-up points, preparation reminders) and a client's
// home-rolling plan. Both are computed on each read by app/course_reads.h; nothing is stored.
#include <charconv>
#include <string>

#include "corium/app/course_reads.h"
#include "corium/http/api.h"
#include "corium/http/api/course_json.h"

namespace corium::http {
namespace {

using app::Permission;

constexpr int kDefaultHomeCareWeeks = 8;

// A whole-number query parameter, or `fallback` when absent.
Result<int> IntParameter(const ApiCall& call, std::string_view name, int fallback) {
  const auto text = call.Query(name);
  if (!text) return fallback;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    return Status::InvalidFields({{std::string(name), "expected a whole number"}});
  }
  return value;
}

Result<ApiReply> ReadPlanCourse(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id, call.PathId("plan_id"));
  CORIUM_ASSIGN_OR_RETURN(
      const app::PlanCourseView view,
      call.services.course_reads.Course(call.actor(), call.services.kb, plan_id));
  return ApiReply::Json(PlanCourseToJson(view, call.services.kb));
}

Result<ApiReply> ReadHomeCare(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const int weeks, IntParameter(call, "weeks", kDefaultHomeCareWeeks));
  CORIUM_ASSIGN_OR_RETURN(const int uses, IntParameter(call, "uses", 0));
  CORIUM_ASSIGN_OR_RETURN(
      const app::HomeCareView view,
      call.services.course_reads.HomeCare(call.actor(), call.services.kb, client_id, weeks, uses));
  return ApiReply::Json(HomeCareToJson(view, weeks, call.services.kb));
}

}  // namespace

void AddCourseRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{plan_id}/course",
              .permission = Permission::kReadChart,
              .handler = ReadPlanCourse});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/home-care",
              .permission = Permission::kReadChart,
              .handler = ReadHomeCare});
}

}  // namespace corium::http
