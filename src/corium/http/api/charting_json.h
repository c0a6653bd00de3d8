// JSON for plans, consents, session charts and amendments, as api/paths/charting.json describes
// them. Request field names are the use cases' own (zones[0].max, checklist[2].state…), so an
// error a use case reports by field name points at the body's field. Depths are millimetres.
// Pure functions; safe from any thread.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "corium/app/chart_reads.h"
#include "corium/app/charting.h"
#include "corium/base/result.h"

namespace corium::http {

// Bodies of POST /plans, POST /consents, POST /sessions and PUT /sessions/{id}, POST /amendments.
Result<app::PlanRequest> PlanRequestFromJson(const nlohmann::json& body);
Result<app::ConsentRequest> ConsentRequestFromJson(const nlohmann::json& body);
Result<app::SessionChart> SessionChartFromJson(const nlohmann::json& body);
Result<app::AmendmentRequest> AmendmentRequestFromJson(const nlohmann::json& body);

// A positive id written in a query parameter (`record_id=12`), or nullopt.
std::optional<app::Id> ParseQueryId(std::string_view text);

nlohmann::json PlanToJson(const app::PlanView& plan);
nlohmann::json ConsentToJson(const app::ConsentView& consent);
nlohmann::json ConsentItemsToJson(const app::ConsentItemsView& view);
nlohmann::json SessionToJson(const app::SessionView& session);
nlohmann::json SessionSummaryToJson(const app::SessionSummary& session);
nlohmann::json AmendmentToJson(const app::AmendmentView& amendment);

}  // namespace corium::http
