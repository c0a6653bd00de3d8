// Courses of treatment over HTTP (issue 6): a plan's course (earliest dates with the constraint
// that set each, sessions done, follow-up points, preparation reminders) and a client's
// home-rolling plan, computed on each read by app/course_reads.h; and a plan's status, "no
// response" included (app/plan_status.h, FU-03).
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

ApiReply CourseReply(const app::PlanCourseView& view, const kb::KnowledgeBase& kb) {
  ApiReply reply = ApiReply::Json(PlanCourseToJson(view, kb));
  reply.version = view.plan.version;
  return reply;
}

Result<ApiReply> ReadPlanCourse(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id, call.PathId("plan_id"));
  CORIUM_ASSIGN_OR_RETURN(
      const app::PlanCourseView view,
      call.services.course_reads.Course(call.actor(), call.services.kb, plan_id));
  return CourseReply(view, call.services.kb);
}

// PUT {"status": "no_response"} with If-Match: FU-03 refusals name `status`.
Result<ApiReply> SetPlanStatus(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id, call.PathId("plan_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t version, call.IfMatch());
  const std::string status = call.body.value("status", "");
  CORIUM_RETURN_IF_ERROR(
      call.services.plan_status.SetStatus(call.actor(), call.services.kb, plan_id, version, status)
          .status());
  CORIUM_ASSIGN_OR_RETURN(
      const app::PlanCourseView view,
      call.services.course_reads.Course(call.actor(), call.services.kb, plan_id));
  return CourseReply(view, call.services.kb);
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
  router.Add({.method = "PUT",
              .pattern = "/api/v1/plans/{plan_id}/status",
              .permission = Permission::kPlanAndConsent,
              .handler = SetPlanStatus});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/home-care",
              .permission = Permission::kReadChart,
              .handler = ReadHomeCare});
}

}  // namespace corium::http
