// Clients over HTTP: search, register, read and update a client; record and list the intake
// revisions of a client's history; read the client's chart. Every read of a client's record is
// audited by the use case it calls; handlers only map JSON to use cases and back.
#include <string>

#include "corium/app/client_reads.h"
#include "corium/app/consultation.h"
#include "corium/http/api.h"
#include "corium/http/api/client_json.h"

namespace corium::http {
namespace {

using app::Permission;

std::string ClientLocation(app::Id client_id) {
  return "/api/v1/clients/" + std::to_string(client_id);
}

ApiReply ClientReply(const app::Client& client, int status = 200) {
  ApiReply reply = ApiReply::Json(ClientToJson(client), status);
  reply.version = client.version;
  if (status == 201) reply.location = ClientLocation(client.id);
  return reply;
}

Result<ApiReply> SearchClients(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const app::ClientQuery query, ClientQueryFromCall(call));
  CORIUM_ASSIGN_OR_RETURN(
      const auto found,
      app::SearchClients(call.services.consultation, call.actor(), query, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(found, page, ClientToJson));
}

Result<ApiReply> RegisterClient(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::ClientDraft draft, ClientDraftFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Client client,
                          app::RegisterClient(call.services.consultation, call.actor(), draft));
  return ClientReply(client, 201);
}

Result<ApiReply> ReadClient(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::Client client,
                          app::ReadClient(call.services.consultation, call.actor(), client_id));
  return ClientReply(client);
}

Result<ApiReply> UpdateClient(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t read_version, call.IfMatch());
  CORIUM_ASSIGN_OR_RETURN(const app::ClientDraft draft, ClientDraftFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Client client,
      app::UpdateClient(call.services.consultation, call.actor(), client_id, read_version, draft));
  return ClientReply(client);
}

Result<ApiReply> ListIntakes(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(
      const auto found,
      app::ListIntakes(call.services.consultation, call.actor(), client_id, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(found, page, IntakeToJson));
}

// The body is the history itself, passed to the use case as the caller wrote it: the engine's
// intake parser checks the bytes (a field repeated in one object included) and names each
// problem by its path in this body.
Result<ApiReply> RecordIntake(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(
      const app::IntakeRecord intake,
      app::RecordIntake(call.services.consultation, call.actor(), client_id, call.request.body));
  return ApiReply::Created(IntakeToJson(intake), ClientLocation(client_id) + "/intakes");
}

Result<ApiReply> ReadChart(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(
      const app::ClientChart chart,
      app::ReadClientChart(call.services.consultation, call.actor(), client_id));
  // The chart gathers many records, so its ETag is its content's; a 304 is still an audited read.
  ApiReply reply;
  reply.content_type = "application/json";
  reply.raw_body = ChartJsonText(chart);
  reply.content_etag = true;
  return reply;
}

}  // namespace

void AddClientRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients",
              .permission = Permission::kReadClients,
              .handler = SearchClients});
  router.Add({.method = "POST",
              .pattern = "/api/v1/clients",
              .permission = Permission::kWriteClients,
              .handler = RegisterClient});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}",
              .permission = Permission::kReadClients,
              .handler = ReadClient});
  router.Add({.method = "PUT",
              .pattern = "/api/v1/clients/{client_id}",
              .permission = Permission::kWriteClients,
              .handler = UpdateClient});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/intakes",
              .permission = Permission::kReadChart,
              .handler = ListIntakes});
  router.Add({.method = "POST",
              .pattern = "/api/v1/clients/{client_id}/intakes",
              .permission = Permission::kRecordIntake,
              .handler = RecordIntake});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/chart",
              .permission = Permission::kReadChart,
              .handler = ReadChart});
}

}  // namespace corium::http
