// The API's own description: the OpenAPI document, and the knowledge base's identity (version
// and digest) so a client can tell which rules its decisions came from.
#include "corium/http/api.h"
#include "corium/http/openapi.h"

namespace corium::http {

void AddSystemRoutes(ApiRouter& router, const std::shared_ptr<const OpenApi>& openapi) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/openapi.json",
              .access = Access::kPublic,
              .handler = [openapi](ApiCall&) -> Result<ApiReply> {
                ApiReply reply;
                reply.content_type = "application/json";
                reply.raw_body = openapi->serialized();
                return reply;
              }});
  router.Add({.method = "GET",
              .pattern = "/api/v1/knowledge-base",
              .handler = [](ApiCall& call) -> Result<ApiReply> {
                const auto& kb = call.services.kb;
                return ApiReply::Json({{"version", kb.version}, {"digest", kb.digest}});
              }});
}

ApiRouter BuildApiRouter(const std::shared_ptr<const OpenApi>& openapi) {
  ApiRouter router;
  AddSystemRoutes(router, openapi);
  AddAccountRoutes(router);
  AddClientRoutes(router);
  AddScreeningRoutes(router);
  AddStaffRoutes(router);
  AddChartingRoutes(router);
  AddSafetyRoutes(router);
  AddCourseRoutes(router);
  AddInventoryRoutes(router);
  AddKnowledgeBaseRoutes(router);
  AddCalendarRoutes(router);
  AddCalendarExportRoutes(router);
  AddTodayRoutes(router);
  AddAftercareRoutes(router);
  AddCourseExportRoutes(router);
  return router;
}

}  // namespace corium::http
