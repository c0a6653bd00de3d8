// GET /api/v1/today: the clinic's worklist for the day (app/today.h) as the Today screen shows
// it. Clinical and front-desk staff may read it; a reader without read_chart (the front desk)
// gets neither screening decisions nor adverse events, which are left out rather than blanked.
#include <string>

#include "corium/app/today.h"
#include "corium/http/api.h"

namespace corium::http {
namespace {

using nlohmann::json;

std::string FullName(const app::ClientName& client) {
  return client.given_name + " " + client.family_name;
}

json DueToJson(const app::DueSession& due) {
  json out = {{"client_id", due.client.client_id},
              {"client_name", FullName(due.client)},
              {"plan_id", due.plan_id},
              {"status", due.status}};
  if (due.session_id) out["session_id"] = *due.session_id;
  if (due.due_date) out["due_date"] = due.due_date->ToString();
  return out;
}

json PendingToJson(const app::ClearancePending& pending, bool clinical) {
  json out = {{"client_id", pending.client.client_id},
              {"client_name", FullName(pending.client)},
              {"screening_id", pending.screening_id},
              {"screened_at", pending.screened_at}};
  if (clinical) out["decision"] = pending.decision;
  return out;
}

json EventToJson(const app::AdverseEventView& event) {
  return {{"event_id", event.id},
          {"client_id", event.client_id},
          {"client_name", event.client_given_name + " " + event.client_family_name},
          {"onset", event.onset_on.ToString()},
          {"grade", event.grade},
          {"summary", event.description}};
}

json LotToJson(const app::ExpiringLot& lot) {
  return {{"kind", lot.kind == app::LotKind::kCartridge ? "cartridge" : "product"},
          {"lot_id", lot.id},
          {"lot", lot.lot_number},
          {"name", lot.name},
          {"expires", lot.expires_on.ToString()}};
}

Result<ApiReply> ReadToday(ApiCall& call) {
  const bool clinical = call.principal->Allows(app::Permission::kReadChart);
  CORIUM_ASSIGN_OR_RETURN(
      const app::TodayView today,
      call.services.today.Read(call.actor(), clinical ? app::TodayReads::Scope::kClinical
                                                      : app::TodayReads::Scope::kFrontDesk));
  json out = {{"date", today.date.ToString()},
              {"sessions_due", json::array()},
              {"awaiting_clearance", json::array()},
              {"expiring_lots", json::array()}};
  for (const auto& due : today.sessions_due) out["sessions_due"].push_back(DueToJson(due));
  for (const auto& pending : today.awaiting_clearance) {
    out["awaiting_clearance"].push_back(PendingToJson(pending, clinical));
  }
  if (clinical) {
    out["open_adverse_events"] = json::array();
    for (const auto& event : today.open_adverse_events) {
      out["open_adverse_events"].push_back(EventToJson(event));
    }
  }
  for (const auto& lot : today.expiring_lots) out["expiring_lots"].push_back(LotToJson(lot));
  return ApiReply::Json(std::move(out));
}

}  // namespace

void AddTodayRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/today",
              .permission = app::Permission::kReadToday,
              .handler = ReadToday});
}

}  // namespace corium::http
