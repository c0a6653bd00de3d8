// Adverse events and outcome assessments over HTTP: record them through the safety use cases
// (grading, escalation and reference checks live there), read them back through the audited
// reads of app/safety_reads.h, and list a clinic's open events for the Today screen.
#include <string>

#include "corium/app/safety.h"
#include "corium/app/safety_reads.h"
#include "corium/http/api.h"
#include "corium/http/api/client_json.h"
#include "corium/http/api/safety_json.h"

namespace corium::http {
namespace {

using app::Permission;

ApiReply EventReply(const app::AdverseEventView& event, int status = 200) {
  ApiReply reply = ApiReply::Json(AdverseEventToJson(event), status);
  reply.version = event.version;
  if (status == 201) reply.location = "/api/v1/adverse-events/" + std::to_string(event.id);
  return reply;
}

// `open=true` lists events still being followed up, `open=false` the closed ones.
Result<app::EventState> StateParameter(const ApiCall& call) {
  const auto open = call.Query("open");
  if (!open) return app::EventState::kAny;
  if (*open == "true") return app::EventState::kOpen;
  if (*open == "false") return app::EventState::kClosed;
  return Status::InvalidFields({{"open", "expected true or false"}});
}

Result<ApiReply> RecordAdverseEvent(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::AdverseEventReport report,
                          AdverseEventReportFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id event_id,
                          call.services.safety.RecordAdverseEvent(call.actor(), report));
  CORIUM_ASSIGN_OR_RETURN(const app::AdverseEventView event,
                          call.services.safety_reads.AdverseEvent(call.actor(), event_id));
  return EventReply(event, 201);
}

Result<ApiReply> ReadAdverseEvent(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id event_id, call.PathId("event_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::AdverseEventView event,
                          call.services.safety_reads.AdverseEvent(call.actor(), event_id));
  return EventReply(event);
}

Result<ApiReply> UpdateOutcome(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id event_id, call.PathId("event_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t version, call.IfMatch());
  CORIUM_ASSIGN_OR_RETURN(const app::AdverseOutcome outcome, AdverseOutcomeFromJson(call.body));
  CORIUM_RETURN_IF_ERROR(
      call.services.safety.UpdateAdverseEventOutcome(call.actor(), event_id, version, outcome)
          .status());
  CORIUM_ASSIGN_OR_RETURN(const app::AdverseEventView event,
                          call.services.safety_reads.AdverseEvent(call.actor(), event_id));
  return EventReply(event);
}

Result<ApiReply> ListClinicEvents(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const app::EventState state, StateParameter(call));
  CORIUM_ASSIGN_OR_RETURN(const auto events, call.services.safety_reads.ClinicAdverseEvents(
                                                 call.actor(), state, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(events, page, AdverseEventToJson));
}

Result<ApiReply> ListClientEvents(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const app::EventState state, StateParameter(call));
  CORIUM_ASSIGN_OR_RETURN(const auto events,
                          call.services.safety_reads.ClientAdverseEvents(
                              call.actor(), client_id, state, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(events, page, AdverseEventToJson));
}

Result<ApiReply> RecordAssessment(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::OutcomeAssessment assessment,
                          OutcomeAssessmentFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id assessment_id,
      call.services.safety.RecordOutcomeAssessment(call.actor(), call.services.kb, assessment));
  CORIUM_ASSIGN_OR_RETURN(const app::OutcomeAssessmentView stored,
                          call.services.safety_reads.Assessment(call.actor(), assessment_id));
  return ApiReply::Created(OutcomeAssessmentToJson(stored),
                           "/api/v1/outcome-assessments/" + std::to_string(stored.id));
}

Result<ApiReply> ReadAssessment(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id assessment_id, call.PathId("assessment_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::OutcomeAssessmentView assessment,
                          call.services.safety_reads.Assessment(call.actor(), assessment_id));
  return ApiReply::Json(OutcomeAssessmentToJson(assessment));
}

Result<ApiReply> ListPlanAssessments(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id, call.PathId("plan_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto assessments, call.services.safety_reads.PlanAssessments(
                                                      call.actor(), plan_id, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(assessments, page, OutcomeAssessmentToJson));
}

}  // namespace

void AddSafetyRoutes(ApiRouter& router) {
  router.Add({.method = "POST",
              .pattern = "/api/v1/adverse-events",
              .permission = Permission::kRecordSafety,
              .handler = RecordAdverseEvent});
  router.Add({.method = "GET",
              .pattern = "/api/v1/adverse-events",
              .permission = Permission::kReadChart,
              .handler = ListClinicEvents});
  router.Add({.method = "GET",
              .pattern = "/api/v1/adverse-events/{event_id}",
              .permission = Permission::kReadChart,
              .handler = ReadAdverseEvent});
  router.Add({.method = "PUT",
              .pattern = "/api/v1/adverse-events/{event_id}/outcome",
              .permission = Permission::kRecordSafety,
              .handler = UpdateOutcome});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/adverse-events",
              .permission = Permission::kReadChart,
              .handler = ListClientEvents});
  router.Add({.method = "POST",
              .pattern = "/api/v1/outcome-assessments",
              .permission = Permission::kRecordSafety,
              .handler = RecordAssessment});
  router.Add({.method = "GET",
              .pattern = "/api/v1/outcome-assessments/{assessment_id}",
              .permission = Permission::kReadChart,
              .handler = ReadAssessment});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{plan_id}/outcome-assessments",
              .permission = Permission::kReadChart,
              .handler = ListPlanAssessments});
}

}  // namespace corium::http
