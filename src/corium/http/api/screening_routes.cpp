// Screenings over HTTP. POST /screenings is `corium screen` over HTTP: the contract's intake in,
// the contract's decision out, through the same engine functions and the same encoder, with
// nothing stored. The rest are the stored screenings of a client (Consult), their reads and the
// prescribers' overrides beside them.
#include <string>

#include "corium/app/client_reads.h"
#include "corium/app/consultation.h"
#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"
#include "corium/http/api.h"
#include "corium/http/api/client_json.h"
#include "corium/http/api/json_read.h"
#include "corium/http/api/screening_json.h"

namespace corium::http {
namespace {

using app::Permission;

std::string ScreeningLocation(app::Id screening_id) {
  return "/api/v1/screenings/" + std::to_string(screening_id);
}

// The pipeline has parsed the body once, strictly (a field repeated in one object is refused
// there); the intake parser checks the rest (unknown fields and codes, dates). The reply is byte
// for byte what `corium screen --format json` prints for the same intake and knowledge base.
Result<ApiReply> ScreenIntake(ApiCall& call) {
  const kb::KnowledgeBase& kb = call.services.kb;
  CORIUM_ASSIGN_OR_RETURN(const Intake intake,
                          engine::ParseIntakeDocument(call.document, kb,
                                                      call.services.clock.Today()));
  ApiReply reply;
  reply.content_type = "application/json";
  reply.raw_body = engine::DecisionToJson(engine::Screen(intake, kb)) + "\n";
  return reply;
}

Result<ApiReply> Consult(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const ConsultBody body, ConsultBodyFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening,
                          app::Consult(call.services.consultation, call.actor(), client_id,
                                       body.requests, body.device));
  return ApiReply::Created(ScreeningToJson(screening), ScreeningLocation(screening.id));
}

Result<ApiReply> ListScreenings(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto found,
                          app::ListScreenings(call.services.consultation, call.actor(), client_id,
                                              ToPageRequest(page)));
  return ApiReply::Json(PageToJson(found, page, ScreeningToJson));
}

Result<ApiReply> ReadScreening(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id screening_id, call.PathId("screening_id"));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Screening screening,
      app::ReadScreening(call.services.consultation, call.actor(), screening_id));
  return ApiReply::Json(ScreeningToJson(screening));
}

Result<ApiReply> OverrideScreening(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id screening_id, call.PathId("screening_id"));
  const std::string reason = BodyReader(call.body).String("reason");
  CORIUM_ASSIGN_OR_RETURN(
      const app::ScreeningOverride entry,
      app::OverrideScreening(call.services.consultation, call.actor(), screening_id, reason));
  return ApiReply::Created(OverrideToJson(entry), ScreeningLocation(screening_id));
}

}  // namespace

void AddScreeningRoutes(ApiRouter& router) {
  router.Add({.method = "POST",
              .pattern = "/api/v1/screenings",
              .permission = Permission::kScreen,
              .validates_own_body = true,  // the intake parser (ContractIntake's schema says so)
              .handler = ScreenIntake});
  router.Add({.method = "GET",
              .pattern = "/api/v1/screenings/{screening_id}",
              .permission = Permission::kReadChart,
              .handler = ReadScreening});
  router.Add({.method = "POST",
              .pattern = "/api/v1/screenings/{screening_id}/overrides",
              .permission = Permission::kOverrideScreening,
              .handler = OverrideScreening});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/screenings",
              .permission = Permission::kReadChart,
              .handler = ListScreenings});
  router.Add({.method = "POST",
              .pattern = "/api/v1/clients/{client_id}/screenings",
              .permission = Permission::kScreen,
              .handler = Consult});
}

}  // namespace corium::http
