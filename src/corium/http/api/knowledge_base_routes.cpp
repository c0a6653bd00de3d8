// The knowledge base as the clinicians' app reads it: the vocabulary an intake form is built from
// and the rules with their sources. Any signed-in account may read them; nothing is stored.
#include "corium/http/api.h"
#include "corium/http/api/knowledge_base_json.h"

namespace corium::http {

void AddKnowledgeBaseRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/knowledge-base/vocabulary",
              .handler = [](ApiCall& call) -> Result<ApiReply> {
                return ApiReply::Json(VocabularyToJson(call.services.kb));
              }});
  router.Add({.method = "GET",
              .pattern = "/api/v1/knowledge-base/rules",
              .handler = [](ApiCall& call) -> Result<ApiReply> {
                return ApiReply::Json(RulesToJson(call.services.kb));
              }});
}

}  // namespace corium::http
