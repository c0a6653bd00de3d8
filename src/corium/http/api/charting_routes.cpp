// Plans, consents, session charts and amendments over HTTP. Writes go through the charting use
// cases (which hold every clinical rule); a created or changed record is answered as read back by
// the audited reads of app/chart_reads.h. Handlers only map JSON to use cases and back.
#include <string>

#include "corium/app/chart_reads.h"
#include "corium/app/charting.h"
#include "corium/http/api.h"
#include "corium/http/api/charting_json.h"
#include "corium/http/api/client_json.h"
#include "corium/http/api/photo_json.h"

namespace corium::http {
namespace {

using app::Permission;

std::string Location(std::string_view collection, app::Id id) {
  return "/api/v1/" + std::string(collection) + "/" + std::to_string(id);
}

ApiReply PlanReply(const app::PlanView& plan, int status = 200) {
  ApiReply reply = ApiReply::Json(PlanToJson(plan), status);
  reply.version = plan.version;
  if (status == 201) reply.location = Location("plans", plan.id);
  return reply;
}

ApiReply SessionReply(const app::SessionView& session, int status = 200) {
  ApiReply reply = ApiReply::Json(SessionToJson(session), status);
  reply.version = session.version;
  if (status == 201) reply.location = Location("sessions", session.id);
  return reply;
}

Result<ApiReply> CreatePlan(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::PlanRequest request, PlanRequestFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id,
                          call.services.charting.CreatePlan(call.actor(), request));
  CORIUM_ASSIGN_OR_RETURN(const app::PlanView plan,
                          call.services.chart_reads.Plan(call.actor(), plan_id));
  return PlanReply(plan, 201);
}

Result<ApiReply> ReadPlan(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id, call.PathId("plan_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::PlanView plan,
                          call.services.chart_reads.Plan(call.actor(), plan_id));
  return PlanReply(plan);
}

Result<ApiReply> ListClientPlans(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto plans, call.services.chart_reads.ClientPlans(
                                                call.actor(), client_id, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(plans, page, PlanToJson));
}

Result<ApiReply> ReadConsentItems(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id, call.PathId("plan_id"));
  CORIUM_ASSIGN_OR_RETURN(
      const app::ConsentItemsView items,
      call.services.chart_reads.ConsentItems(call.actor(), call.services.kb, plan_id));
  return ApiReply::Json(ConsentItemsToJson(items));
}

Result<ApiReply> SignConsent(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::ConsentRequest request, ConsentRequestFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id consent_id,
                          call.services.charting.SignConsent(call.actor(), request));
  CORIUM_ASSIGN_OR_RETURN(const app::ConsentView consent,
                          call.services.chart_reads.Consent(call.actor(), consent_id));
  return ApiReply::Created(ConsentToJson(consent), Location("consents", consent.id));
}

Result<ApiReply> ReadConsent(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id consent_id, call.PathId("consent_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::ConsentView consent,
                          call.services.chart_reads.Consent(call.actor(), consent_id));
  return ApiReply::Json(ConsentToJson(consent));
}

Result<ApiReply> ChartSession(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::SessionChart chart, SessionChartFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id, call.services.charting.ChartSession(
                                                        call.actor(), call.services.kb, chart));
  CORIUM_ASSIGN_OR_RETURN(const app::SessionView session,
                          call.services.chart_reads.Session(call.actor(), session_id));
  return SessionReply(session, 201);
}

Result<ApiReply> ReadSession(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id, call.PathId("session_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::SessionView session,
                          call.services.chart_reads.Session(call.actor(), session_id));
  return SessionReply(session);
}

Result<ApiReply> UpdateSession(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id, call.PathId("session_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t version, call.IfMatch());
  CORIUM_ASSIGN_OR_RETURN(const app::SessionChart chart, SessionChartFromJson(call.body));
  CORIUM_RETURN_IF_ERROR(
      call.services.charting
          .UpdateDraftSession(call.actor(), call.services.kb, session_id, version, chart)
          .status());
  CORIUM_ASSIGN_OR_RETURN(const app::SessionView session,
                          call.services.chart_reads.Session(call.actor(), session_id));
  return SessionReply(session);
}

Result<ApiReply> SignSession(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id, call.PathId("session_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t version, call.IfMatch());
  CORIUM_RETURN_IF_ERROR(call.services.charting.SignSession(call.actor(), session_id, version));
  CORIUM_ASSIGN_OR_RETURN(const app::SessionView session,
                          call.services.chart_reads.Session(call.actor(), session_id));
  return SessionReply(session);
}

Result<ApiReply> ListClientSessions(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto sessions, call.services.chart_reads.ClientSessions(
                                                   call.actor(), client_id, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(sessions, page, SessionSummaryToJson));
}

Result<ApiReply> AmendRecord(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::AmendmentRequest request, AmendmentRequestFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id amendment_id,
                          call.services.charting.AmendRecord(call.actor(), request));
  CORIUM_ASSIGN_OR_RETURN(const app::AmendmentView amendment,
                          call.services.chart_reads.Amendment(call.actor(), amendment_id));
  return ApiReply::Created(AmendmentToJson(amendment), Location("amendments", amendment.id));
}

Result<ApiReply> ReadAmendment(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id amendment_id, call.PathId("amendment_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::AmendmentView amendment,
                          call.services.chart_reads.Amendment(call.actor(), amendment_id));
  return ApiReply::Json(AmendmentToJson(amendment));
}

// GET /amendments?record_type=session&record_id=12: both parameters are required.
Result<ApiReply> ListAmendments(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  std::vector<FieldError> errors;
  const auto record_type = call.Query("record_type");
  if (!record_type) errors.push_back({"record_type", "required"});
  app::Id record_id = 0;
  if (const auto id = call.Query("record_id")) {
    record_id = ParseQueryId(*id).value_or(0);
    if (record_id == 0) errors.push_back({"record_id", "expected a record id"});
  } else {
    errors.push_back({"record_id", "required"});
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  CORIUM_ASSIGN_OR_RETURN(const auto amendments, call.services.chart_reads.Amendments(
                                                     call.actor(), std::string(*record_type),
                                                     record_id, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(amendments, page, AmendmentToJson));
}

}  // namespace

void AddChartingRoutes(ApiRouter& router) {
  router.Add({.method = "POST",
              .pattern = "/api/v1/plans",
              .permission = Permission::kPlanAndConsent,
              .handler = CreatePlan});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{plan_id}",
              .permission = Permission::kReadChart,
              .handler = ReadPlan});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/plans",
              .permission = Permission::kReadChart,
              .handler = ListClientPlans});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{plan_id}/consent-items",
              .permission = Permission::kReadChart,
              .handler = ReadConsentItems});
  router.Add({.method = "POST",
              .pattern = "/api/v1/consents",
              .permission = Permission::kPlanAndConsent,
              .handler = SignConsent});
  router.Add({.method = "GET",
              .pattern = "/api/v1/consents/{consent_id}",
              .permission = Permission::kReadChart,
              .handler = ReadConsent});
  router.Add({.method = "POST",
              .pattern = "/api/v1/sessions",
              .permission = Permission::kChartSession,
              .handler = ChartSession});
  router.Add({.method = "GET",
              .pattern = "/api/v1/sessions/{session_id}",
              .permission = Permission::kReadChart,
              .handler = ReadSession});
  router.Add({.method = "PUT",
              .pattern = "/api/v1/sessions/{session_id}",
              .permission = Permission::kChartSession,
              .handler = UpdateSession});
  router.Add({.method = "POST",
              .pattern = "/api/v1/sessions/{session_id}/sign",
              .permission = Permission::kChartSession,
              .handler = SignSession});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/sessions",
              .permission = Permission::kReadChart,
              .handler = ListClientSessions});
  router.Add({.method = "POST",
              .pattern = "/api/v1/amendments",
              .permission = Permission::kAmend,
              .handler = AmendRecord});
  router.Add({.method = "GET",
              .pattern = "/api/v1/amendments",
              .permission = Permission::kReadChart,
              .handler = ListAmendments});
  router.Add({.method = "GET",
              .pattern = "/api/v1/amendments/{amendment_id}",
              .permission = Permission::kReadChart,
              .handler = ReadAmendment});
  AddPhotoRoutes(router);
}

}  // namespace corium::http
