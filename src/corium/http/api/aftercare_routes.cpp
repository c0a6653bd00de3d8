// GET /api/v1/sessions/{session_id}/aftercare: the client's aftercare sheet for a charted session
// (app/aftercare.h, engine/aftercare.h), for whoever may read the session's chart.
#include <string>

#include "corium/app/aftercare.h"
#include "corium/http/api.h"
#include "corium/http/api/knowledge_base_json.h"

namespace corium::http {
namespace {

using nlohmann::json;

json SheetToJson(const app::AftercareView& view, const kb::KnowledgeBase& kb) {
  const engine::AftercareSheet& sheet = view.sheet;
  json out = {{"session_id", view.session_id},
              {"session_date", view.session_date.ToString()},
              {"client",
               {{"id", view.parties.client_id},
                {"name", view.parties.client_given_name + " " + view.parties.client_family_name}}},
              {"practitioner", {{"name", view.parties.practitioner_name}}},
              {"clinic", {{"name", view.parties.clinic_name}}},
              {"deepest_mm", view.deepest ? json(view.deepest->millimetres()) : json(nullptr)},
              {"timeline", json::array()},
              {"avoid", json::array()},
              {"check_ins", json::array()},
              {"warning_signs", json::array()},
              {"notes", json::array()},
              {"kb", KnowledgeBaseIdentityToJson(kb)}};
  for (const auto& period : sheet.timeline) {
    out["timeline"].push_back({{"when", period.when},
                               {"from", period.from.ToString()},
                               {"to", period.to.ToString()},
                               {"expect", period.expect},
                               {"do", period.steps}});
  }
  for (const auto& avoid : sheet.avoid) {
    out["avoid"].push_back(
        {{"what", avoid.what}, {"until", avoid.until.ToString()}, {"rule", avoid.rule}});
  }
  for (const auto& check_in : sheet.check_ins) {
    out["check_ins"].push_back(
        {{"label", check_in.label}, {"date", check_in.date.ToString()}, {"rule", check_in.rule}});
  }
  for (const auto& sign : sheet.warning_signs) {
    out["warning_signs"].push_back({{"rule", sign.rule},
                                    {"signs", sign.signs},
                                    {"action", sign.action},
                                    {"urgency", sign.urgency}});
  }
  for (const auto& note : sheet.notes) {
    out["notes"].push_back({{"rule", note.rule}, {"text", note.text}});
  }
  return out;
}

Result<ApiReply> ReadAftercare(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id, call.PathId("session_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::AftercareView view,
                          call.services.aftercare.Read(call.actor(), call.services.kb, session_id));
  return ApiReply::Json(SheetToJson(view, call.services.kb));
}

}  // namespace

void AddAftercareRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/sessions/{session_id}/aftercare",
              .permission = app::Permission::kReadChart,
              .handler = ReadAftercare});
}

}  // namespace corium::http
